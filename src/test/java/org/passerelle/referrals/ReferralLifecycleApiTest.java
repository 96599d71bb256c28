package org.passerelle.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Each rule of a referral's life over HTTP: sent, accepted, attended and closed in order; refused or
 * lost as final steps; no step after a final one, none dated after today or before the previous
 * one, none at a version read before a change, no referral to a closed service; overdue referrals
 * first on the site's "to follow" list; an accompaniment recorded; the letter printed. Every refusal
 * has a stable code and writes nothing.
 */
@PasserelleTest
class ReferralLifecycleApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession nurse;
    String person;
    String pass;
    LocalDate today;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        person = TestOrganisation.register(nurse, "Amina").path("id").asString();
        pass = service(organisation.userAt(organisation.siteA, "COORDINATOR"), false);
        today = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
    }

    @Test
    void aReferralGoesFromSentToClosedStepByStepSignedByWhoRecordedEach() {
        JsonNode referral = refer(today.minusDays(5), pass);

        JsonNode accepted = step(referral, "ACCEPTED", today.minusDays(4));
        JsonNode attended = step(accepted, "ATTENDED", today.minusDays(2));
        JsonNode closed = step(attended, "CLOSED", today);

        assertThat(closed.path("status").asString()).isEqualTo("CLOSED");
        assertThat(closed.path("steps")
                        .valueStream()
                        .map(s -> s.path("status").asString())
                        .toList())
                .containsExactlyInAnyOrder("SENT", "ACCEPTED", "ATTENDED", "CLOSED");
        assertThat(closed.path("steps")
                        .valueStream()
                        .map(s -> s.path("recordedBy").asString())
                        .distinct())
                .hasSize(1)
                .allMatch(name -> !name.isBlank());
        ApiSession.Response refused = post(
                "/steps",
                closed,
                Map.of(
                        "version",
                        closed.path("version").asLong(),
                        "status",
                        "REFUSED",
                        "occurredOn",
                        today.toString()));
        expectProblem(refused, 409, "referral-step-not-allowed");
        assertThat(steps(closed)).isEqualTo(4);
    }

    @Test
    void aRefusedReferralIsFinalAndCannotBeAttendedAfterwards() {
        JsonNode refused = step(refer(today.minusDays(3), pass), "REFUSED", today.minusDays(1));

        ApiSession.Response attended = post(
                "/steps",
                refused,
                Map.of(
                        "version",
                        refused.path("version").asLong(),
                        "status",
                        "ATTENDED",
                        "occurredOn",
                        today.toString()));

        expectProblem(attended, 409, "referral-step-not-allowed");
        JsonNode lost = step(refer(today.minusDays(3), pass), "LOST", today);
        assertThat(lost.path("status").asString()).isEqualTo("LOST");
        assertThat(steps(refused)).isEqualTo(2);
    }

    @Test
    void stepsInTheFutureBeforeThePreviousStepOrAtAStaleVersionChangeNothing() {
        JsonNode referral = refer(today.minusDays(3), pass);
        long version = referral.path("version").asLong();

        expectProblem(
                post(
                        "/steps",
                        referral,
                        Map.of(
                                "version",
                                version,
                                "status",
                                "ACCEPTED",
                                "occurredOn",
                                today.plusDays(1).toString())),
                400,
                "referral-in-future");
        expectProblem(
                post(
                        "/steps",
                        referral,
                        Map.of(
                                "version",
                                version,
                                "status",
                                "ACCEPTED",
                                "occurredOn",
                                today.minusDays(4).toString())),
                400,
                "referral-before-previous-step");
        step(referral, "ACCEPTED", today.minusDays(2));
        expectProblem(
                post(
                        "/steps",
                        referral,
                        Map.of("version", version, "status", "ATTENDED", "occurredOn", today.toString())),
                409,
                "stale-version");

        JsonNode now =
                nurse.get("/api/referrals/" + referral.path("id").asString()).body();
        assertThat(now.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(steps(referral)).isEqualTo(2);
        ApiSession.Response future = nurse.post("/api/referrals", referral(today.plusDays(1), pass));
        expectProblem(future, 400, "referral-in-future");
    }

    @Test
    void aReferralToAClosedServiceIsRefused() {
        String closed = service(organisation.userAt(organisation.siteA, "COORDINATOR"), true);

        ApiSession.Response refused = nurse.post("/api/referrals", referral(today, closed));

        expectProblem(refused, 409, "referral-service-closed");
        assertThat(jdbc.sql("select count(*) from referrals.referral where person_id = ?::uuid")
                        .param(person)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void overdueReferralsComeFirstOnTheSitesListToFollowAndLeaveItOnceAttended() {
        JsonNode recent = refer(today, pass);
        JsonNode overdue = refer(today.minusDays(40), pass);

        ApiSession.Response list = nurse.get("/api/referrals/to-follow");

        assertThat(list.status()).isEqualTo(200);
        List<String> ids =
                list.body().valueStream().map(r -> r.path("id").asString()).toList();
        assertThat(ids.indexOf(overdue.path("id").asString()))
                .isLessThan(ids.indexOf(recent.path("id").asString()));
        JsonNode first = list.body().get(ids.indexOf(overdue.path("id").asString()));
        assertThat(first.path("overdue").asBoolean()).isTrue();
        assertThat(first.path("personName").asString()).isEqualTo("Amina");
        step(overdue, "ATTENDED", today);
        assertThat(nurse.get("/api/referrals/to-follow")
                        .body()
                        .valueStream()
                        .map(r -> r.path("id").asString()))
                .doesNotContain(overdue.path("id").asString())
                .contains(recent.path("id").asString());
    }

    @Test
    void anAccompanimentIsRecordedAndTheLetterIsAPdf() {
        JsonNode referral = refer(today.minusDays(1), pass);

        ApiSession.Response accompanied = post(
                "/accompaniments",
                referral,
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "occurredOn",
                        today.toString(),
                        "companions",
                        "Outreach nurse",
                        "transport",
                        "PUBLIC_TRANSPORT",
                        "minutes",
                        150,
                        "outcome",
                        "SEEN"));
        ApiSession.Download letter = nurse.download(
                "/api/referrals/" + referral.path("id").asString() + "/letter", Map.of("language", "ar"));

        assertThat(accompanied.status()).as(accompanied.body().toString()).isEqualTo(201);
        assertThat(accompanied
                        .body()
                        .path("accompaniments")
                        .get(0)
                        .path("minutes")
                        .asInt())
                .isEqualTo(150);
        assertThat(letter.status()).isEqualTo(200);
        assertThat(letter.header("content-type")).startsWith("application/pdf");
        assertThat(new String(letter.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        ApiSession.Response early = post(
                "/accompaniments",
                referral,
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "occurredOn",
                        today.minusDays(3).toString(),
                        "companions",
                        "Nurse",
                        "transport",
                        "WALK",
                        "minutes",
                        30,
                        "outcome",
                        "SEEN"));
        expectProblem(early, 400, "referral-before-previous-step");
    }

    private JsonNode refer(LocalDate sentOn, String serviceId) {
        ApiSession.Response referred = nurse.post("/api/referrals", referral(sentOn, serviceId));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        return referred.body();
    }

    private Map<String, Object> referral(LocalDate sentOn, String serviceId) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "personId",
                person,
                "serviceId",
                serviceId,
                "reason",
                "Wound to be seen",
                "urgency",
                "ROUTINE",
                "consent",
                "PERSON",
                "sentOn",
                sentOn.toString());
    }

    private JsonNode step(JsonNode referral, String status, LocalDate on) {
        ApiSession.Response stepped = post(
                "/steps",
                referral,
                Map.of("version", referral.path("version").asLong(), "status", status, "occurredOn", on.toString()));
        assertThat(stepped.status()).as(stepped.body().toString()).isEqualTo(200);
        assertThat(stepped.text("status")).isEqualTo(status);
        return stepped.body();
    }

    private ApiSession.Response post(String path, JsonNode referral, Map<String, Object> body) {
        return nurse.post("/api/referrals/" + referral.path("id").asString() + path, body);
    }

    private long steps(JsonNode referral) {
        return jdbc.sql("select count(*) from referrals.referral_step where referral_id = ?::uuid")
                .param(referral.path("id").asString())
                .query(Long.class)
                .single();
    }

    private static String service(ApiSession coordinator, boolean closed) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "PASS");
        details.put("name", "PASS Calais");
        details.put("languages", List.of("fr", "ar"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", closed);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    private static void expectProblem(ApiSession.Response response, int status, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.text("code")).isEqualTo(code);
    }
}
