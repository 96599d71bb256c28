package org.passerelle.referrals;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.passerelle.people.PdfTypesetting;
import org.passerelle.platform.Language;

/**
 * Lays out a referral letter on A4: the French part for the receiving service, a line to cut along,
 * and the person's summary, each text set in its own direction (an Arabic summary right to left,
 * its letters joined) with the fonts the patient card uses.
 */
final class ReferralLetterPdf {

    private static final float MM = 72f / 25.4f;
    private static final Color ACCENT = new Color(0x1f, 0x5f, 0x8b);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    private ReferralLetterPdf() {}

    static byte[] render(ReferralLetter.Letter letter) {
        try {
            return write(letter, new PdfTypesetting(Language.FR));
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("The referral letter could not be laid out", e);
        }
    }

    private static byte[] write(ReferralLetter.Letter letter, PdfTypesetting type) throws DocumentException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 18 * MM, 18 * MM, 16 * MM, 16 * MM);
        PdfWriter.getInstance(document, out);
        document.addTitle(letter.title());
        document.addCreator("Passerelle");
        document.setDocumentLanguage("fr");
        document.open();
        float width = PageSize.A4.getWidth() - 36 * MM;

        PdfPTable head = table(1, width);
        head.addCell(padded(type.cell(letter.title(), type.bold, 16, ACCENT), 8));
        document.add(head);

        PdfPTable facts = table(2, width);
        facts.setWidths(new float[] {1, 2.6f});
        for (String[] row : letter.forService()) {
            facts.addCell(padded(type.cell(row[0], type.regular, 9, MUTED), 3));
            facts.addCell(padded(type.cell(row[1], type.regular, 10, Color.BLACK), 3));
        }
        document.add(facts);

        PdfPTable body = table(1, width);
        body.addCell(padded(type.cell(letter.reason(), type.regular, 10, Color.BLACK), 8));
        body.addCell(padded(type.cell(letter.consent(), type.regular, 9, MUTED), 4));
        body.addCell(padded(type.cell(letter.feedback(), type.regular, 9, MUTED), 4));
        PdfPCell cut = type.cell(
                "✂ - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -",
                type.regular,
                9,
                MUTED);
        cut.setPaddingTop(18);
        cut.setPaddingBottom(10);
        body.addCell(cut);
        document.add(body);

        PdfPTable summary = table(1, width);
        boolean rightToLeft = Language.ofCode(letter.summaryLanguage())
                .map(Language::rightToLeft)
                .orElse(false);
        summary.addCell(summaryCell(type.cell(letter.summaryTitle(), type.bold, 14, ACCENT), rightToLeft, 6));
        for (String line : letter.summary()) {
            summary.addCell(summaryCell(type.cell(line, type.regular, 11, Color.BLACK), rightToLeft, 4));
        }
        document.add(summary);
        document.close();
        return out.toByteArray();
    }

    /** A line of the summary, at the right side when the summary reads right to left. */
    private static PdfPCell summaryCell(PdfPCell cell, boolean rightToLeft, float bottom) {
        if (rightToLeft) {
            // OpenPDF mirrors the alignment of a right-to-left cell: there, "left" is the right side.
            boolean mirrored = cell.getRunDirection() == PdfWriter.RUN_DIRECTION_RTL;
            cell.setHorizontalAlignment(mirrored ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        }
        return padded(cell, bottom);
    }

    private static PdfPTable table(int columns, float width) {
        PdfPTable table = new PdfPTable(columns);
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        table.getDefaultCell().setBorder(0);
        return table;
    }

    private static PdfPCell padded(PdfPCell cell, float bottom) {
        cell.setPaddingBottom(bottom);
        return cell;
    }
}
