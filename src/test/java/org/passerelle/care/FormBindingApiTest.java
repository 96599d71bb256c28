package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Response;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The core forms are bound to the disciplines that record with them and to the persons they apply
 * to, and a consultation tells its reader what they may do with it.
 */
@PasserelleTest
class FormBindingApiTest {

    private static final Map<String, Object> MEDICAL_ANSWERS = Map.of(
            "complaints",
            List.of("itching-rash"),
            "diagnoses",
            List.of("B86"),
            "prescription",
            List.of(Map.of("medicine", "ivermectin-3-tab", "morning", 4, "days", 1)));

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession socialWorker;
    String woman;
    String man;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        socialWorker = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        woman = register("Awa Koné", "FEMALE");
        man = register("Samir Haddad", "MALE");
    }

    private String register(String name, String sex) {
        Response registered = clinician.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                name,
                                "sex",
                                sex,
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "1995-04-02"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.text("id");
    }

    private long consultationsOf(String personId) {
        return jdbc.sql("select count(*) from care.encounter where person_id = ?::uuid")
                .param(personId)
                .query(Long.class)
                .single();
    }

    private static List<String> formCodes(ApiSession user) {
        Response forms = user.get("/api/forms");
        assertThat(forms.status()).isEqualTo(200);
        return forms.body()
                .valueStream()
                .map(form -> form.path("code").asString())
                .toList();
    }

    @Test
    void offersEachRoleOnlyTheFormsOfItsDisciplines() {
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");

        assertThat(formCodes(clinician))
                .contains("medical-consultation", "antenatal-visit", "nursing-care", "sgbv-first-response")
                .doesNotContain("social-assessment", "mental-health-session");
        assertThat(formCodes(socialWorker))
                .contains("social-assessment", "legal-consultation", "minor-follow-up")
                .doesNotContain("medical-consultation", "antenatal-visit", "nursing-care");
        assertThat(formCodes(psychologist))
                .contains("mental-health-session", "mental-health-group-session")
                .doesNotContain("medical-consultation", "antenatal-visit", "social-assessment");
        assertThat(formCodes(coordinator))
                .contains("social-assessment", "health-promotion-session")
                .doesNotContain("medical-consultation", "antenatal-visit");
    }

    @Test
    void refusesASocialWorkerAMedicalConsultationInEveryLanguageAndWritesNothing() {
        Map<String, Object> medical =
                Map.of("personId", woman, "formCode", "medical-consultation", "answers", MEDICAL_ANSWERS, "sign", true);
        Map<String, String> details = new java.util.HashMap<>();
        for (String language : List.of("fr", "en", "ar")) {
            Response refused = socialWorker.language(language).post("/api/encounters", medical);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text("code")).isEqualTo("form-not-for-discipline");
            assertThat(refused.text("detail")).isNotBlank();
            details.put(language, refused.text("detail"));
        }
        assertThat(details.values()).doesNotHaveDuplicates();
        Response note = socialWorker.post(
                "/api/consultations", Map.of("personId", woman, "discipline", "MEDICAL", "diagnosis", "Gale"));
        assertThat(note.status()).isEqualTo(403);
        assertThat(note.text("code")).isEqualTo("form-not-for-discipline");
        assertThat(consultationsOf(woman)).isZero();

        Response social = socialWorker.post(
                "/api/consultations", Map.of("personId", woman, "discipline", "SOCIAL", "note", "Domiciliation"));
        assertThat(social.status()).isEqualTo(201);
    }

    @Test
    void refusesTheAntenatalFormForAManAndRecordsItForAWoman() {
        Map<String, Object> answers = Map.of("danger-signs", List.of("none"));
        Response forMan = clinician.post(
                "/api/encounters",
                Map.of("personId", man, "formCode", "antenatal-visit", "answers", answers, "sign", false));
        assertThat(forMan.status()).isEqualTo(400);
        assertThat(forMan.text("code")).isEqualTo("form-not-for-person");
        assertThat(consultationsOf(man)).isZero();

        Response forWoman = clinician.post(
                "/api/encounters",
                Map.of("personId", woman, "formCode", "antenatal-visit", "answers", answers, "sign", false));
        assertThat(forWoman.status()).as(forWoman.body().toString()).isEqualTo(201);
        assertThat(forWoman.body().path("allowedActions").valueStream().map(action -> action.asString()))
                .containsExactlyInAnyOrder("CHANGE", "SIGN", "DISCARD");
    }

    @Test
    void tellsWhoMayAmendAndPrintAndRefusesTheAmendmentToOthers() {
        Response signed = clinician.post(
                "/api/encounters",
                Map.of("personId", man, "formCode", "medical-consultation", "answers", MEDICAL_ANSWERS, "sign", true));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        String id = signed.text("id");
        assertThat(signed.body().path("allowedActions").valueStream().map(action -> action.asString()))
                .containsExactlyInAnyOrder("AMEND", "PRINT_PRESCRIPTION");

        Response readBySocialWorker = socialWorker.get("/api/encounters/" + id);
        assertThat(readBySocialWorker.status()).isEqualTo(200);
        assertThat(readBySocialWorker
                        .body()
                        .path("allowedActions")
                        .valueStream()
                        .map(action -> action.asString()))
                .containsExactly("PRINT_PRESCRIPTION");
        Response amended = socialWorker.post(
                "/api/encounters/" + id + "/amendments",
                Map.of(
                        "version",
                        readBySocialWorker.body().path("version").asLong(),
                        "answers",
                        MEDICAL_ANSWERS,
                        "reason",
                        "Diagnosis corrected"));
        assertThat(amended.status()).isEqualTo(403);
        assertThat(amended.text("code")).isEqualTo("form-not-for-discipline");
        assertThat(clinician
                        .get("/api/encounters/" + id)
                        .body()
                        .path("revision")
                        .asInt())
                .isEqualTo(1);

        ApiSession.Download sheet = clinician.download("/api/encounters/" + id + "/prescription-sheet", Map.of());
        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.header("Content-Type")).isEqualTo("application/pdf");
    }

    @Test
    void offersNoAmendmentUnderABreakTheGlass() {
        ApiSession clinicianAtB = organisation.userAt(organisation.siteB, "CLINICIAN");
        Response signed = clinician.post(
                "/api/encounters",
                Map.of("personId", man, "formCode", "medical-consultation", "answers", MEDICAL_ANSWERS, "sign", true));
        assertThat(signed.status()).isEqualTo(201);
        Response confirmed =
                clinicianAtB.post("/api/session/reauthentication", Map.of("password", TestOrganisation.PASSWORD));
        assertThat(confirmed.status()).isEqualTo(204);
        Response opened = clinicianAtB.post(
                "/api/people/" + man + "/emergency-access",
                Map.of("reason", "Unconscious at the night shelter, allergies needed"));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(201);

        Response read = clinicianAtB.get("/api/encounters/" + signed.text("id"));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("allowedActions").valueStream().map(action -> action.asString()))
                .doesNotContain("AMEND");
        Response amended = clinicianAtB.post(
                "/api/encounters/" + signed.text("id") + "/amendments",
                Map.of("version", read.body().path("version").asLong(), "answers", MEDICAL_ANSWERS, "reason", "Try"));
        assertThat(amended.status()).isEqualTo(403);
    }
}
