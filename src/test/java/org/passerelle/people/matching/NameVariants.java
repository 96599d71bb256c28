package org.passerelle.people.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The groups of spelling variants in {@code matching/name-variants.tsv}: each group is one name
 * written several ways, in Latin letters and, where natural, in Arabic or Ethiopic script.
 */
final class NameVariants {

    /** One name and its spellings. */
    record Group(char kind, String origin, List<String> latin, List<String> script) {

        boolean hasScript() {
            return !script.isEmpty();
        }
    }

    private NameVariants() {}

    static List<Group> load() {
        try (InputStream in = NameVariants.class.getResourceAsStream("/matching/name-variants.tsv")) {
            if (in == null) {
                throw new IllegalStateException("matching/name-variants.tsv is missing");
            }
            List<Group> groups = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                List<String> latin = new ArrayList<>();
                List<String> script = new ArrayList<>();
                for (String variant : cells[2].split("\\|")) {
                    (isLatin(variant) ? latin : script).add(variant.strip());
                }
                groups.add(new Group(cells[0].charAt(0), cells[1], List.copyOf(latin), List.copyOf(script)));
            }
            return List.copyOf(groups);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean isLatin(String text) {
        return text.codePoints().allMatch(c -> c < 0x0250 || c == '’');
    }

    static List<Group> select(List<Group> groups, char kind, String... origins) {
        List<String> wanted = Arrays.asList(origins);
        return groups.stream()
                .filter(g -> g.kind() == kind && wanted.contains(g.origin()))
                .toList();
    }
}
