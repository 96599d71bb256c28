package org.passerelle.reporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.stereotype.Component;

/**
 * Writes a report table as CSV or XLSX for use outside the organisation: small counts are
 * suppressed, and texts that a spreadsheet would take for a formula are quoted as text.
 */
@Component
class TableExport {

    private final Suppression suppression;

    TableExport(Suppression suppression) {
        this.suppression = suppression;
    }

    /** UTF-8 with a byte order mark, so that spreadsheets read accents and Arabic right; CRLF lines. */
    byte[] csv(ReportTable table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.headers());
        java.util.Set<Integer> withheld = table.withheld(suppression);
        int width = table.headers().size() - 1;
        for (int r = 0; r < table.rows().size(); r++) {
            ReportTable.Row row = table.rows().get(r);
            List<String> cells = new java.util.ArrayList<>();
            cells.add(row.label());
            for (int c = 0; c < row.counts().size(); c++) {
                cells.add(suppression.show(row.counts().get(c), withheld.contains(r * width + c)));
            }
            line(out, cells);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    void xlsx(ReportTable table, OutputStream out) {
        try {
            Workbook workbook = new Workbook(out, "Passerelle", "1.0");
            Worksheet sheet = workbook.newWorksheet(sheetName(table.name()));
            sheet.value(0, 0, table.title());
            sheet.style(0, 0).bold().set();
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.value(2, c, table.headers().get(c));
                sheet.style(2, c).bold().set();
            }
            java.util.Set<Integer> withheld = table.withheld(suppression);
            int width = table.headers().size() - 1;
            for (int r = 0; r < table.rows().size(); r++) {
                ReportTable.Row row = table.rows().get(r);
                sheet.value(r + 3, 0, row.label());
                for (int c = 0; c < row.counts().size(); c++) {
                    long count = row.counts().get(c);
                    boolean hidden = withheld.contains(r * width + c);
                    if (hidden || suppression.hides(count)) {
                        sheet.value(r + 3, c + 1, suppression.show(count, hidden));
                    } else {
                        sheet.value(r + 3, c + 1, count);
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sheetName(String name) {
        return name.length() > 31 ? name.substring(0, 31) : name;
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(escape(cells.get(i)));
        }
        out.append("\r\n");
    }

    static String escape(String cell) {
        String text =
                !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.startsWith("<") ? "'" + cell : cell;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
