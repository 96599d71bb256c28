package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.passerelle.people.PersonalData.Entry;
import org.passerelle.people.PersonalData.Fact;
import org.passerelle.people.PersonalData.Section;
import org.passerelle.people.PersonalData.Table;
import org.passerelle.platform.Language;

/** The two layouts of a personal data export, on a document made here. */
class PersonalDataRenderersTest {

    private static final String NOTE = "Toux depuis 3 jours.\n<script>alert('x')</script> & \"fin\"";

    @Test
    void escapesEveryTextOfTheHtmlPage() {
        String html = PersonalDataHtml.render(document(Language.FR, "Awa <b>Diallo</b>"));

        assertThat(html).doesNotContain("<script>").doesNotContain("<b>Diallo");
        assertThat(html)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;fin&quot;")
                .contains("Toux depuis 3 jours.<br>&lt;script&gt;")
                .contains("Awa &lt;b&gt;Diallo&lt;/b&gt;");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"fr\" dir=\"ltr\">");
        assertThat(html).doesNotContain(" style=").doesNotContain("<script");
    }

    @Test
    void writesArabicRightToLeft() throws IOException {
        String html = PersonalDataHtml.render(document(Language.AR, "عائشة"));
        save(html.getBytes(StandardCharsets.UTF_8), "personal-data-ar.html");

        assertThat(html)
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("<dd dir=\"rtl\">عائشة</dd>")
                .contains("<dd dir=\"ltr\">+33 6 12 34 56 78</dd>")
                .contains("<dd dir=\"ltr\">Gale</dd>");
    }

    @Test
    void allowsItsStyleByItsHashAndNothingElse() throws Exception {
        String html = PersonalDataHtml.render(document(Language.EN, "Awa"));
        Matcher style = java.util.regex.Pattern.compile("<style>(.*?)</style>", java.util.regex.Pattern.DOTALL)
                .matcher(html);
        assertThat(style.find()).isTrue();
        String hash = Base64.getEncoder()
                .encodeToString(MessageDigest.getInstance("SHA-256")
                        .digest(style.group(1).getBytes(StandardCharsets.UTF_8)));

        assertThat(PersonalDataHtml.CONTENT_SECURITY_POLICY)
                .startsWith("default-src 'none';")
                .contains("style-src 'sha256-" + hash + "'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("script-src");
    }

    @Test
    void laysOutAPdfWhoseTextCanBeRead() throws Exception {
        for (Language language : List.of(Language.FR, Language.EN)) {
            byte[] pdf = PersonalDataPdf.render(document(language, "Awa Diallo"));
            save(pdf, "personal-data-" + language.code() + ".pdf");

            assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
            String text = text(pdf);
            assertThat(text).contains("Awa Diallo", "7K3M-Q9TX", "Toux depuis 3 jours.", "Gale");
        }
    }

    @Test
    void embedsItsFontsInAnArabicPdf() throws Exception {
        byte[] pdf = PersonalDataPdf.render(document(Language.AR, "عائشة ديالو"));
        save(pdf, "personal-data-ar.pdf");

        assertThat(embeddedFonts(pdf)).anyMatch(name -> name.endsWith("+DejaVuSans"));
        assertThat(text(pdf)).contains("7K3M-Q9TX");
    }

    @Test
    void longNotesBreakAcrossPages() throws Exception {
        String longNote = "Ligne de note assez longue pour remplir la page. ".repeat(400);
        PersonalDataDocument document = new PersonalDataDocument(
                Language.FR,
                "Données",
                List.of("Intro"),
                List.of(new Fact("Code patient", "7K3M-Q9TX")),
                List.of(Section.ofEntries(
                        "Consultations", List.of(new Entry("Une", List.of(new Fact("Note", longNote)))), "")),
                "Fin",
                "Passerelle · {page}");

        PdfReader reader = new PdfReader(PersonalDataPdf.render(document));

        assertThat(reader.getNumberOfPages()).isGreaterThan(2);
    }

    @Test
    void fillsLabelsInOnePassAndShowsAMissingLabelAsItsKey() {
        PersonalDataTexts texts = PersonalDataTexts.of(Language.EN, ZoneId.of("Europe/Paris"));

        assertThat(texts.with(IdentityPersonalData.LABELS).text("birth.estimated", "{1}", "12 March 2026"))
                .isEqualTo("about {1} years old, estimated on 12 March 2026");
        assertThat(texts.text("no.such.label")).isEqualTo("no.such.label");
        assertThat(texts.languageName("prs")).isEqualTo("Dari");
        assertThat(texts.with(IdentityPersonalData.LABELS).of("sex", Sex.FEMALE))
                .isEqualTo("Female");
    }

    static PersonalDataDocument document(Language language, String name) {
        PersonalDataTexts texts = PersonalDataTexts.of(language, ZoneId.of("Europe/Paris"));
        List<Section> sections = new ArrayList<>();
        sections.add(Section.ofFacts(
                "Identité",
                List.of(
                        new Fact("Code patient", "7K3M-Q9TX"),
                        new Fact("Nom d'usage", name),
                        new Fact("Autre nom", "محمد علي (Écriture d'origine · arabe)"),
                        new Fact("Autre nom", "ዮሃንስ (Écriture d'origine · éthiopienne)"),
                        new Fact("Date de naissance", texts.date(LocalDate.of(2001, 3, 12))),
                        new Fact("Téléphone", "+33 6 12 34 56 78"))));
        sections.add(Section.ofEntries(
                "Consultations",
                List.of(new Entry(
                        "12 mars 2026 · Médicale", List.of(new Fact("Diagnostic", "Gale"), new Fact("Note", NOTE)))),
                "Aucune consultation."));
        sections.add(Section.ofEntries("Vide", List.of(), "Rien ici."));
        sections.add(Section.ofTable(
                "Accès au dossier",
                new Table(
                        List.of("Quand", "Qui", "Quoi"),
                        List.of(List.of(
                                texts.dateTime(Instant.parse("2026-03-12T09:30:00Z")), "Amina (amina)", "Lecture"))),
                "Aucun accès."));
        return new PersonalDataDocument(
                language,
                texts.text("document.title"),
                List.of(texts.text("document.introduction", "7K3M-Q9TX"), texts.text("document.rights")),
                List.of(new Fact(texts.text("document.patientCode"), "7K3M-Q9TX")),
                sections,
                texts.text("document.footer"),
                texts.text("document.page", "7K3M-Q9TX"));
    }

    static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder text = new StringBuilder();
        for (int page = 1; page <= reader.getNumberOfPages(); page++) {
            text.append(extractor.getTextFromPage(page)).append('\n');
        }
        return text.toString();
    }

    /** The names of the fonts embedded (with a font file) in a PDF. */
    static List<String> embeddedFonts(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        List<String> names = new ArrayList<>();
        for (int i = 1; i < reader.getXrefSize(); i++) {
            PdfObject object = reader.getPdfObject(i);
            if (object instanceof PdfDictionary dictionary
                    && PdfName.FONTDESCRIPTOR.equals(dictionary.get(PdfName.TYPE))
                    && (dictionary.get(PdfName.FONTFILE2) != null)) {
                names.add(PdfName.decodeName(dictionary.get(PdfName.FONTNAME).toString()));
            }
        }
        return names;
    }

    private static void save(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target", "test-exports");
        Files.createDirectories(dir);
        Files.write(dir.resolve(name), pdf);
    }
}
