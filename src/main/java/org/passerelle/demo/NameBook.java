package org.passerelle.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.Script;

/**
 * The invented names of the demo data, read from {@code demo/names.txt} (origins),
 * {@code demo/spellings.txt} (groups of spellings of one name) and {@code demo/scripts.txt}
 * (names in their original script).
 */
final class NameBook {

    private static final NameBook STANDARD =
            new NameBook(read("demo/names.txt"), read("demo/spellings.txt"), read("demo/scripts.txt"));

    private final List<Origin> origins;
    private final Map<String, List<String>> spellingGroups = new HashMap<>();
    private final Map<String, String> originalScript = new HashMap<>();

    private NameBook(List<String> originLines, List<String> spellingLines, List<String> scriptLines) {
        this.origins = OriginParser.parse(originLines);
        for (String line : spellingLines) {
            List<String> group = split(line);
            for (String name : group) {
                if (spellingGroups.putIfAbsent(name, group) != null) {
                    throw new IllegalStateException("Spelling listed twice: " + name);
                }
            }
        }
        for (String line : scriptLines) {
            String[] parts = line.split("=", 2);
            originalScript.put(parts[0].strip(), parts[1].strip());
        }
    }

    static NameBook standard() {
        return STANDARD;
    }

    List<Origin> origins() {
        return origins;
    }

    /** The other spellings of a name; none when it has no known variant. */
    List<String> otherSpellings(String name) {
        return spellingGroups.getOrDefault(name, List.of()).stream()
                .filter(n -> !n.equals(name))
                .toList();
    }

    /** A name written in its original script, found through any of its spellings. */
    Optional<String> originalScript(String name) {
        String direct = originalScript.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        return otherSpellings(name).stream()
                .map(originalScript::get)
                .filter(s -> s != null)
                .findFirst();
    }

    static List<String> split(String list) {
        return Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    /** The lines of a resource, without comments and blank lines. */
    private static List<String> read(String resource) {
        InputStream in = NameBook.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("Missing resource " + resource);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            reader.lines()
                    .map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(lines::add);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the blocks of {@code names.txt}. */
    private static final class OriginParser {

        static List<Origin> parse(List<String> lines) {
            List<Origin> origins = new ArrayList<>();
            @Nullable Map<String, String> block = null;
            for (String line : lines) {
                String[] keyValue = line.split("\\s+", 2);
                if (keyValue[0].equals("origin")) {
                    if (block != null) {
                        origins.add(origin(block));
                    }
                    block = new HashMap<>();
                }
                if (block == null) {
                    throw new IllegalStateException("names.txt must start with an origin: " + line);
                }
                block.put(keyValue[0], keyValue.length > 1 ? keyValue[1] : "");
            }
            if (block != null) {
                origins.add(origin(block));
            }
            return List.copyOf(origins);
        }

        private static Origin origin(Map<String, String> block) {
            String[] script = value(block, "script").split("\\s+");
            List<Origin.Language> languages = split(value(block, "languages")).stream()
                    .map(entry -> entry.split("\\s+"))
                    .map(parts -> new Origin.Language(parts[0], Integer.parseInt(parts[1])))
                    .toList();
            return new Origin(
                    value(block, "origin"),
                    Integer.parseInt(value(block, "weight")),
                    Origin.Naming.valueOf(value(block, "naming")),
                    Integer.parseInt(value(block, "single-name")),
                    Integer.parseInt(value(block, "family-first")),
                    Script.valueOf(script[0]),
                    script[1],
                    languages,
                    split(value(block, "male")),
                    split(value(block, "female")),
                    split(value(block, "family")));
        }

        private static String value(Map<String, String> block, String key) {
            String value = block.get(key);
            if (value == null) {
                throw new IllegalStateException("names.txt: no " + key + " for origin " + block.get("origin"));
            }
            return value;
        }
    }
}
