package org.passerelle.people;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

/**
 * Lays out a patient card as a PDF: an A4 page with the card at its real size (85.6 × 54 mm, a bank
 * card's) at the top, inside a dashed line to cut along. A4 rather than a page the size of the card:
 * field printers take A4 sheets, and a printer or viewer that "fits to page" keeps an A4 page at its
 * size, where it would blow a card-sized page up to a whole sheet. The QR code is drawn in vectors,
 * so it stays sharp at any resolution; the text is set as in the export ({@link PdfTypesetting}).
 */
final class PatientCardPdf {

    private static final float MM = 72f / 25.4f;
    static final float CARD_WIDTH = 85.6f * MM;
    static final float CARD_HEIGHT = 54f * MM;
    private static final float CARD_TOP = 15 * MM;
    private static final float PADDING = 3.5f * MM;
    private static final float QR_SIZE = 26 * MM;

    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);
    private static final Color CUT_LINE = new Color(0x77, 0x77, 0x77);

    private PatientCardPdf() {}

    static byte[] render(PatientCard card) {
        try {
            return new Layout(card).write();
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The card could not be laid out", e);
        }
    }

    /** One card being written, with its own fonts. */
    private static final class Layout {

        private final PatientCard card;
        private final PdfTypesetting type;

        Layout(PatientCard card) throws DocumentException, IOException {
            this.card = card;
            this.type = new PdfTypesetting(card.language());
        }

        byte[] write() throws DocumentException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 0, 0, 0, 0);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(card.title());
            document.addCreator("Passerelle");
            document.setDocumentLanguage(card.language().code());
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            float left = (PageSize.A4.getWidth() - CARD_WIDTH) / 2;
            float top = PageSize.A4.getHeight() - CARD_TOP;
            cutLine(canvas, left, top - CARD_HEIGHT);

            PdfPTable content = table(2, CARD_WIDTH - 2 * PADDING);
            content.setWidths(new float[] {QR_SIZE, CARD_WIDTH - 2 * PADDING - QR_SIZE});
            content.addCell(wide(line(card.heading(), type.bold, 9, ACCENT)));
            content.addCell(qr(canvas));
            content.addCell(identity());
            content.addCell(wide(line(card.show(), type.regular, 7.5f, Color.BLACK)));
            String showInFrench = card.showInFrench();
            if (showInFrench != null) {
                content.addCell(wide(line(showInFrench, type.regular, 7, MUTED)));
            }
            content.writeSelectedRows(0, -1, left + PADDING, top - PADDING, canvas);

            PdfPTable cut = table(1, CARD_WIDTH);
            cut.addCell(line(card.cut(), type.regular, 8, MUTED));
            cut.writeSelectedRows(0, -1, left, top - CARD_HEIGHT - 2 * MM, canvas);
            document.close();
            return out.toByteArray();
        }

        /** The code, the name when wanted, and the site's contact, beside the QR code. */
        private PdfPCell identity() {
            PdfPTable identity = table(1, CARD_WIDTH - 2 * PADDING - QR_SIZE);
            identity.addCell(line(card.codeLabel(), type.regular, 7, MUTED));
            PdfPCell code = line(card.displayCode(), type.bold, 16, Color.BLACK);
            code.setPaddingBottom(3);
            identity.addCell(code);
            String name = card.name();
            if (name != null) {
                PdfPCell nameCell = line(name, type.bold, 9, Color.BLACK);
                nameCell.setPaddingBottom(3);
                identity.addCell(nameCell);
            }
            identity.addCell(line(card.site(), type.regular, 7, Color.BLACK));
            String phone = card.phone();
            if (phone != null) {
                // A symbol rather than a word: the number reads left to right, in order, on an Arabic card too.
                identity.addCell(line(PatientCard.PHONE_SYMBOL + " " + phone, type.regular, 7, Color.BLACK));
            }
            PdfPCell cell = new PdfPCell(identity);
            cell.setBorder(0);
            cell.setPadding(0);
            cell.setPaddingTop(2);
            return cell;
        }

        /** The QR code in vectors, one rectangle per run of dark modules, in its quiet zone. */
        private PdfPCell qr(PdfContentByte canvas) throws DocumentException {
            PatientCardQr qr = PatientCardQr.of(card.patientCode());
            int full = qr.sizeWithQuietZone();
            PdfTemplate template = canvas.createTemplate(full, full);
            template.setColorFill(Color.WHITE);
            template.rectangle(0, 0, full, full);
            template.fill();
            template.setColorFill(Color.BLACK);
            for (int y = 0; y < qr.size(); y++) {
                int x = 0;
                while (x < qr.size()) {
                    if (!qr.dark(x, y)) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < qr.size() && qr.dark(x, y)) {
                        x++;
                    }
                    template.rectangle(
                            start + PatientCardQr.QUIET_ZONE, full - PatientCardQr.QUIET_ZONE - y - 1, x - start, 1);
                }
            }
            template.fill();
            Image image = Image.getInstance(template);
            image.scaleAbsolute(QR_SIZE, QR_SIZE);
            PdfPCell cell = new PdfPCell(image, false);
            cell.setBorder(0);
            cell.setPadding(0);
            cell.setHorizontalAlignment(Element.ALIGN_CENTER);
            return cell;
        }

        private void cutLine(PdfContentByte canvas, float left, float bottom) {
            canvas.saveState();
            canvas.setColorStroke(CUT_LINE);
            canvas.setLineWidth(0.6f);
            canvas.setLineDash(3, 2, 0);
            canvas.roundRectangle(left, bottom, CARD_WIDTH, CARD_HEIGHT, 3 * MM);
            canvas.stroke();
            canvas.restoreState();
        }

        private PdfPCell line(String value, BaseFont font, float size, Color color) {
            PdfPCell cell = type.cell(value, font, size, color);
            cell.setPadding(0);
            cell.setPaddingBottom(1.5f);
            return cell;
        }

        private static PdfPCell wide(PdfPCell cell) {
            cell.setColspan(2);
            return cell;
        }

        private PdfPTable table(int columns, float width) {
            PdfPTable table = new PdfPTable(columns);
            table.setTotalWidth(width);
            table.setLockedWidth(true);
            table.setRunDirection(type.runDirection());
            return table;
        }
    }
}
