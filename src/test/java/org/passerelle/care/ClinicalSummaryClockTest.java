package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A course of treatment is current up to the end of its last day in the teams' time zone, whatever
 * the day is in UTC. The test moves the application's clock.
 */
@PasserelleTest
@TestPropertySource(
        properties = {"passerelle.test.own-database=clinical-summary-clock", "passerelle.session.absolute-timeout=48h"})
class ClinicalSummaryClockTest {

    static final ZoneId TEAMS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Test
    void aCourseIsCurrentUntilTheEndOfItsLastDayInTheTeamsTimeZone() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String person =
                TestOrganisation.register(clinician, "Yonas Tesfaye").path("id").asString();
        LocalDate today = LocalDate.ofInstant(MovableClock.now(), TEAMS);
        ApiSession.Response signed = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        person,
                        "formCode",
                        "medical-consultation",
                        "occurredOn",
                        today.minusDays(2).toString(),
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("fever"),
                                "diagnoses",
                                List.of("M54.5"),
                                "prescription",
                                List.of(Map.of("medicine", "ibuprofen-400-tab", "morning", 1, "days", 3)))));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);

        Instant lastMoment =
                today.plusDays(1).atStartOfDay(TEAMS).minusSeconds(1).toInstant();
        JsonNode onLastDay = at(lastMoment, () -> summary(clinician, person));
        assertThat(onLastDay.path("today").asString()).isEqualTo(today.toString());
        assertThat(onLastDay.path("treatments").path(0).path("medicineCode").asString())
                .isEqualTo("ibuprofen-400-tab");
        assertThat(onLastDay.path("treatments").path(0).path("lastDay").asString())
                .isEqualTo(today.toString());

        Instant nextMidnight = today.plusDays(1).atStartOfDay(TEAMS).toInstant();
        // still the last day in UTC, but the next day for the teams: the course is over
        assertThat(LocalDate.ofInstant(nextMidnight, ZoneOffset.UTC)).isEqualTo(today);
        JsonNode nextDay = at(nextMidnight, () -> summary(clinician, person));
        assertThat(nextDay.path("today").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(nextDay.path("treatments")).isEmpty();
    }

    /** What the application answers when its clock reads {@code instant}. */
    private static JsonNode at(Instant instant, Supplier<JsonNode> request) {
        AtomicReference<JsonNode> answer = new AtomicReference<>();
        MovableClock.runAt(instant, () -> answer.set(request.get()));
        return answer.get();
    }

    private static JsonNode summary(ApiSession user, String person) {
        ApiSession.Response response = user.get("/api/people/" + person + "/clinical-summary");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }
}
