package org.passerelle.hostile;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/**
 * Values and bodies that a careless or malicious client may send, drawn from a seeded random
 * generator so that a failing try can be replayed.
 */
final class HostileValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Text a person may really be called, or may really type; accepted input must read back as sent. */
    static final List<String> ODD_BUT_FAIR_TEXT = List.of(
            "محمد عبد القادر",
            "አበበ ቢቂላ",
            "Zoë Ñúñez-O'Brien",
            "e\u0301\u0301\u0301 combining",
            "\u202Eevil RTL override",
            "Fatima 👩🏽‍⚕️ 🇸🇩",
            "\uFEFFbom first",
            "'; drop table people.person; --",
            "<script>alert(1)</script>",
            "%s %n {0} ${jndi:ldap://x}",
            "Ω≈ç√∫ 你好 こんにちは",
            "x");

    /** Text no form should let through: control characters, lone surrogates, blanks. */
    static final List<String> BROKEN_TEXT = List.of(
            "\u0000",
            "Hawa\u0000Diallo",
            "\uD800",
            "lone \uDC00 low",
            "\uDBFF\uDBFF",
            "bell\u0007",
            "",
            " ",
            "\u2003\u3000",
            "\t\n\r");

    /** Strings standing where a number, a date, an enum value or an id belongs. */
    static final List<String> MISPLACED_TEXT = List.of(
            "42",
            "-1",
            "1e309",
            "NaN",
            "Infinity",
            "9223372036854775808",
            "0000-00-00",
            "2026-02-30",
            "+999999-01-01",
            "9999-12-31",
            "-999999999-01-01",
            "+999999999-12-31",
            "1900-01-01",
            "0001-01-01",
            "2020-1-1",
            "female",
            "Female",
            "MALE ",
            "NOT_A_VALUE",
            "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "not-a-uuid",
            "123e4567-e89b-12d3-a456-42661417400",
            "123e4567-e89b-12d3-a456-4266141740000",
            "true",
            "null");

    private HostileValues() {}

    /** Any hostile value for any field: a wrong type, null, an absurd number or a hostile string. */
    static JsonNode next(RandomGenerator random) {
        return switch (weighted(random, 6, 1, 2, 1, 2)) {
            case 0 -> NODES.stringNode(string(random));
            case 1 -> NODES.nullNode();
            case 2 -> number(random);
            case 3 -> NODES.booleanNode(random.nextBoolean());
            default -> container(random);
        };
    }

    static String string(RandomGenerator random) {
        return switch (weighted(random, 3, 4, 3, 1, 2, 1)) {
            case 0 -> pick(random, ODD_BUT_FAIR_TEXT);
            case 1 -> pick(random, BROKEN_TEXT);
            case 2 -> pick(random, MISPLACED_TEXT);
            case 3 -> huge(random);
            case 4 -> anyChars(random, 40);
            default -> chars(random, random.nextInt(6), '\u0000', '\u001F');
        };
    }

    /** 201 characters, just past the longest name, or 100 kB. */
    static String huge(RandomGenerator random) {
        return pick(random, List.of("a", "é", "ع", "😀")).repeat(random.nextBoolean() ? 201 : 100_000);
    }

    static JsonNode number(RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 ->
                NODES.numberNode(pick(
                        random,
                        List.of(0L, -1L, 1L, 121L, 1899L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L)));
            case 1 ->
                NODES.rawValueNode(new RawValue(pick(
                        random, List.of("1e309", "-1e309", "9223372036854775808", "1.5", "-0", "1E2", "0.0000001"))));
            default -> NODES.numberNode(pick(random, List.of(Double.MAX_VALUE, Double.MIN_VALUE, -0.0)));
        };
    }

    static JsonNode container(RandomGenerator random) {
        return switch (random.nextInt(6)) {
            case 0 -> NODES.arrayNode();
            case 1 -> NODES.arrayNode().add(1).add("x").addNull();
            case 2 -> NODES.arrayNode().addNull();
            case 3 -> NODES.objectNode();
            case 4 -> NODES.objectNode().put("a", 1);
            default -> NODES.objectNode().set("$ref", NODES.stringNode("#"));
        };
    }

    /** Bodies that are not the JSON object an endpoint expects: garbage, truncated, too deep, arrays. */
    static byte[] garbage(RandomGenerator random, String validBody) {
        byte[] valid = utf8(validBody);
        return switch (random.nextInt(7)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(201)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> utf8(anyChars(random, 200));
            case 2 -> Arrays.copyOf(valid, random.nextInt(valid.length));
            case 3 -> {
                int depth = pick(random, List.of(10, 600, 10_000));
                yield utf8("[".repeat(depth) + "]".repeat(depth));
            }
            case 4 -> {
                int depth = pick(random, List.of(10, 600, 10_000));
                yield utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth));
            }
            case 5 ->
                utf8(pick(
                        random,
                        List.of(
                                "[" + validBody + "]",
                                "[" + validBody + "," + validBody + "]",
                                validBody + validBody,
                                validBody + "x",
                                "\uFEFF" + validBody,
                                "null",
                                "42",
                                "\"text\"",
                                "true",
                                "[]",
                                "{}",
                                "{'single': 'quotes'}",
                                "{\"a\": 1,}",
                                "{\"a\": NaN}",
                                "{/* comment */}",
                                "{\"a\":\"\\uD800\"}",
                                "{\"a\":\"\\u0000\"}",
                                "{\"a\":\"\\x41\"}")));
            default ->
                pick(
                                random,
                                List.of(
                                        new byte[] {(byte) 0xC0, (byte) 0x80},
                                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
                                        new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}))
                        .clone();
        };
    }

    /** Content types a body may wrongly be sent with, or none. */
    static String contentType(RandomGenerator random) {
        return pick(
                random,
                List.of(
                        "application/json",
                        "application/json; charset=UTF-8",
                        "application/json; charset=UTF-16",
                        "application/json; charset=nonsense",
                        "text/plain",
                        "application/xml",
                        "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=xyz",
                        "application/problem+json",
                        "*/*",
                        "application/*",
                        "///",
                        ""));
    }

    /**
     * Up to {@code maxLength} characters from the whole UTF-16 range, unpaired surrogates and
     * noncharacters included; half of them drawn from ranges that matter more (printable ASCII,
     * control characters, surrogates), and sometimes none at all.
     */
    static String anyChars(RandomGenerator random, int maxLength) {
        int length = random.nextInt(8) == 0 ? 0 : random.nextInt(1, maxLength + 1);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(
                    switch (weighted(random, 4, 2, 1, 1)) {
                        case 0 -> (char) random.nextInt(Character.MIN_VALUE, Character.MAX_VALUE + 1);
                        case 1 -> (char) random.nextInt(0x20, 0x7F);
                        case 2 -> (char) random.nextInt(0x00, 0x20);
                        default -> (char) random.nextInt(Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1);
                    });
        }
        return text.toString();
    }

    /** {@code length} characters from {@code first} to {@code last}. */
    static String chars(RandomGenerator random, int length, char first, char last) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) random.nextInt(first, last + 1));
        }
        return text.toString();
    }

    /** One of {@code values}, each as likely. */
    static <T> T pick(RandomGenerator random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** An index into {@code weights}, each as likely as its weight. */
    static int weighted(RandomGenerator random, int... weights) {
        int draw = random.nextInt(Arrays.stream(weights).sum());
        for (int index = 0; index < weights.length; index++) {
            draw -= weights[index];
            if (draw < 0) {
                return index;
            }
        }
        throw new IllegalStateException("no weights");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
