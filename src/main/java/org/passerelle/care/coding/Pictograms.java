package org.passerelle.care.coding;

import java.awt.Color;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfTemplate;
import org.passerelle.care.coding.PrescriptionSheet.TimeOfDay;

/**
 * Draws the pictogram of a time of day in vectors, in a square: the sun rising over the horizon
 * (with an arrow up), the sun high, the sun setting (with an arrow down), the moon and a star. A
 * time with no dose is drawn in pale grey and crossed out, so that "none" reads without words.
 */
final class Pictograms {

    private static final Color MORNING = new Color(0xF2, 0xA9, 0x00);
    private static final Color NOON = new Color(0xE8, 0xB8, 0x00);
    private static final Color EVENING = new Color(0xD9, 0x5D, 0x1E);
    private static final Color NIGHT = new Color(0x2E, 0x3F, 0x86);
    private static final Color HORIZON = new Color(0x55, 0x55, 0x55);
    private static final Color NONE = new Color(0xC8, 0xC8, 0xC8);
    private static final Color CROSS = new Color(0x99, 0x99, 0x99);

    private Pictograms() {}

    /** The pictogram of {@code time} in a template of {@code size} points square. */
    static PdfTemplate draw(PdfContentByte canvas, TimeOfDay time, float size, boolean taken) {
        PdfTemplate t = canvas.createTemplate(size, size);
        float s = size;
        switch (time) {
            case MORNING -> horizonSun(t, s, taken ? MORNING : NONE, taken, true);
            case NOON -> highSun(t, s, taken ? NOON : NONE);
            case EVENING -> horizonSun(t, s, taken ? EVENING : NONE, taken, false);
            case NIGHT -> moon(t, s, taken ? NIGHT : NONE);
        }
        if (!taken) {
            t.setColorStroke(CROSS);
            t.setLineWidth(s * 0.06f);
            t.moveTo(s * 0.12f, s * 0.12f);
            t.lineTo(s * 0.88f, s * 0.88f);
            t.stroke();
        }
        return t;
    }

    /** Half a sun on the horizon, with rays and an arrow telling rising from setting. */
    private static void horizonSun(PdfTemplate t, float s, Color color, boolean taken, boolean rising) {
        float cx = s * 0.5f;
        float cy = s * 0.3f;
        float r = s * 0.2f;
        t.setColorFill(color);
        t.moveTo(cx - r, cy);
        t.arc(cx - r, cy - r, cx + r, cy + r, 0, 180);
        t.closePath();
        t.fill();
        rays(t, s, color, cx, cy, r, 0, 180);
        t.setColorStroke(taken ? HORIZON : NONE);
        t.setLineWidth(s * 0.04f);
        t.moveTo(s * 0.05f, cy);
        t.lineTo(s * 0.95f, cy);
        t.stroke();
        float tip = rising ? s * 0.02f : s * 0.2f;
        float tail = rising ? s * 0.2f : s * 0.02f;
        t.setColorStroke(color);
        t.setLineWidth(s * 0.035f);
        t.moveTo(s * 0.86f, tail);
        t.lineTo(s * 0.86f, tip);
        t.stroke();
        t.setColorFill(color);
        float head = rising ? -s * 0.07f : s * 0.07f;
        t.moveTo(s * 0.86f, tip);
        t.lineTo(s * 0.80f, tip + head);
        t.lineTo(s * 0.92f, tip + head);
        t.closePath();
        t.fill();
    }

    private static void highSun(PdfTemplate t, float s, Color color) {
        float c = s * 0.5f;
        float r = s * 0.18f;
        t.setColorFill(color);
        t.circle(c, c, r);
        t.fill();
        rays(t, s, color, c, c, r, 0, 360);
    }

    private static void rays(PdfTemplate t, float s, Color color, float cx, float cy, float r, int from, int to) {
        t.setColorStroke(color);
        t.setLineWidth(s * 0.04f);
        for (int angle = from; angle <= to; angle += 45) {
            if (to == 360 && angle == 360) {
                break;
            }
            double radians = Math.toRadians(angle);
            float inner = r + s * 0.06f;
            float outer = r + s * 0.16f;
            t.moveTo(cx + (float) Math.cos(radians) * inner, cy + (float) Math.sin(radians) * inner);
            t.lineTo(cx + (float) Math.cos(radians) * outer, cy + (float) Math.sin(radians) * outer);
        }
        t.stroke();
    }

    /** A crescent (a disc with a white one over it) and a small star. */
    private static void moon(PdfTemplate t, float s, Color color) {
        float c = s * 0.46f;
        float r = s * 0.3f;
        t.setColorFill(color);
        t.circle(c, c, r);
        t.fill();
        t.setColorFill(Color.WHITE);
        t.circle(c + r * 0.55f, c + r * 0.35f, r * 0.85f);
        t.fill();
        t.setColorFill(color);
        float x = s * 0.8f;
        float y = s * 0.78f;
        float a = s * 0.09f;
        float b = s * 0.03f;
        t.moveTo(x, y + a);
        t.lineTo(x + b, y + b);
        t.lineTo(x + a, y);
        t.lineTo(x + b, y - b);
        t.lineTo(x, y - a);
        t.lineTo(x - b, y - b);
        t.lineTo(x - a, y);
        t.lineTo(x - b, y + b);
        t.closePath();
        t.fill();
    }
}
