package org.passerelle.people;

import io.nayuki.qrcodegen.QrCode;

/**
 * The QR code printed on a patient card. It holds the patient code alone, its eight characters
 * without the dash ({@code 7K3MQ9TX}): what the search box reads when it is typed, what a
 * keyboard-like barcode scanner types, and all a phone's camera shows — nothing about the person.
 * Eight characters of the alphanumeric mode fit the smallest QR code (version 1, 21 × 21 modules)
 * even at the highest error correction (H, about 30 % of it may be lost), so the modules stay large
 * and a worn or folded card still reads.
 */
final class PatientCardQr {

    /** The light margin around the code that readers need, in modules. */
    static final int QUIET_ZONE = 4;

    private final QrCode qr;

    private PatientCardQr(QrCode qr) {
        this.qr = qr;
    }

    /** The QR code of a patient code, as stored (eight characters, no dash). */
    static PatientCardQr of(String patientCode) {
        return new PatientCardQr(QrCode.encodeText(patientCode, QrCode.Ecc.HIGH));
    }

    /** The modules across, without the quiet zone. */
    int size() {
        return qr.size;
    }

    /** The modules across, with the quiet zone on both sides. */
    int sizeWithQuietZone() {
        return qr.size + 2 * QUIET_ZONE;
    }

    boolean dark(int x, int y) {
        return qr.getModule(x, y);
    }

    /**
     * The code as an inline SVG element: one path of dark runs on a white square with its quiet
     * zone, in module units, drawn with crisp edges. Colours are attributes, not styles, so the
     * strictest content security policy shows it.
     */
    String svg(String label) {
        int full = sizeWithQuietZone();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                int length = x - start;
                path.append('M')
                        .append(start + QUIET_ZONE)
                        .append(' ')
                        .append(y + QUIET_ZONE)
                        .append('h')
                        .append(length)
                        .append("v1h-")
                        .append(length)
                        .append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"card-qr\" viewBox=\"0 0 " + full + " " + full
                + "\" shape-rendering=\"crispEdges\" role=\"img\" aria-label=\"" + PersonalDataHtml.escape(label)
                + "\" data-qr=\"patient-code\"><path fill=\"#fff\" d=\"M0 0h" + full + "v" + full + "H0z\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
