package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A course of treatment is current up to the end of its last day in the teams' time zone, whatever
 * the day is in UTC. Runs in an application of its own, whose clock the test moves.
 */
@PasserelleTest
@Import(ClinicalSummaryClockTest.MovableClockConfiguration.class)
@TestPropertySource(
        properties = {"passerelle.test.own-database=clinical-summary-clock", "passerelle.session.absolute-timeout=48h"})
class ClinicalSummaryClockTest {

    static final ZoneId TEAMS = ZoneId.of("Europe/Paris");

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @AfterEach
    void putTheClockBack() {
        clock.reset();
    }

    @Test
    void aCourseIsCurrentUntilTheEndOfItsLastDayInTheTeamsTimeZone() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String person =
                TestOrganisation.register(clinician, "Yonas Tesfaye").path("id").asString();
        LocalDate today = LocalDate.now(TEAMS);
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
        clock.setTo(lastMoment);
        JsonNode onLastDay = summary(clinician, person);
        assertThat(onLastDay.path("today").asString()).isEqualTo(today.toString());
        assertThat(onLastDay.path("treatments").path(0).path("medicineCode").asString())
                .isEqualTo("ibuprofen-400-tab");
        assertThat(onLastDay.path("treatments").path(0).path("lastDay").asString())
                .isEqualTo(today.toString());

        Instant nextMidnight = today.plusDays(1).atStartOfDay(TEAMS).toInstant();
        clock.setTo(nextMidnight);
        // still the last day in UTC, but the next day for the teams: the course is over
        assertThat(LocalDate.ofInstant(nextMidnight, ZoneOffset.UTC)).isEqualTo(today);
        JsonNode nextDay = summary(clinician, person);
        assertThat(nextDay.path("today").asString()).isEqualTo(today.plusDays(1).toString());
        assertThat(nextDay.path("treatments")).isEmpty();
    }

    private static JsonNode summary(ApiSession user, String person) {
        ApiSession.Response response = user.get("/api/people/" + person + "/clinical-summary");
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableClockConfiguration {

        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock(ZoneOffset.UTC, new AtomicReference<>(SYSTEM));
        }
    }

    /** Stands for "the system's time" in a {@link MovableClock}. */
    static final Instant SYSTEM = Instant.MIN;

    /** The system clock, or a moment the test stops it at; every zone of it moves together. */
    static final class MovableClock extends Clock {

        private final ZoneId zone;
        private final AtomicReference<Instant> stoppedAt;

        MovableClock(ZoneId zone, AtomicReference<Instant> stoppedAt) {
            this.zone = zone;
            this.stoppedAt = stoppedAt;
        }

        void setTo(Instant instant) {
            stoppedAt.set(instant);
        }

        void reset() {
            stoppedAt.set(SYSTEM);
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return new MovableClock(other, stoppedAt);
        }

        @Override
        public Instant instant() {
            Instant stopped = stoppedAt.get();
            return stopped.equals(SYSTEM) ? Instant.now() : stopped;
        }
    }
}
