package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Response;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class FollowUpsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    String woman;
    LocalDate today;

    @BeforeEach
    void setUp() {
        MovableClock.clearOfMidnight();
        today = MovableClock.today();
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        Response registered = clinician.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                "Mariam Traoré",
                                "sex",
                                "FEMALE",
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "2003-05-01"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        woman = registered.text("id");
    }

    private long followUps() {
        return jdbc.sql("select count(*) from care.follow_up where person_id = ?::uuid")
                .param(woman)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesAnEnrolmentWithFaultyPlansAndStoresNothing() {
        Response refused = clinician.post(
                "/api/people/" + woman + "/follow-ups",
                Map.of(
                        "programme", "CHRONIC",
                        "nextVisitOn", today.plusYears(2).toString(),
                        "dueDate", today.plusMonths(3).toString(),
                        "riskFlags", List.of("uncontrolled", "haunted")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()
                        .path("fieldErrors")
                        .valueStream()
                        .map(fault -> fault.path("field").asString() + " "
                                + fault.path("code").asString())
                        .toList())
                .containsExactlyInAnyOrder(
                        "nextVisitOn date-implausible",
                        "dueDate field-not-relevant",
                        "conditionCode field-required",
                        "riskFlags[1] unknown-option");
        assertThat(followUps()).isZero();
    }

    @Test
    void anAntenatalVisitSetsTheNextVisitAndDueDateAndTheSiteSeesWhoIsOverdue() {
        Response enrolled = clinician.post(
                "/api/people/" + woman + "/follow-ups",
                Map.of(
                        "programme", "PREGNANCY",
                        "startedOn", today.minusDays(20).toString(),
                        "nextVisitOn", today.minusDays(2).toString(),
                        "riskFlags", List.of("adolescent")));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
        assertThat(enrolled.text("standing")).isEqualTo("OVERDUE");
        assertThat(clinician
                        .post("/api/people/" + woman + "/follow-ups", Map.of("programme", "PREGNANCY"))
                        .text("code"))
                .isEqualTo("follow-up-active");

        JsonNode due = clinician.get("/api/follow-ups/due").body();
        assertThat(due.path(0).path("person").path("chosenName").asString()).isEqualTo("Mariam Traoré");
        assertThat(due.path(0).path("followUp").path("standing").asString()).isEqualTo("OVERDUE");

        LocalDate lmp = today.minusWeeks(14);
        Response visit = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        woman,
                        "formCode",
                        "antenatal-visit",
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "lmp", lmp.toString(),
                                "danger-signs", List.of("none"),
                                "next-visit", today.plusDays(28).toString())));
        assertThat(visit.status()).as(visit.body().toString()).isEqualTo(201);

        JsonNode followUp =
                clinician.get("/api/people/" + woman + "/follow-ups").body().path(0);
        assertThat(followUp.path("lastVisitOn").asString()).isEqualTo(today.toString());
        assertThat(followUp.path("nextVisitOn").asString())
                .isEqualTo(today.plusDays(28).toString());
        assertThat(followUp.path("dueDate").asString())
                .isEqualTo(lmp.plusDays(280).toString());
        assertThat(followUp.path("standing").asString()).isEqualTo("PLANNED");
        assertThat(clinician
                        .get("/api/follow-ups/due")
                        .body()
                        .valueStream()
                        .filter(entry ->
                                entry.path("person").path("id").asString().equals(woman)))
                .isEmpty();

        Response closed = clinician.post(
                "/api/follow-ups/" + followUp.path("id").asString() + "/closure",
                Map.of("version", followUp.path("version").asLong(), "reason", "DELIVERED"));
        assertThat(closed.text("status")).isEqualTo("CLOSED");
        assertThat(clinician
                        .put(
                                "/api/follow-ups/" + followUp.path("id").asString(),
                                Map.of("version", closed.body().path("version").asLong(), "riskFlags", List.of()))
                        .text("code"))
                .isEqualTo("follow-up-closed");
    }

    @Test
    void aMentalHealthFollowUpIsSeenOnlyByThoseWhoOpenItsCompartment() {
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        assertThat(clinician
                        .post("/api/people/" + woman + "/follow-ups", Map.of("programme", "MENTAL_HEALTH"))
                        .text("code"))
                .isEqualTo("compartment-not-allowed");
        Response enrolled = psychologist.post(
                "/api/people/" + woman + "/follow-ups",
                Map.of("programme", "MENTAL_HEALTH", "riskFlags", List.of("suicide-risk")));
        assertThat(enrolled.status()).isEqualTo(201);

        assertThat(psychologist.get("/api/people/" + woman + "/follow-ups").body())
                .hasSize(1);
        assertThat(clinician.get("/api/people/" + woman + "/follow-ups").body()).isEmpty();
        assertThat(clinician
                        .put("/api/follow-ups/" + enrolled.text("id"), Map.of("version", 0, "riskFlags", List.of()))
                        .status())
                .isEqualTo(404);
        assertThat(psychologist
                        .get("/api/follow-ups/due")
                        .body()
                        .path(0)
                        .path("followUp")
                        .path("standing")
                        .asString())
                .isEqualTo("NOT_PLANNED");
        assertThat(clinician
                        .get("/api/follow-ups/due")
                        .body()
                        .valueStream()
                        .filter(entry ->
                                entry.path("person").path("id").asString().equals(woman)))
                .isEmpty();
    }
}
