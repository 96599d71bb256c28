package org.passerelle.reporting;

import java.util.List;

/**
 * A table of a report as exported: a first column of row labels, then counts.
 *
 * @param name a short name for file names ({@code headline}, {@code sites}, {@code by-sex}, ...)
 */
record ReportTable(String name, String title, List<String> headers, List<Row> rows) {

    record Row(String label, List<Long> counts) {}
}
