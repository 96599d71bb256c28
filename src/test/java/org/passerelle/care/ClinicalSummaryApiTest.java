package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Response;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class ClinicalSummaryApiTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession psychologist;
    String woman;
    LocalDate today;

    @BeforeEach
    void setUp() {
        MovableClock.clearOfMidnight();
        today = MovableClock.today();
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        Response registered = clinician.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                "Awa Diallo",
                                "sex",
                                "FEMALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "2000-03-01"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        woman = registered.text("id");
    }

    @Test
    void summarisesProblemsAllergiesRunningTreatmentsAndPregnancy() {
        assertThat(summary(clinician).path("allergies").path("status").asString())
                .isEqualTo("NOT_RECORDED");
        sign(
                clinician,
                "medical-consultation",
                today.minusDays(20),
                medical(List.of("J06.9"), List.of(), "none-known"));
        assertThat(summary(clinician).path("allergies").path("status").asString())
                .isEqualTo("NONE_KNOWN");
        sign(
                clinician,
                "medical-consultation",
                today.minusDays(2),
                Map.of(
                        "complaints", List.of("cough"),
                        "allergy-status", "yes",
                        "allergies", "Pénicilline (urticaire)",
                        "diagnoses", List.of("J06.9", "I10"),
                        "prescription",
                                List.of(
                                        line("paracetamol-500-tab", 3, "Pendant les repas"),
                                        line("amoxicillin-500-caps", 2, null))));
        enrol(Map.of("programme", "CHRONIC", "conditionCode", "I10"));
        enrol(Map.of("programme", "PREGNANCY", "dueDate", today.plusDays(100).toString()));

        JsonNode summary = summary(clinician);

        assertThat(summary.path("today").asString()).isEqualTo(today.toString());
        JsonNode allergies = summary.path("allergies");
        assertThat(allergies.path("status").asString()).isEqualTo("KNOWN");
        assertThat(allergies.path("statedOn").asString())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(allergies.path("notes").path(0).path("text").asString()).isEqualTo("Pénicilline (urticaire)");

        JsonNode problems = summary.path("problems");
        assertThat(problems.valueStream().map(p -> p.path("code").asString())).containsExactly("J06.9", "I10");
        JsonNode respiratory = problems.path(0);
        assertThat(respiratory.path("labels").path("en").asString())
                .isEqualTo("Acute upper respiratory infection, unspecified");
        assertThat(respiratory.path("firstSeen").asString())
                .isEqualTo(today.minusDays(20).toString());
        assertThat(respiratory.path("lastSeen").asString())
                .isEqualTo(today.minusDays(2).toString());
        assertThat(respiratory.path("timesSeen").asInt()).isEqualTo(2);
        assertThat(respiratory.path("chronic").asBoolean()).isFalse();
        assertThat(problems.path(1).path("chronic").asBoolean()).isTrue();

        // the two-day course started two days ago ended yesterday; the three-day one ends today
        JsonNode treatments = summary.path("treatments");
        assertThat(treatments).hasSize(1);
        JsonNode paracetamol = treatments.path(0);
        assertThat(paracetamol.path("name").path("fr").asString()).isEqualTo("paracétamol");
        assertThat(paracetamol.path("strength").asString()).isEqualTo("500 mg");
        assertThat(paracetamol.path("form").path("en").asString()).isNotBlank();
        assertThat(paracetamol.path("morning").asInt()).isEqualTo(1);
        assertThat(paracetamol.path("lastDay").asString()).isEqualTo(today.toString());
        assertThat(paracetamol.path("instructions").asString()).isEqualTo("Pendant les repas");

        JsonNode pregnancy = summary.path("pregnancy");
        assertThat(pregnancy.path("dueDate").asString())
                .isEqualTo(today.plusDays(100).toString());
        assertThat(pregnancy.path("weeks").asInt()).isEqualTo(25);
        assertThat(pregnancy.path("days").asInt()).isEqualTo(5);
        assertThat(summary.path("followUps")
                        .valueStream()
                        .map(f -> f.path("programme").asString()))
                .containsExactlyInAnyOrder("CHRONIC", "PREGNANCY");
        assertThat(summary.path("lastConsultations").path(0).path("discipline").asString())
                .isEqualTo("MEDICAL");
        assertThat(summary.path("lastConsultations").path(0).path("occurredOn").asString())
                .isEqualTo(today.minusDays(2).toString());

        JsonNode audit =
                organisation.admin().get("/api/audit?recordId=" + woman).body();
        assertThat(audit.valueStream()
                        .filter(entry -> entry.path("recordType").asString().equals("clinical-summary"))
                        .map(entry -> entry.path("action").asString()))
                .isNotEmpty()
                .allMatch("READ"::equals);
    }

    @Test
    void theHistoryListsTheCodedDiagnosesOfFormBasedConsultations() {
        sign(clinician, "medical-consultation", today, medical(List.of("B86", "Z59.0"), List.of(), null));

        JsonNode history =
                clinician.get("/api/people/" + woman + "/consultations").body();

        assertThat(history.path(0).path("formCode").asString()).isEqualTo("medical-consultation");
        assertThat(history.path(0)
                        .path("diagnoses")
                        .valueStream()
                        .map(d -> d.path("code").asString()))
                .containsExactly("B86", "Z59.0");
        assertThat(history.path(0)
                        .path("diagnoses")
                        .path(0)
                        .path("labels")
                        .path("fr")
                        .asString())
                .isEqualTo("Gale");
    }

    @Test
    void showsNothingFromCompartmentsTheReaderDoesNotOpen() {
        sign(clinician, "medical-consultation", today, medical(List.of("J06.9"), List.of(), null));
        sign(
                psychologist,
                "mental-health-session",
                today,
                Map.of("session-type", "assessment", "diagnoses", List.of("F43.1")));
        sign(
                clinician,
                "sgbv-first-response",
                today,
                Map.of("assault-at", today.minusDays(1) + "T22:00", "diagnoses", List.of("T74.2")));
        ApiSession socialWorker = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");

        assertThat(codes(summary(socialWorker))).containsExactly("J06.9");
        assertThat(summary(socialWorker)
                        .path("lastConsultations")
                        .valueStream()
                        .map(c -> c.path("discipline").asString()))
                .containsExactly("MEDICAL");
        assertThat(codes(summary(clinician))).containsExactlyInAnyOrder("J06.9", "T74.2");
        assertThat(codes(summary(psychologist))).containsExactlyInAnyOrder("J06.9", "T74.2", "F43.1");
        assertThat(clinician
                        .get("/api/people/" + woman + "/consultations")
                        .body()
                        .valueStream()
                        .flatMap(c -> c.path("diagnoses").valueStream())
                        .map(d -> d.path("code").asString()))
                .containsExactlyInAnyOrder("J06.9", "T74.2");
    }

    @Test
    void aUserOfAnotherSiteReadsTheSummaryOnlyThroughABreakTheGlass() {
        sign(
                psychologist,
                "mental-health-session",
                today,
                Map.of("session-type", "crisis", "diagnoses", List.of("F43.1")));
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");
        Response refused = elsewhere.get("/api/people/" + woman + "/clinical-summary");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("person-outside-scope");
        ApiSession dataOfficer = organisation.dataOfficer(false, List.of(organisation.siteA));
        Response noCare = dataOfficer.get("/api/people/" + woman + "/clinical-summary");
        assertThat(noCare.status()).isEqualTo(403);
        assertThat(noCare.text("code")).isEqualTo("role-not-allowed");

        assertThat(elsewhere
                        .post("/api/session/reauthentication", Map.of("password", TestOrganisation.PASSWORD))
                        .status())
                .isEqualTo(204);
        assertThat(elsewhere
                        .post(
                                "/api/people/" + woman + "/emergency-access",
                                Map.of("reason", "Unconscious, brought in by friends"))
                        .status())
                .isEqualTo(201);

        assertThat(codes(summary(elsewhere))).containsExactly("F43.1");
    }

    private JsonNode summary(ApiSession user) {
        Response response = user.get("/api/people/" + woman + "/clinical-summary");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private static List<String> codes(JsonNode summary) {
        return summary.path("problems")
                .valueStream()
                .map(p -> p.path("code").asString())
                .toList();
    }

    private void sign(ApiSession user, String form, LocalDate on, Map<String, Object> answers) {
        Response signed = user.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        woman,
                        "formCode",
                        form,
                        "occurredOn",
                        on.toString(),
                        "sign",
                        true,
                        "answers",
                        answers));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
    }

    private void enrol(Map<String, Object> enrolment) {
        Response enrolled = clinician.post("/api/people/" + woman + "/follow-ups", enrolment);
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
    }

    private static Map<String, Object> medical(
            List<String> diagnoses, List<Object> prescription, @Nullable String allergy) {
        Map<String, Object> answers = new java.util.HashMap<>();
        answers.put("complaints", List.of("fever"));
        answers.put("diagnoses", diagnoses);
        answers.put("prescription", prescription);
        if (allergy != null) {
            answers.put("allergy-status", allergy);
        }
        return answers;
    }

    private static Map<String, Object> line(String medicine, int days, @Nullable String instructions) {
        Map<String, Object> line = new java.util.HashMap<>();
        line.put("medicine", medicine);
        line.put("morning", 1);
        line.put("evening", 1);
        line.put("days", days);
        if (instructions != null) {
            line.put("instructions", instructions);
        }
        return line;
    }
}
