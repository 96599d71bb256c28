package org.passerelle.people;

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
 * How the PDFs of the people module (a personal data export, a patient card) set text: the fonts
 * shipped inside the jar ({@code fonts/}: DejaVu Sans for Latin and Arabic, Noto Sans Ethiopic for
 * names in Ge'ez), embedded, subset, in every document so that it reads the same on any machine;
 * and the direction of each text. Text is laid out in table cells, whose run direction OpenPDF
 * honours: right to left for Arabic, with the letters shaped (joined) and lines ordered by the
 * Unicode bidirectional algorithm. Other modules lay out their documents with it too (a referral
 * letter). One instance serves one document: a font records the glyphs the
 * document uses.
 */
public final class PdfTypesetting {

    private static final byte[] REGULAR = font("fonts/DejaVuSans.ttf");
    private static final byte[] BOLD = font("fonts/DejaVuSans-Bold.ttf");
    private static final byte[] ETHIOPIC = font("fonts/NotoSansEthiopic-Regular.ttf");

    public final BaseFont regular;
    public final BaseFont bold;
    private final BaseFont ethiopic;
    private final int runDirection;

    public PdfTypesetting(Language language) throws DocumentException, IOException {
        this.regular = embedded("DejaVuSans.ttf", REGULAR);
        this.bold = embedded("DejaVuSans-Bold.ttf", BOLD);
        this.ethiopic = embedded("NotoSansEthiopic-Regular.ttf", ETHIOPIC);
        this.runDirection = language.rightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }

    /** The document's direction: right to left for Arabic. */
    public int runDirection() {
        return runDirection;
    }

    /**
     * A borderless cell of text in its own direction, as {@code dir="auto"} does in HTML: a French
     * note in an Arabic document reads left to right, an Arabic name in a French one right to left;
     * each stands at the start side of the document all the same.
     */
    public PdfPCell cell(String value, BaseFont font, float size, Color color) {
        PdfPCell cell = new PdfPCell(text(value, font, size, color));
        cell.setBorder(0);
        int direction = direction(value);
        cell.setRunDirection(direction);
        // OpenPDF mirrors the alignment of a right-to-left cell: there, "left" is the right side.
        boolean mirrored = direction == PdfWriter.RUN_DIRECTION_RTL;
        boolean startIsRight = runDirection == PdfWriter.RUN_DIRECTION_RTL;
        cell.setHorizontalAlignment(mirrored == startIsRight ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        return cell;
    }

    /**
     * The text in the first font that has each character: the given font, then Noto Sans Ethiopic,
     * then DejaVu Sans. Invisible direction marks that the fonts lack are left out.
     */
    public Phrase text(String value, BaseFont font, float size, Color color) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(font, size, Font.NORMAL, color));
        selector.addFont(new Font(ethiopic, size, Font.NORMAL, color));
        if (font != regular) {
            selector.addFont(new Font(regular, size, Font.NORMAL, color));
        }
        return selector.process(withoutMarks(value));
    }

    private static int direction(String value) {
        return PersonalDataDocument.readsRightToLeft(value) ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
    }

    private static String withoutMarks(String value) {
        return value.replaceAll("[\\u200e\\u200f\\u061c\\u202a-\\u202e\\u2066-\\u2069]", "")
                .replace('\u202f', '\u00a0');
    }

    private static BaseFont embedded(String name, byte[] bytes) throws DocumentException, IOException {
        return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
    }

    private static byte[] font(String resource) {
        try (InputStream in = PdfTypesetting.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Font " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
