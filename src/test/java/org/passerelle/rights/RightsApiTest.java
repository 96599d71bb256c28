package org.passerelle.rights;

import static org.assertj.core.api.Assertions.assertThat;

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
 * The rights file over HTTP: social and legal workers record its steps, a grant keeps its end of
 * validity, other carers learn only whether the person is covered, reminders come before an expiry
 * and after a long wait, and bad input is refused with a stable code and changes nothing.
 */
@PasserelleTest
class RightsApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession social;
    String person;
    LocalDate today;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        social = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        person = TestOrganisation.register(social, "Amina").path("id").asString();
        today = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
    }

    @Test
    void anAmeGrantedIsValidForAYearAndShowsAsCoveredToOtherCarers() {
        ApiSession.Response requested = social.post(steps(person), step("AME_REQUESTED", today.minusDays(40)));
        ApiSession.Response granted = social.post(steps(person), step("AME_GRANTED", today.minusDays(5)));

        assertThat(requested.status()).as(requested.body().toString()).isEqualTo(201);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(granted.text("validUntil"))
                .isEqualTo(today.minusDays(5).plusYears(1).minusDays(1).toString());
        ApiSession.Response file = social.get(steps(person));
        assertThat(file.status()).isEqualTo(200);
        assertThat(kinds(file.body())).containsExactly("AME_GRANTED", "AME_REQUESTED");

        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession.Response coverage = clinician.get("/api/rights/people/" + person + "/coverage");
        assertThat(coverage.status()).isEqualTo(200);
        assertThat(coverage.text("status")).isEqualTo("COVERED");
        assertThat(clinician.get(steps(person)).status()).isEqualTo(403);
        assertThat(clinician.post(steps(person), step("AME_REQUESTED", today)).status())
                .isEqualTo(403);
        assertThat(count()).isEqualTo(2);
    }

    @Test
    void theSameStepSentTwiceIsRecordedOnce() {
        Map<String, Object> step = step("PUMA_REQUESTED", today);

        assertThat(social.post(steps(person), step).status()).isEqualTo(201);
        ApiSession.Response again = social.post(steps(person), step);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("kind")).isEqualTo("PUMA_REQUESTED");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void declaredAndAssessedAgesAreKeptApartOnAnAgeAssessment() {
        Map<String, Object> assessment = step("MINORITY_REFUSED", today.minusDays(3));
        assessment.put("declaredAge", 16);
        assessment.put("assessedAge", 19);

        ApiSession.Response recorded = social.post(steps(person), assessment);

        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        assertThat(recorded.body().path("declaredAge").asInt()).isEqualTo(16);
        assertThat(recorded.body().path("assessedAge").asInt()).isEqualTo(19);
        assertThat(recorded.text("domain")).isEqualTo("AGE_ASSESSMENT");
    }

    @Test
    void badStepsAreRefusedInEachLanguageAndChangeNothing() {
        Map<String, Object> ageOnCoverage = step("AME_REQUESTED", today);
        ageOnCoverage.put("assessedAge", 19);
        Map<String, Object> endBeforeStart = step("CSS_GRANTED", today.minusDays(3));
        endBeforeStart.put("validUntil", today.minusDays(10).toString());

        ApiSession.Response future =
                social.language("fr").post(steps(person), step("AME_REQUESTED", today.plusDays(2)));
        ApiSession.Response age = social.language("ar").post(steps(person), ageOnCoverage);
        ApiSession.Response until = social.language("en").post(steps(person), endBeforeStart);

        assertThat(future.status()).isEqualTo(400);
        assertThat(future.text("code")).isEqualTo("rights-in-future");
        assertThat(future.text("detail")).contains("après aujourd'hui");
        assertThat(age.text("code")).isEqualTo("rights-age-not-for-step");
        assertThat(age.text("detail")).contains("تقييم القُصر");
        assertThat(until.text("code")).isEqualTo("rights-valid-until-before");
        assertThat(count()).isZero();
    }

    @Test
    void anIdUsedForAnotherPersonIsRefused() {
        String other = TestOrganisation.register(social, "Yonas").path("id").asString();
        Map<String, Object> step = step("DOMICILIATION_REQUESTED", today);
        assertThat(social.post(steps(person), step).status()).isEqualTo(201);

        ApiSession.Response reused = social.post(steps(other), step);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.text("code")).isEqualTo("rights-id-reused");
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void aWithdrawnStepLeavesTheFileButStaysInTheHistory() {
        ApiSession.Response recorded = social.post(steps(person), step("AME_GRANTED", today));
        String id = recorded.text("id");

        ApiSession.Response stale = social.post("/api/rights/steps/" + id + "/withdrawal", Map.of("version", 7));
        ApiSession.Response withdrawn = social.post(
                "/api/rights/steps/" + id + "/withdrawal",
                Map.of("version", recorded.body().path("version").asLong()));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(kinds(social.get(steps(person)).body())).isEmpty();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void remindersComeBeforeAnExpiryAndAfterALongWaitButNotOnceRenewed() {
        String waiting = TestOrganisation.register(social, "Karim").path("id").asString();
        String renewed = TestOrganisation.register(social, "Samir").path("id").asString();
        social.post(steps(person), step("AME_GRANTED", today.minusDays(320)));
        social.post(steps(waiting), step("PUMA_REQUESTED", today.minusDays(70)));
        social.post(steps(renewed), step("AME_GRANTED", today.minusDays(330)));
        social.post(steps(renewed), step("AME_REQUESTED", today.minusDays(2)));

        ApiSession.Response reminders = social.get("/api/rights/reminders");

        assertThat(reminders.status()).isEqualTo(200);
        Map<String, String> reasons = new HashMap<>();
        reminders
                .body()
                .forEach(reminder -> reasons.put(
                        reminder.path("personId").asString(),
                        reminder.path("reason").asString()));
        assertThat(reasons)
                .containsEntry(person, "EXPIRES_SOON")
                .containsEntry(waiting, "WAITING_TOO_LONG")
                .doesNotContainKey(renewed);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(clinician.get("/api/rights/reminders").status()).isEqualTo(403);
    }

    @Test
    void aRenewalWithdrawnBringsTheExpiryBackAmongTheReminders() {
        ApiSession.Response granted = social.post(steps(person), step("AME_GRANTED", today.minusDays(330)));
        ApiSession.Response renewal = social.post(steps(person), step("AME_REQUESTED", today.minusDays(2)));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(renewal.status()).as(renewal.body().toString()).isEqualTo(201);
        assertThat(reminderReasons()).doesNotContainKey(person);

        ApiSession.Response withdrawn = social.post(
                "/api/rights/steps/" + renewal.text("id") + "/withdrawal",
                Map.of("version", renewal.body().path("version").asLong()));

        assertThat(withdrawn.status()).isEqualTo(204);
        assertThat(reminderReasons()).containsEntry(person, "EXPIRES_SOON");
    }

    @Test
    void everyKindOfStepHasItsPhaseWhereTheDatabaseKeepsTheLatestSteps() {
        Map<String, String> kept = new HashMap<>();
        jdbc.sql("select kind, phase from rights.step_kind")
                .query((row, n) -> kept.put(row.getString("kind"), row.getString("phase")))
                .list();

        Map<String, String> kinds = new HashMap<>();
        for (RightsViews.StepKind kind : RightsViews.StepKind.values()) {
            kinds.put(kind.name(), kind.phase().name());
        }
        assertThat(kept).isEqualTo(kinds);
    }

    private Map<String, String> reminderReasons() {
        ApiSession.Response reminders = social.get("/api/rights/reminders");
        assertThat(reminders.status()).isEqualTo(200);
        Map<String, String> reasons = new HashMap<>();
        reminders
                .body()
                .forEach(reminder -> reasons.put(
                        reminder.path("personId").asString(),
                        reminder.path("reason").asString()));
        return reasons;
    }

    private static String steps(String personId) {
        return "/api/rights/people/" + personId + "/steps";
    }

    private static Map<String, Object> step(String kind, LocalDate on) {
        Map<String, Object> step = new HashMap<>();
        step.put("id", UUID.randomUUID().toString());
        step.put("kind", kind);
        step.put("occurredOn", on.toString());
        step.put("documents", List.of("PROOF_OF_IDENTITY"));
        step.put("helpedBy", "Permanence sociale");
        return step;
    }

    private static List<String> kinds(JsonNode file) {
        List<String> kinds = new java.util.ArrayList<>();
        file.forEach(step -> kinds.add(step.path("kind").asString()));
        return kinds;
    }

    private long count() {
        return jdbc.sql("select count(*) from rights.rights_step where person_id = ?")
                .param(UUID.fromString(person))
                .query(Long.class)
                .single();
    }
}
