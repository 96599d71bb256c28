package org.passerelle.people;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The parts of a personal data export, as plain localized text: the renderers (HTML, PDF) only
 * lay them out and escape them.
 */
public final class PersonalData {

    private PersonalData() {}

    /** One labelled value: "Sex: Female". */
    public record Fact(String label, String value) {}

    /** A dated item with its own facts, such as one consultation. */
    public record Entry(String heading, List<Fact> facts) {

        public Entry {
            facts = List.copyOf(facts);
        }
    }

    /** Rows of values under column headings, such as the access log. */
    public record Table(List<String> columns, List<List<String>> rows) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != columns.size()) {
                    throw new IllegalArgumentException("a row has " + row.size() + " cells, not " + columns.size());
                }
            }
        }
    }

    /**
     * A titled part of the document: facts, entries and a table, any of which may be empty, and the
     * sentence to show when all of them are ({@code empty}, such as "No consultation recorded").
     */
    public record Section(
            String title,
            List<Fact> facts,
            List<Entry> entries,
            @Nullable Table table,
            @Nullable String empty) {

        public Section {
            facts = List.copyOf(facts);
            entries = List.copyOf(entries);
        }

        public static Section ofFacts(String title, List<Fact> facts) {
            return new Section(title, facts, List.of(), null, null);
        }

        public static Section ofEntries(String title, List<Entry> entries, String empty) {
            return new Section(title, List.of(), entries, null, empty);
        }

        public static Section ofTable(String title, Table table, String empty) {
            return new Section(title, List.of(), List.of(), table, empty);
        }

        /** Whether there is nothing to show but the {@code empty} sentence. */
        public boolean isEmpty() {
            return facts.isEmpty()
                    && entries.isEmpty()
                    && (table == null || table.rows().isEmpty());
        }
    }
}
