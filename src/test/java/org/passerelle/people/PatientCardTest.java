package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Download;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The card a person keeps: a carer whose sites reach the person prints it at their current site, as
 * a PDF or a print view, with the patient code as a QR code and in text, the chosen name only when
 * asked for, and the site's contact; never anything else about the person. Every card is audited.
 */
@PasserelleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PatientCardTest {

    private static final String PHONE = "+33 3 21 46 00 00";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    String clinicianName;
    String personId;
    String patientCode;
    String displayCode;
    String chosenName;
    String siteName;

    @BeforeAll
    void setUp() {
        organisation = new TestOrganisation(port);
        jdbc.sql("update sites.site set city = 'Calais', phone = ? where id = ?::uuid")
                .params(PHONE, organisation.siteA)
                .update();
        siteName = jdbc.sql("select name from sites.site where id = ?::uuid")
                .param(organisation.siteA)
                .query(String.class)
                .single();
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        clinicianName = organisation.username(clinician);
        chosenName = "Samira Haddad " + UUID.randomUUID().toString().substring(0, 6);
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
                                List.of(Map.of("name", "Sameera Hadad", "kind", "SPELLING")),
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "1987-04-12"),
                                "phone",
                                "+33 7 11 22 33 44")));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        personId = registered.text("id");
        patientCode = registered.text("patientCode");
        displayCode = patientCode.substring(0, 4) + "-" + patientCode.substring(4);
    }

    @Test
    void printsAPdfCardWithTheCodeAndTheSiteButNotTheNameUnlessAskedFor() throws Exception {
        long before = cardsPrintedBy(clinicianName);

        Download pdf = clinician.download(card(), Map.of("format", "PDF", "language", "fr", "withName", false));

        assertThat(pdf.status()).as(pdf.text()).isEqualTo(200);
        assertThat(pdf.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(pdf.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"card-" + patientCode + ".pdf\"");
        assertThat(pdf.header("Cache-Control")).contains("no-store");
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        String text = PersonalDataRenderersTest.text(pdf.body());
        assertThat(text).contains(displayCode, "Votre code", siteName + ", Calais", PHONE, "Présentez cette carte");
        assertThat(text).doesNotContain("Samira", "Sameera", "1987", "12/04", "+33 7 11 22 33 44");
        assertThat(cardsPrintedBy(clinicianName)).isEqualTo(before + 1);
    }

    @Test
    void printsTheChosenNameOnlyWhenThePersonWantsIt() throws Exception {
        Download pdf = clinician.download(card(), Map.of("format", "PDF", "language", "en", "withName", true));
        Download withoutAnswer = clinician.download(card(), Map.of("format", "PDF", "language", "en"));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PersonalDataRenderersTest.text(pdf.body()))
                .contains(chosenName, displayCode, "Your code", "Show this card", PHONE)
                .doesNotContain("Sameera", "1987");
        assertThat(PersonalDataRenderersTest.text(withoutAnswer.body())).doesNotContain("Samira");
    }

    @Test
    void theQrCodeOfThePrintedCardHoldsThePatientCode() throws Exception {
        Download pdf = clinician.download(card(), Map.of("format", "PDF", "language", "ar", "withName", false));

        assertThat(pdf.status()).isEqualTo(200);
        assertThat(PatientCardRenderersTest.decodePdf(pdf.body())).isEqualTo(patientCode);
    }

    @Test
    void writesTheArabicCardRightToLeftWithItsLineInArabicAndInFrench() throws Exception {
        Download html = clinician.download(card(), Map.of("format", "HTML", "language", "ar", "withName", true));
        Download pdf = clinician.download(card(), Map.of("format", "PDF", "language", "ar", "withName", false));

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.text())
                .contains("<html lang=\"ar\" dir=\"rtl\">", "رمزك", "اعرض هذه البطاقة")
                .contains("lang=\"fr\" dir=\"ltr\">Présentez cette carte")
                .contains(chosenName, displayCode);
        assertThat(PersonalDataRenderersTest.embeddedFonts(pdf.body())).anyMatch(name -> name.endsWith("+DejaVuSans"));
        String text = PersonalDataRenderersTest.text(pdf.body());
        assertThat(text).contains(displayCode, PHONE, "Présentez cette carte");
        // Laid out shaped (presentation forms) and in visual order: read back, Arabic runs come reversed.
        assertThat(Normalizer.normalize(text, Normalizer.Form.NFKC))
                .contains(new StringBuilder("اعرض هذه البطاقة").reverse(), new StringBuilder("رمزك").reverse());
    }

    @Test
    void showsAPrintViewWithTheQrCodeAsSvgUnderItsOwnPolicy() {
        Download html = clinician.download(card(), Map.of("format", "HTML", "language", "en", "withName", false));

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.header("Content-Type")).isEqualTo("text/html;charset=UTF-8");
        assertThat(html.header("Content-Disposition")).isEqualTo("inline; filename=\"card-" + patientCode + ".html\"");
        assertThat(html.headers().allValues("Content-Security-Policy"))
                .singleElement()
                .asString()
                .isEqualTo(PatientCardHtml.CONTENT_SECURITY_POLICY);
        assertThat(html.text())
                .contains("<article class=\"patient-card\" data-card", "<svg", "data-qr=\"patient-code\"")
                .contains(displayCode, siteName, PHONE)
                .doesNotContain(chosenName, "Sameera", "1987", "style=", "<script");
    }

    @Test
    void refusesAPersonOutsideTheUsersSitesAndAuditsNothing() {
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");

        Download refused = elsewhere.download(card(), Map.of("format", "PDF", "language", "fr", "withName", true));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("person-outside-scope");
        assertThat(refused.text()).doesNotContain(chosenName);
        assertThat(cardsPrintedBy(organisation.username(elsewhere))).isZero();
    }

    @Test
    void refusesUsersWhoDoNotCareForPeople() {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");

        Download refused = logistician.download(card(), Map.of("format", "PDF", "language", "fr"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("code").asString()).isEqualTo("role-not-allowed");
        assertThat(cardsPrintedBy(organisation.username(logistician))).isZero();
    }

    @Test
    void answersNotFoundForAnUnknownPerson() {
        Download missing = clinician.download(
                "/api/people/" + UUID.randomUUID() + "/card", Map.of("format", "PDF", "language", "fr"));

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("code").asString()).isEqualTo("not-found");
    }

    @Test
    void needsACurrentSite() {
        ApiSession twoSites = userWithoutCurrentSite();

        Download refused = twoSites.download(card(), Map.of("format", "PDF", "language", "fr"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("code").asString()).isEqualTo("no-site-chosen");
        assertThat(cardsPrintedBy(organisation.username(twoSites))).isZero();
    }

    @Test
    void refusesABadRequestWithFieldErrorsAndAuditsNothing() {
        long before = cardsPrintedBy(clinicianName);

        Download format = clinician.download(card(), Map.of("format", "PNG", "language", "fr"));
        Download language = clinician.download(card(), Map.of("format", "PDF", "language", "de"));
        Download missing = clinician.download(card(), Map.of("language", "fr"));
        Download withName = clinician.download(card(), Map.of("format", "PDF", "language", "fr", "withName", "maybe"));

        assertThat(format.status()).isEqualTo(400);
        assertThat(format.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("language");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("format");
        assertThat(withName.status()).isEqualTo(400);
        assertThat(cardsPrintedBy(clinicianName)).isEqualTo(before);
    }

    @Test
    void needsTheCsrfToken() {
        ApiSession.Response forged = clinician.postWithoutCsrf(card(), Map.of("format", "PDF", "language", "fr"));

        assertThat(forged.status()).isEqualTo(403);
    }

    private ApiSession userWithoutCurrentSite() {
        String username = "u" + UUID.randomUUID().toString().substring(0, 8);
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "User " + username,
                                "password",
                                TestOrganisation.PASSWORD,
                                "roles",
                                List.of("CLINICIAN"),
                                "allSites",
                                false,
                                "siteIds",
                                List.of(organisation.siteA, organisation.siteB)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        ApiSession session = new ApiSession(port);
        assertThat(session.login(username, TestOrganisation.PASSWORD).status()).isEqualTo(200);
        assertThat(session.get("/api/session").body().path("currentSite").isObject())
                .isFalse();
        return session;
    }

    private String card() {
        return "/api/people/" + personId + "/card";
    }

    private long cardsPrintedBy(String username) {
        return jdbc.sql("""
                        select count(*) from audit.audit_event
                         where action = 'EXPORT' and record_type = 'person-card' and actor_name = ? and record_id = ?::uuid
                        """).params(username, personId).query(Long.class).single();
    }
}
