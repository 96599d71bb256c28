package org.passerelle.imports;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passerelle.imports.ImportViews.ImportRefusal;

/**
 * The report of an import: one line per reason a row was refused, with the line of the file, the
 * column, the stable code and the reason in the user's language. It names no person: the importer
 * finds the rows in their own file by line.
 */
final class ImportReport {

    private ImportReport() {}

    static String csv(List<ImportRefusal> refusals, UnaryOperator<String> message) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            printer.printRecord("line", "column", "code", "reason");
            for (ImportRefusal refusal : refusals) {
                printer.printRecord(refusal.line(), refusal.column(), refusal.code(), message.apply(refusal.code()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "\uFEFF" + out;
    }
}
