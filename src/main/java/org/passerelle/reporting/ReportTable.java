package org.passerelle.reporting;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A table of a report as exported: a first column of row labels, then counts.
 *
 * @param name a short name for file names ({@code headline}, {@code sites}, {@code by-sex}, ...)
 * @param sums which cells add up to a total shown elsewhere
 */
record ReportTable(String name, String title, List<String> headers, List<Row> rows, Sums sums) {

    record Row(String label, List<Long> counts) {}

    /** Which cells of a table add up to a figure a reader also sees. */
    enum Sums {
        /** None: each cell stands alone (the headline figures). */
        NONE,
        /** The cells of each row but the last add up to the last (a disaggregation and its total). */
        ROWS,
        /** The cells of each column add up to the indicator's total (its sites, its months). */
        COLUMNS
    }

    /** The cells ({@code row * width + column}) to withhold beyond the small counts. */
    Set<Integer> withheld(Suppression suppression) {
        int width = headers.size() - 1;
        Set<Integer> withheld = new HashSet<>();
        switch (sums) {
            case NONE -> {}
            case ROWS -> {
                for (int r = 0; r < rows.size(); r++) {
                    Map<Integer, Long> partition = new LinkedHashMap<>();
                    List<Long> counts = rows.get(r).counts();
                    for (int c = 0; c < counts.size() - 1; c++) {
                        partition.put(r * width + c, counts.get(c));
                    }
                    withheld.addAll(suppression.withheld(partition));
                }
            }
            case COLUMNS -> {
                for (int c = 0; c < width; c++) {
                    Map<Integer, Long> partition = new LinkedHashMap<>();
                    for (int r = 0; r < rows.size(); r++) {
                        partition.put(r * width + c, rows.get(r).counts().get(c));
                    }
                    withheld.addAll(suppression.withheld(partition));
                }
            }
        }
        return withheld;
    }
}
