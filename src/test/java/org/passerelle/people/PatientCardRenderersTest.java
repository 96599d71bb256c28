package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.passerelle.platform.Language;

/** The QR code and the two layouts of a patient card, on cards made here. */
class PatientCardRenderersTest {

    private static final String CODE = PatientCode.generate();

    @Test
    void theQrCodeHoldsThePatientCodeAloneAndAnIndependentDecoderReadsIt() throws Exception {
        PatientCardQr qr = PatientCardQr.of(CODE);
        boolean[][] modules = new boolean[qr.size()][qr.size()];
        for (int y = 0; y < qr.size(); y++) {
            for (int x = 0; x < qr.size(); x++) {
                modules[y][x] = qr.dark(x, y);
            }
        }

        assertThat(qr.size())
                .as("version 1 even at the highest error correction")
                .isEqualTo(21);
        assertThat(decode(modules)).isEqualTo(CODE);
    }

    @Test
    void theSvgOfTheHtmlViewDrawsTheSameCode() throws Exception {
        String svg = PatientCardQr.of(CODE).svg("Code");

        assertThat(svg).startsWith("<svg").doesNotContain("style=");
        assertThat(decode(fromRuns(svg, Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-\\d+z"), false)))
                .isEqualTo(CODE);
    }

    @Test
    void theVectorsOfThePdfDrawTheSameCode() throws Exception {
        byte[] pdf = PatientCardPdf.render(card(Language.FR, null));

        assertThat(decodePdf(pdf)).isEqualTo(CODE);
    }

    /** What the QR code drawn in a card's PDF holds, read with ZXing. */
    static String decodePdf(byte[] pdf) throws Exception {
        return decode(fromRuns(qrDrawing(pdf), Pattern.compile("(\\d+) (\\d+) (\\d+) 1 re"), true));
    }

    @Test
    void printsTheCodeTheNameWhenWantedTheSiteAndWhatToDoOnOneA4Page() throws Exception {
        byte[] pdf = PatientCardPdf.render(card(Language.EN, "Amina Yusuf"));

        PdfReader reader = new PdfReader(pdf);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        assertThat(reader.getPageSize(1).getWidth()).isEqualTo(595f);
        assertThat(PersonalDataRenderersTest.text(pdf))
                .contains(PatientCode.display(CODE), "Your code", "Amina Yusuf")
                .contains("Clinique mobile, Calais", "+33 3 21 00 00 00")
                .contains("Show this card at any Médecins du Monde site")
                .contains("Présentez cette carte");
        assertThat(PersonalDataRenderersTest.text(PatientCardPdf.render(card(Language.FR, null))))
                .contains(PatientCode.display(CODE))
                .doesNotContain("Amina");
    }

    @Test
    void escapesEveryTextOfTheHtmlView() {
        String html = PatientCardHtml.render(card(Language.AR, "<b>Ali</b> & \"Omar\""));

        assertThat(html)
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("&lt;b&gt;Ali&lt;/b&gt; &amp; &quot;Omar&quot;")
                .doesNotContain("<b>", "style=", "<script");
        assertThat(html).contains("<p class=\"card-code\" dir=\"ltr\" data-card-code>" + PatientCode.display(CODE));
        assertThat(PatientCardHtml.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none'; style-src 'sha256-")
                .isNotEqualTo(PersonalDataHtml.CONTENT_SECURITY_POLICY);
    }

    private static PatientCard card(Language language, String name) {
        return new PatientCard(
                language,
                "Carte " + PatientCode.display(CODE),
                "Médecins du Monde",
                CODE,
                language == Language.EN ? "Your code" : "Votre code",
                name,
                "Clinique mobile, Calais",
                "+33 3 21 00 00 00",
                language == Language.EN
                        ? "Show this card at any Médecins du Monde site: we will find your file quickly."
                        : "Présentez cette carte dans tout lieu d'accueil de Médecins du Monde.",
                language == Language.FR ? null : "Présentez cette carte dans tout lieu d'accueil.",
                "Cut");
    }

    /** The content stream of the form that draws the QR code: the one made of unit-high rectangles. */
    private static String qrDrawing(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream
                    && PdfName.FORM.equals(((PdfDictionary) stream).get(PdfName.SUBTYPE))) {
                String content = new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1);
                if (content.contains(" 1 re")) {
                    return content;
                }
            }
        }
        throw new AssertionError("No QR code drawing in the PDF");
    }

    /**
     * The modules drawn by runs of dark modules ({@code x}, {@code y}, length), quiet zone included;
     * in a PDF, y counts from the bottom.
     */
    private static boolean[][] fromRuns(String drawing, Pattern run, boolean fromBottom) {
        int full = 21 + 2 * PatientCardQr.QUIET_ZONE;
        boolean[][] modules = new boolean[full][full];
        Matcher matcher = run.matcher(drawing);
        int runs = 0;
        while (matcher.find()) {
            int x = Integer.parseInt(matcher.group(1));
            int y = Integer.parseInt(matcher.group(2));
            int row = fromBottom ? full - 1 - y : y;
            for (int i = 0; i < Integer.parseInt(matcher.group(3)); i++) {
                modules[row][x + i] = true;
            }
            runs++;
        }
        assertThat(runs).isPositive();
        return modules;
    }

    /** Reads a QR code with ZXing from its modules, drawn black on white, 8 pixels each, in a margin. */
    static String decode(boolean[][] modules) throws Exception {
        int scale = 8;
        int margin = 4 * scale;
        int width = modules.length * scale + 2 * margin;
        int[] pixels = new int[width * width];
        java.util.Arrays.fill(pixels, 0xFFFFFFFF);
        for (int y = 0; y < modules.length; y++) {
            for (int x = 0; x < modules.length; x++) {
                if (modules[y][x]) {
                    for (int dy = 0; dy < scale; dy++) {
                        for (int dx = 0; dx < scale; dx++) {
                            pixels[(margin + y * scale + dy) * width + margin + x * scale + dx] = 0xFF000000;
                        }
                    }
                }
            }
        }
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, width, pixels)));
        Result result = new QRCodeReader()
                .decode(
                        bitmap,
                        Map.of(
                                DecodeHintType.POSSIBLE_FORMATS,
                                List.of(BarcodeFormat.QR_CODE),
                                DecodeHintType.PURE_BARCODE,
                                false));
        return result.getText();
    }
}
