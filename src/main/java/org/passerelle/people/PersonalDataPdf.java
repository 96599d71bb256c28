package org.passerelle.people;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalData.Table;

/**
 * Lays out a personal data export as an A4 PDF with OpenPDF. The fonts ship inside the jar
 * ({@code fonts/}: DejaVu Sans for Latin and Arabic, Noto Sans Ethiopic for names in Ge'ez) and are
 * embedded, subset, in every document, so it reads the same on any machine. Everything is laid out
 * in table cells, whose run direction OpenPDF honours: right to left for an Arabic document, with
 * Arabic letters shaped (joined) and lines ordered by the Unicode bidirectional algorithm; left to
 * right otherwise, which still shapes an Arabic name in a French or English document.
 */
final class PersonalDataPdf {

    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xbb, 0xbb, 0xbb);
    private static final Color HEADING_BACKGROUND = new Color(0xee, 0xf3, 0xf7);

    private PersonalDataPdf() {}

    static byte[] render(PersonalDataDocument document) {
        try {
            return new Layout(document).write();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The PDF could not be laid out", e);
        }
    }

    /** One document being written: its fonts (a font records the glyphs one document uses) and direction. */
    private static final class Layout {

        private final PersonalDataDocument source;
        private final PdfTypesetting type;
        private final int runDirection;
        private final BaseFont regular;
        private final BaseFont bold;

        Layout(PersonalDataDocument source) throws DocumentException, IOException {
            this.source = source;
            this.type = new PdfTypesetting(source.language());
            this.runDirection = type.runDirection();
            this.regular = type.regular;
            this.bold = type.bold;
        }

        byte[] write() throws DocumentException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 48, 48, 48, 56);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPageEvent(new Footer());
            document.addTitle(source.title());
            document.addCreator("Passerelle");
            document.setDocumentLanguage(source.language().code());
            document.open();

            PdfPTable header = table(1);
            PdfPCell title = cell(source.title(), bold, 17, Color.BLACK, 0, 3);
            title.setPaddingBottom(8);
            header.addCell(title);
            for (String paragraph : source.introduction()) {
                header.addCell(cell(paragraph, regular, 9.5f, Color.BLACK, 0, 3));
            }
            document.add(header);
            document.add(facts(source.about()));
            document.add(rule(ACCENT, 1.5f));

            for (Section section : source.sections()) {
                section(document, section);
            }

            PdfPTable footer = table(1);
            footer.setSpacingBefore(14);
            footer.addCell(cell(source.footer(), regular, 8.5f, MUTED, 0, 2));
            document.add(footer);
            document.close();
            return out.toByteArray();
        }

        private void section(Document document, Section section) throws DocumentException {
            PdfPTable title = table(1);
            title.setSpacingBefore(12);
            title.setKeepTogether(true);
            PdfPCell heading = cell(section.title(), bold, 13, ACCENT, 0, 3);
            heading.setBorder(Rectangle.BOTTOM);
            heading.setBorderColor(ACCENT);
            title.addCell(heading);
            document.add(title);
            if (section.isEmpty() && section.empty() != null) {
                PdfPTable empty = table(1);
                empty.addCell(cell(section.empty(), regular, 10, MUTED, 0, 3));
                document.add(empty);
            }
            if (!section.facts().isEmpty()) {
                document.add(facts(section.facts()));
            }
            for (Entry entry : section.entries()) {
                PdfPTable entryHeading = table(1);
                entryHeading.setSpacingBefore(6);
                PdfPCell cell = cell(entry.heading(), bold, 10.5f, Color.BLACK, 0, 3);
                cell.setBorder(Rectangle.TOP);
                cell.setBorderColor(RULE);
                entryHeading.addCell(cell);
                document.add(entryHeading);
                document.add(facts(entry.facts()));
            }
            Table rows = section.table();
            if (rows != null && !rows.rows().isEmpty()) {
                document.add(grid(rows));
            }
        }

        /** Label and value side by side; a long value (a note) breaks across pages. */
        private PdfPTable facts(List<Fact> facts) throws DocumentException {
            PdfPTable table = table(2);
            table.setWidths(new float[] {32, 68});
            for (Fact fact : facts) {
                table.addCell(cell(fact.label(), bold, 9.5f, MUTED, 0, 2));
                table.addCell(cell(fact.value(), regular, 10, Color.BLACK, 0, 2));
            }
            return table;
        }

        private PdfPTable grid(Table rows) throws DocumentException {
            int columns = rows.columns().size();
            PdfPTable table = table(columns);
            table.setSpacingBefore(4);
            if (columns == 3) {
                table.setWidths(new float[] {30, 35, 35});
            }
            table.setHeaderRows(1);
            for (String column : rows.columns()) {
                PdfPCell cell = cell(column, bold, 9, Color.BLACK, Rectangle.BOX, 3);
                cell.setBackgroundColor(HEADING_BACKGROUND);
                table.addCell(cell);
            }
            for (List<String> row : rows.rows()) {
                for (String value : row) {
                    table.addCell(cell(value, regular, 9, Color.BLACK, Rectangle.BOX, 3));
                }
            }
            return table;
        }

        private PdfPTable rule(Color color, float width) {
            PdfPTable table = table(1);
            table.setSpacingBefore(4);
            table.setSpacingAfter(2);
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(color);
            cell.setBorderWidth(width);
            cell.setFixedHeight(2);
            table.addCell(cell);
            return table;
        }

        private PdfPTable table(int columns) {
            PdfPTable table = new PdfPTable(columns);
            table.setWidthPercentage(100);
            table.setRunDirection(runDirection);
            table.setSplitLate(false);
            table.setSplitRows(true);
            return table;
        }

        /** A cell of text in its own direction (see {@link PdfTypesetting#cell}). */
        private PdfPCell cell(String value, BaseFont font, float size, Color color, int border, float padding) {
            PdfPCell cell = type.cell(value, font, size, color);
            cell.setBorder(border);
            cell.setBorderColor(RULE);
            cell.setPadding(padding);
            return cell;
        }

        private Phrase text(String value, BaseFont font, float size, Color color) {
            return type.text(value, font, size, color);
        }

        /** The patient code and the page number at the foot of each page. */
        private final class Footer extends PdfPageEventHelper {

            @Override
            public void onEndPage(PdfWriter writer, Document document) {
                Phrase phrase = text(source.footerLine(writer.getPageNumber()), regular, 8, MUTED);
                ColumnText.showTextAligned(
                        writer.getDirectContent(),
                        Element.ALIGN_CENTER,
                        phrase,
                        (document.left() + document.right()) / 2,
                        document.bottom() - 24,
                        0,
                        runDirection,
                        0);
            }
        }
    }
}
