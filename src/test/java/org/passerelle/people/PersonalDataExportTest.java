package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Download;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A person's right of access: a data officer who confirmed who they are exports everything held
 * about a person, in French, English or Arabic, as HTML or PDF; nobody else can, and every export is
 * audited.
 */
@PasserelleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataExportTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession dataOfficer;
    String dataOfficerName;
    List<String> recoveryCodes;
    String personId;
    String patientCode;
    String chosenName;
    String siteName;

    @BeforeAll
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        chosenName = "Hiwet Tsegay " + UUID.randomUUID().toString().substring(0, 6);
        ApiSession.Response registered = clinician.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                chosenName,
                                "sex",
                                "FEMALE",
                                "otherNames",
                                List.of(
                                        Map.of(
                                                "name",
                                                "ሕወት ጸጋይ",
                                                "kind",
                                                "ORIGINAL_SCRIPT",
                                                "script",
                                                "ETHIOPIC",
                                                "language",
                                                "ti"),
                                        Map.of("name", "Hiwot Tsegaye", "kind", "SPELLING")),
                                "birthDate",
                                Map.of("precision", "YEAR", "date", "1999-01-01"),
                                "languages",
                                List.of("ti", "ar"),
                                "countryOfOrigin",
                                "ER",
                                "phone",
                                "+33 6 12 34 56 78",
                                "flags",
                                List.of("PREGNANT"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        personId = registered.text("id");
        patientCode = registered.text("patientCode");
        record(clinician, "MEDICAL", null, "Gale traitée", "Prurit depuis deux semaines.\nRevoir dans 7 jours.");
        record(clinician, "MEDICAL", "SGBV", null, "Orientée vers la consultation spécialisée");
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        record(psychologist, "MENTAL_HEALTH", null, null, "Sommeil difficile <script>alert(1)</script>");
        ApiSession.Response withForm = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        "medical-consultation",
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("cough"),
                                "temperature",
                                38.4,
                                "examination",
                                "Sibilants diffus",
                                "diagnoses",
                                List.of("J20.9"))));
        assertThat(withForm.status()).as(withForm.body().toString()).isEqualTo(201);
        assertThat(clinician
                        .post("/api/people/" + personId + "/follow-ups", Map.of("programme", "PREGNANCY"))
                        .status())
                .isEqualTo(201);
        siteName = jdbc.sql("select name from sites.site where id = ?::uuid")
                .param(organisation.siteA)
                .query(String.class)
                .single();
        clinician.get("/api/people/" + personId);

        dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficerName = organisation.username(dataOfficer);
        recoveryCodes = dataOfficer.enrolSecondFactor();
        String userId =
                dataOfficer.get("/api/session").body().path("user").path("id").asString();
        ApiSession.Response confirmed = dataOfficer.post(
                "/api/session/reauthentication",
                Map.of(
                        "password",
                        TestOrganisation.PASSWORD,
                        "code",
                        TotpCodes.fresh(TotpCodes.secretOf(userId).orElseThrow())));
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(204);
    }

    @Test
    void refusesADataOfficerWhoDidNotConfirmWhoTheyAreAndAuditsNothing() {
        ApiSession officer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        officer.enrolSecondFactor();

        Download refused = officer.download(export(), Map.of("format", "HTML", "language", "fr"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("reauthentication-required");
        assertThat(refused.text()).doesNotContain(chosenName);
        assertThat(exportsBy(organisation.username(officer))).isZero();
    }

    @Test
    void exportsEverythingHeldAboutThePersonAsHtml() {
        long before = exportsBy(dataOfficerName);
        MovableClock.clearOfMidnight();
        String today = MovableClock.today().toString();

        Download html = dataOfficer.download(export(), Map.of("format", "HTML", "language", "fr"));

        assertThat(html.status()).as(html.text()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(html.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"passerelle-" + patientCode + "-" + today + ".html\"");
        assertThat(html.header("Cache-Control")).contains("no-store");
        assertThat(html.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .startsWith("default-src 'none'; style-src 'sha256-")
                .doesNotContain("unsafe-inline");
        assertThat(html.headers().allValues("Cache-Control"))
                .singleElement()
                .asString()
                .contains("no-store");
        String page = html.text();
        assertThat(page).contains("<html lang=\"fr\" dir=\"ltr\">");
        assertThat(page)
                .contains(chosenName, "ሕወት ጸጋይ", "Hiwot Tsegaye", "Écriture d&#39;origine", "Autre orthographe")
                .contains(patientCode.substring(0, 4) + "-" + patientCode.substring(4))
                .contains(
                        "Femme",
                        "1999 (année seulement)",
                        "Érythrée",
                        "Arabe, Tigrinya",
                        "+33 6 12 34 56 78",
                        "Enceinte")
                .contains(siteName);
        assertThat(page)
                .contains("Gale traitée", "Prurit depuis deux semaines.<br>Revoir dans 7 jours.")
                .contains("Médicale", "Santé mentale", "User " + organisation.username(clinician));
        assertThat(page)
                .as("every compartment, restricted ones included")
                .contains("Orientée vers la consultation spécialisée", "Violences sexuelles (restreint)")
                .contains("Santé mentale (restreint)", "Dossier général");
        assertThat(page).contains("Suivie à", siteName + " : vue pour la première fois le");
        assertThat(page)
                .as("the answers of a consultation recorded with a form, and the follow-ups")
                .contains("Consultation médicale", "Plaintes", "Toux", "38.4 °C", "Sibilants diffus", "J20.9")
                .contains("Programmes de suivi", "Suivi de grossesse");
        assertThat(page)
                .contains("Sommeil difficile &lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script");
        assertThat(page)
                .contains("Accès au dossier", "Création · fiche", "Lecture · fiche", "Export · fiche")
                .contains("User " + dataOfficerName + " (" + dataOfficerName + ")");
        assertThat(exportsBy(dataOfficerName)).isEqualTo(before + 1);
        assertThat(jdbc.sql("""
                        select record_type from audit.audit_event
                         where action = 'EXPORT' and actor_name = ? and record_id = ?::uuid
                        """)
                        .params(dataOfficerName, personId)
                        .query(String.class)
                        .list())
                .containsOnly("person");
    }

    @Test
    void writesTheHtmlInArabicRightToLeft() {
        Download html = dataOfficer.download(export(), Map.of("format", "HTML", "language", "ar"));

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text())
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("الهوية", "رمز المريض", "الاستشارات", "أنثى", "طبية")
                .contains(chosenName, "Gale traitée");
    }

    @Test
    void exportsAPdfWhoseTextCanBeRead() throws Exception {
        for (String language : List.of("fr", "en")) {
            Download pdf = dataOfficer.download(export(), Map.of("format", "PDF", "language", language));

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
            assertThat(pdf.header("Content-Disposition")).endsWith(".pdf\"").doesNotContain("Hiwet");
            assertThat(pdf.header("Cache-Control")).contains("no-store");
            assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1))
                    .isEqualTo("%PDF-");
            String text = PersonalDataRenderersTest.text(pdf.body());
            assertThat(text)
                    .contains(patientCode.substring(0, 4) + "-" + patientCode.substring(4))
                    .contains(chosenName, "Prurit depuis deux semaines.", "Gale traitée");
        }
        assertThat(PersonalDataRenderersTest.text(dataOfficer
                        .download(export(), Map.of("format", "PDF", "language", "en"))
                        .body()))
                .contains("Identity", "Consultations", "Mental health", "Who accessed the file");
    }

    @Test
    void embedsItsFontInAnArabicPdf() throws Exception {
        Download pdf = dataOfficer.download(export(), Map.of("format", "PDF", "language", "ar"));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PersonalDataRenderersTest.embeddedFonts(pdf.body()))
                .anyMatch(name -> name.endsWith("+DejaVuSans"))
                .anyMatch(name -> name.endsWith("+NotoSansEthiopic-Regular"));
        assertThat(PersonalDataRenderersTest.text(pdf.body()))
                .contains(patientCode.substring(0, 4) + "-" + patientCode.substring(4));
    }

    @Test
    void refusesOtherRoles() {
        Download refused = clinician.download(export(), Map.of("format", "HTML", "language", "fr"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("role-not-allowed");
        assertThat(exportsBy(organisation.username(clinician))).isZero();
    }

    @Test
    void answersNotFoundForAnUnknownPerson() {
        Download missing = dataOfficer.download(
                "/api/people/" + UUID.randomUUID() + "/export", Map.of("format", "PDF", "language", "en"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asString()).isEqualTo("not-found");
    }

    @Test
    void refusesAPersonOutsideTheSitesTheUserWorksAt() {
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "DATA_OFFICER");
        List<String> codes = elsewhere.enrolSecondFactor();
        assertThat(elsewhere
                        .post(
                                "/api/session/reauthentication",
                                Map.of("password", TestOrganisation.PASSWORD, "code", codes.get(0)))
                        .status())
                .isEqualTo(204);

        Download refused = elsewhere.download(export(), Map.of("format", "HTML", "language", "fr"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("person-outside-scope");
        assertThat(refused.text()).doesNotContain(chosenName);
        assertThat(exportsBy(organisation.username(elsewhere))).isZero();
    }

    @Test
    void refusesAnUnknownFormatOrLanguageAndAuditsNothing() {
        long before = exportsBy(dataOfficerName);

        Download format = dataOfficer.download(export(), Map.of("format", "DOCX", "language", "fr"));
        Download language = dataOfficer.download(export(), Map.of("format", "PDF", "language", "de"));
        Download missing = dataOfficer.download(export(), Map.of("language", "fr"));
        Download malformed = dataOfficer.download(export(), "{\"format\": ");

        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("language");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(exportsBy(dataOfficerName)).isEqualTo(before);
    }

    @Test
    void needsTheCsrfToken() {
        ApiSession.Response forged = dataOfficer.postWithoutCsrf(export(), Map.of("format", "HTML", "language", "fr"));

        assertThat(forged.status()).isEqualTo(403);
    }

    private void record(ApiSession carer, String discipline, String compartment, String diagnosis, String note) {
        Map<String, Object> consultation =
                new java.util.HashMap<>(Map.of("personId", personId, "discipline", discipline, "note", note));
        if (compartment != null) {
            consultation.put("compartment", compartment);
        }
        if (diagnosis != null) {
            consultation.put("diagnosis", diagnosis);
        }
        ApiSession.Response recorded = carer.post("/api/consultations", consultation);
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
    }

    private String export() {
        return "/api/people/" + personId + "/export";
    }

    private long exportsBy(String username) {
        return jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT' and actor_name = ?")
                .param(username)
                .query(Long.class)
                .single();
    }
}
