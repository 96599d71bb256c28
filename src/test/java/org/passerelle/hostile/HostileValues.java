package org.passerelle.hostile;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.util.RawValue;

/** Values and bodies that a careless or malicious client may send. */
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
    static Arbitrary<JsonNode> values() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, strings().map(NODES::stringNode)),
                Tuple.of(1, Arbitraries.just(NODES.nullNode())),
                Tuple.of(2, numbers()),
                Tuple.of(1, Arbitraries.of(true, false).map(NODES::booleanNode)),
                Tuple.of(2, containers()));
    }

    static Arbitrary<String> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(ODD_BUT_FAIR_TEXT)),
                Tuple.of(4, Arbitraries.of(BROKEN_TEXT)),
                Tuple.of(3, Arbitraries.of(MISPLACED_TEXT)),
                Tuple.of(1, huge()),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
                Tuple.of(
                        1,
                        Arbitraries.strings().withCharRange('\u0000', '\u001F').ofMaxLength(5)));
    }

    /** 201 characters, just past the longest name, or 100 kB. */
    static Arbitrary<String> huge() {
        return Arbitraries.of(201, 100_000)
                .flatMap(length -> Arbitraries.of("a", "é", "ع", "😀").map(unit -> unit.repeat(length)));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.of(0L, -1L, 1L, 121L, 1899L, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L)
                        .map(NODES::numberNode),
                Arbitraries.of("1e309", "-1e309", "9223372036854775808", "1.5", "-0", "1E2", "0.0000001")
                        .map(raw -> NODES.rawValueNode(new RawValue(raw))),
                Arbitraries.of(Double.MAX_VALUE, Double.MIN_VALUE, -0.0).map(NODES::numberNode));
    }

    static Arbitrary<JsonNode> containers() {
        return Arbitraries.of(
                NODES.arrayNode(),
                NODES.arrayNode().add(1).add("x").addNull(),
                NODES.arrayNode().addNull(),
                NODES.objectNode(),
                NODES.objectNode().put("a", 1),
                NODES.objectNode().set("$ref", NODES.stringNode("#")));
    }

    /** Bodies that are not the JSON object an endpoint expects: garbage, truncated, too deep, arrays. */
    static Arbitrary<byte[]> garbage(String validBody) {
        byte[] valid = validBody.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200),
                Arbitraries.strings().all().ofMaxLength(200).map(HostileValues::utf8),
                Arbitraries.integers().between(0, valid.length - 1).map(cut -> java.util.Arrays.copyOf(valid, cut)),
                Arbitraries.of(10, 600, 10_000).map(depth -> utf8("[".repeat(depth) + "]".repeat(depth))),
                Arbitraries.of(10, 600, 10_000).map(depth -> utf8("{\"a\":".repeat(depth) + "1" + "}".repeat(depth))),
                Arbitraries.of(
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
                                "{\"a\":\"\\x41\"}")
                        .map(HostileValues::utf8),
                Arbitraries.of(
                        new byte[] {(byte) 0xC0, (byte) 0x80},
                        new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}'},
                        new byte[] {(byte) 0xFE, (byte) 0xFF, 0, '{', 0, '}'}));
    }

    /** Content types a body may wrongly be sent with, or none. */
    static Arbitrary<String> contentTypes() {
        return Arbitraries.of(
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
                "");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
