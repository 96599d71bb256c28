package org.passerelle.care.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRStream;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.passerelle.care.coding.PrescriptionSheet.Line;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Language;

class PrescriptionSheetsTest {

    private static final PrescriptionSheets SHEETS = new PrescriptionSheets(MedicineFormularyTest.FORMULARY);
    private static final LocalDate DATE = LocalDate.of(2026, 11, 23);

    @Test
    void printsEachMedicineWithItsDosesDaysAndInstructionsInFrench() throws IOException {
        byte[] pdf = SHEETS.render(sheet(
                Language.FR,
                new Line("amoxicillin-500-caps", dose("1"), dose("0"), dose("1"), dose("0"), 7, "Pendant les repas"),
                new Line("paracetamol-500-tab", dose("2"), dose("2"), dose("2"), dose("0.5"), 3, null)));
        save(pdf, "prescription-fr.pdf");

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(text(pdf))
                .contains("Comment prendre vos médicaments", "Awa Diallo", "7K3M-Q9TX", "23 novembre 2026")
                .contains("amoxicilline", "gélule · 500 mg", "Pendant 7 jours", "Pendant les repas")
                .contains("paracétamol", "Pendant 3 jours", "comprimés", "½")
                .contains("Matin", "Midi", "Soir", "Nuit");
    }

    @Test
    void drawsAPictogramForEveryDoseAndCrossesOutTheTimesWithNone() throws IOException {
        byte[] pdf = SHEETS.render(
                sheet(Language.EN, new Line("ivermectin-3-tab", dose("4"), dose("0"), dose("0"), dose("0"), 1, null)));

        assertThat(text(pdf)).contains("ivermectin", "For 1 day", "tablets", "Morning", "Night");
        List<String> drawings = drawings(pdf);
        // four in the heading, four in the row: one taken, three crossed out
        assertThat(drawings).hasSize(8);
        long crossed = drawings.stream()
                .filter(d -> d.contains("0.78431 0.78431 0.78431 rg"))
                .count();
        assertThat(crossed).isEqualTo(3);
    }

    @Test
    void printsAnArabicSheetRightToLeftWithItsFontsEmbedded() throws IOException {
        byte[] pdf = SHEETS.render(sheet(
                Language.AR,
                new Line("salbutamol-100-inhaler", dose("2"), dose("0"), dose("2"), dose("0"), 14, "عند ضيق التنفس")));
        save(pdf, "prescription-ar.pdf");

        String text = Normalizer.normalize(text(pdf), Normalizer.Form.NFKC);
        assertThat(text).contains("7K3M-Q9TX", "salbutamol", "100", "14");
        // The Arabic words, shaped, come back as their letters (in visual order, hence reversed)
        assertThat(text.replace(" ", ""))
                .containsAnyOf("أدويتك", new StringBuilder("أدويتك").reverse().toString());
        assertThat(new String(pdf, StandardCharsets.ISO_8859_1)).contains("+DejaVuSans");
    }

    @Test
    void refusesAnUnknownMedicineANegativeDoseAndTooManyDays() {
        assertThatThrownBy(() -> SHEETS.render(sheet(
                        Language.FR, new Line("unobtainium", dose("1"), dose("0"), dose("0"), dose("0"), 3, null))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("unknown-medicine");
                    assertThat(e.details()).containsEntry("field", "lines[0].medicineCode");
                });
        assertThatThrownBy(() -> SHEETS.render(sheet(
                        Language.FR,
                        new Line("ivermectin-3-tab", dose("-1"), dose("0"), dose("0"), dose("0"), 3, null))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsEntry("field", "lines[0].morning"));
        assertThatThrownBy(() -> SHEETS.render(sheet(
                        Language.FR,
                        new Line("ivermectin-3-tab", dose("1"), dose("0"), dose("0"), dose("0"), 400, null))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.details()).containsEntry("field", "lines[0].days"));
    }

    @Test
    void writesDosesWithFractionsAndDaysWithEachLanguagesPlurals() {
        SheetTexts fr = SheetTexts.of(Language.FR);
        SheetTexts ar = SheetTexts.of(Language.AR);
        assertThat(fr.amount(dose("1.5"))).isEqualTo("1½");
        assertThat(fr.amount(dose("0.25"))).isEqualTo("¼");
        assertThat(fr.amount(dose("2.5"))).isEqualTo("2½");
        assertThat(fr.amount(dose("7.5"))).isEqualTo("7½");
        assertThat(fr.amount(dose("2.20"))).isEqualTo("2,2");
        assertThat(fr.days(1)).isEqualTo("Pendant 1 jour");
        assertThat(ar.days(1)).isEqualTo("لمدة يوم واحد");
        assertThat(ar.days(2)).isEqualTo("لمدة يومين");
        assertThat(ar.days(5)).isEqualTo("لمدة 5 أيام");
        assertThat(ar.days(14)).isEqualTo("لمدة 14 يومًا");
    }

    private static PrescriptionSheet sheet(Language language, Line... lines) {
        return new PrescriptionSheet("Awa Diallo", "7K3M-Q9TX", DATE, language, List.of(lines));
    }

    private static BigDecimal dose(String value) {
        return new BigDecimal(value);
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** The content streams of the drawn pictograms (form XObjects). */
    private static List<String> drawings(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> drawings = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PRStream stream
                    && PdfName.FORM.equals(((PdfDictionary) stream).get(PdfName.SUBTYPE))) {
                drawings.add(new String(PdfReader.getStreamBytes(stream), StandardCharsets.ISO_8859_1));
            }
        }
        return drawings;
    }

    private static void save(byte[] pdf, String name) throws IOException {
        Path directory = Path.of("target", "rendered");
        Files.createDirectories(directory);
        Files.write(directory.resolve(name), pdf);
    }
}
