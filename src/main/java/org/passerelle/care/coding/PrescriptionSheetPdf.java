package org.passerelle.care.coding;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.passerelle.care.coding.PrescriptionSheet.Line;
import org.passerelle.care.coding.PrescriptionSheet.TimeOfDay;
import org.passerelle.platform.Language;

/**
 * Lays out a dosage sheet on A4 pages: a heading with the person's name, patient code and date;
 * then a table with a row per medicine (name, form and strength, days, instructions) and a column
 * per time of day headed by its pictogram, each dose under its pictogram again, large, with its
 * unit. In Arabic the table runs right to left. Rows never split across pages.
 */
final class PrescriptionSheetPdf {

    private static final float MM = 72f / 25.4f;
    private static final float MARGIN = 15 * MM;
    private static final float HEADER_PICTOGRAM = 12 * MM;
    private static final float DOSE_PICTOGRAM = 8 * MM;
    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);

    /** A line of the sheet with its medicine found in the formulary. */
    record PrintedLine(Medicine medicine, Line line) {}

    private PrescriptionSheetPdf() {}

    static byte[] render(PrescriptionSheet sheet, List<PrintedLine> lines, SheetTexts texts) {
        try {
            return new Layout(sheet, lines, texts).write();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The dosage sheet could not be laid out", e);
        }
    }

    private static final class Layout {

        private final PrescriptionSheet sheet;
        private final List<PrintedLine> lines;
        private final SheetTexts texts;
        private final SheetTypesetting type;
        private final Language language;

        Layout(PrescriptionSheet sheet, List<PrintedLine> lines, SheetTexts texts)
                throws DocumentException, IOException {
            this.sheet = sheet;
            this.lines = lines;
            this.texts = texts;
            this.language = sheet.language();
            this.type = new SheetTypesetting(language);
        }

        byte[] write() throws DocumentException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, MARGIN);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(texts.text("title"));
            document.addCreator("Passerelle");
            document.setDocumentLanguage(language.code());
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            document.add(heading());
            document.add(doses(canvas));
            PdfPTable footer = table(1);
            PdfPCell note = type.cell(texts.text("footer"), type.regular, 9, MUTED);
            note.setPaddingTop(8);
            footer.addCell(note);
            document.add(footer);
            document.close();
            return out.toByteArray();
        }

        private PdfPTable heading() throws DocumentException {
            PdfPTable heading = table(2);
            heading.setWidths(widths(1, 3));
            PdfPCell title = type.cell(texts.text("title"), type.bold, 16, ACCENT);
            title.setColspan(2);
            title.setPaddingBottom(8);
            heading.addCell(title);
            fact(heading, texts.text("name"), sheet.personName());
            fact(heading, texts.text("code"), sheet.patientCode());
            fact(heading, texts.text("date"), texts.date(sheet.date()));
            heading.setSpacingAfter(10);
            return heading;
        }

        private void fact(PdfPTable table, String label, String value) {
            table.addCell(type.cell(label, type.regular, 10, MUTED));
            table.addCell(type.cell(value, type.bold, 11, Color.BLACK));
        }

        private PdfPTable doses(PdfContentByte canvas) throws DocumentException {
            PdfPTable table = table(5);
            table.setWidths(widths(40, 15, 15, 15, 15));
            table.setHeaderRows(1);
            PdfPCell medicine = type.cell(texts.text("medicine"), type.bold, 10, MUTED);
            medicine.setVerticalAlignment(Element.ALIGN_BOTTOM);
            ruled(medicine);
            table.addCell(medicine);
            for (TimeOfDay time : TimeOfDay.values()) {
                table.addCell(timeHeading(canvas, time));
            }
            for (PrintedLine printed : lines) {
                table.addCell(ruled(describe(printed)));
                for (TimeOfDay time : TimeOfDay.values()) {
                    table.addCell(ruled(dose(canvas, printed, time)));
                }
            }
            return table;
        }

        private PdfPCell timeHeading(PdfContentByte canvas, TimeOfDay time) throws DocumentException {
            PdfPTable stack = table(1);
            stack.addCell(pictogram(canvas, time, HEADER_PICTOGRAM, true));
            stack.addCell(type.centred(texts.text("time." + time.name()), type.bold, 10, Color.BLACK));
            return ruled(wrap(stack));
        }

        /** The medicine's name, its form and strength, for how long, and its instructions. */
        private PdfPCell describe(PrintedLine printed) {
            Medicine medicine = printed.medicine();
            PdfPTable stack = table(1);
            stack.addCell(type.cell(medicine.name(language), type.bold, 12, Color.BLACK));
            stack.addCell(type.cell(
                    medicine.form().labels().in(language) + " · " + medicine.strength(), type.regular, 9.5f, MUTED));
            Integer days = printed.line().days();
            if (days != null) {
                stack.addCell(type.cell(texts.days(days), type.bold, 10, ACCENT));
            }
            String instructions = printed.line().instructions();
            if (instructions != null && !instructions.isBlank()) {
                stack.addCell(type.cell(instructions.strip(), type.regular, 10, Color.BLACK));
            }
            return wrap(stack);
        }

        /** The pictogram again (crossed out for none), then the amount, large, and its unit. */
        private PdfPCell dose(PdfContentByte canvas, PrintedLine printed, TimeOfDay time) throws DocumentException {
            BigDecimal amount = printed.line().dose(time);
            boolean taken = amount.signum() > 0;
            PdfPTable stack = table(1);
            stack.addCell(pictogram(canvas, time, DOSE_PICTOGRAM, taken));
            if (taken) {
                stack.addCell(type.centred(texts.amount(amount), type.bold, 18, Color.BLACK));
                stack.addCell(type.centred(printed.medicine().unit().label(language, amount), type.regular, 9, MUTED));
            } else {
                stack.addCell(type.centred("—", type.regular, 14, RULE));
            }
            return wrap(stack);
        }

        private PdfPCell pictogram(PdfContentByte canvas, TimeOfDay time, float size, boolean taken)
                throws DocumentException {
            Image image = Image.getInstance(Pictograms.draw(canvas, time, size, taken));
            image.scaleAbsolute(size, size);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setBorder(0);
            cell.setPadding(2);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            return cell;
        }

        private static PdfPCell wrap(PdfPTable stack) {
            PdfPCell cell = new PdfPCell(stack);
            cell.setBorder(0);
            cell.setPadding(4);
            return cell;
        }

        private static PdfPCell ruled(PdfPCell cell) {
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setPaddingBottom(6);
            return cell;
        }

        /** Column widths from the start side: OpenPDF takes them from the left, even right to left. */
        private float[] widths(float... fromStart) {
            if (!language.rightToLeft()) {
                return fromStart;
            }
            float[] fromLeft = new float[fromStart.length];
            for (int i = 0; i < fromStart.length; i++) {
                fromLeft[i] = fromStart[fromStart.length - 1 - i];
            }
            return fromLeft;
        }

        private PdfPTable table(int columns) {
            PdfPTable table = new PdfPTable(columns);
            table.setWidthPercentage(100);
            table.setRunDirection(type.runDirection());
            table.setSplitRows(false);
            return table;
        }
    }
}
