package org.passerelle.care.coding;

import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfWriter;
import org.passerelle.platform.Language;

/**
 * How a dosage sheet sets text, as the patient card does: DejaVu Sans (Latin and Arabic) shipped in
 * the jar under {@code fonts/}, embedded and subset; each text in a table cell in its own direction,
 * where OpenPDF shapes Arabic letters and orders the line right to left. One instance serves one
 * document.
 */
final class SheetTypesetting {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");

    final BaseFont regular;
    final BaseFont bold;
    private final int runDirection;

    SheetTypesetting(Language language) throws DocumentException, IOException {
        this.regular =
                BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, REGULAR, null);
        this.bold =
                BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, BOLD, null);
        this.runDirection = language.rightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }

    int runDirection() {
        return runDirection;
    }

    /** A borderless cell of text in its own direction, standing at the start side of the document. */
    PdfPCell cell(String value, BaseFont font, float size, Color color) {
        PdfPCell cell = new PdfPCell(text(value, font, size, color));
        cell.setBorder(0);
        int direction = readsRightToLeft(value) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
        cell.setRunDirection(direction);
        // OpenPDF mirrors the alignment of a right-to-left cell: there, "left" is the right side.
        boolean mirrored = direction == PdfWriter.RUN_DIRECTION_RTL;
        boolean startIsRight = runDirection == PdfWriter.RUN_DIRECTION_RTL;
        cell.setHorizontalAlignment(mirrored == startIsRight ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        return cell;
    }

    /** A cell of centred text, in its own direction. */
    PdfPCell centred(String value, BaseFont font, float size, Color color) {
        PdfPCell cell = cell(value, font, size, color);
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        return cell;
    }

    Phrase text(String value, BaseFont font, float size, Color color) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(font, size, Font.NORMAL, color));
        if (font != regular) {
            selector.addFont(new Font(regular, size, Font.NORMAL, color));
        }
        return selector.process(value.replaceAll("[\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]", ""));
    }

    /** Whether the first letter with a direction is Arabic (or another right-to-left script). */
    static boolean readsRightToLeft(String value) {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            byte direction = Character.getDirectionality(c);
            if (direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT
                    || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(c);
        }
        return false;
    }

    private static byte[] font(String resource) {
        try (InputStream in = SheetTypesetting.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
