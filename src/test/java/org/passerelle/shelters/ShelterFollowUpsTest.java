package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The shelter's staff see the follow-ups due of the people in a bed tonight, and only those: not of
 * people who left or never stayed, and only in the compartments their role opens.
 */
@PasserelleTest
class ShelterFollowUpsTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void theStaffSeeTheFollowUpsDueOfTonightsResidentsWithinTheirCompartments() {
        ShelterFixture shelter = new ShelterFixture(port);
        String room = shelter.room("Dortoir");
        String bed1 = shelter.bed(room, "1", false, "2026-01-01");
        String bed2 = shelter.bed(room, "2", false, "2026-01-01");
        ApiSession clinician = shelter.organisation.userAt(shelter.shelter, "CLINICIAN");
        ApiSession psychologist = shelter.organisation.userAt(shelter.shelter, "PSYCHOLOGIST");
        LocalDate today = LocalDate.now(clock);
        String amina = shelter.person("Amina", "FEMALE", "1996-04-02");
        String stay = shelter.admitted(amina, bed1, "STAY", null).text("id");
        String left = shelter.person("Binta", "FEMALE", "1993-01-02");
        ApiSession.Response leftStay =
                shelter.admitted(left, bed2, "STAY", today.minusDays(5).toString());
        assertThat(shelter.stay(
                                leftStay,
                                "discharge",
                                Map.of(
                                        "destination",
                                        "FAMILY",
                                        "dischargedOn",
                                        today.minusDays(1).toString()))
                        .status())
                .isEqualTo(200);
        String never = shelter.person("Chantal", "FEMALE", "1991-03-04");

        enrol(clinician, amina, "PREGNANCY", today.minusDays(2));
        enrol(psychologist, amina, "MENTAL_HEALTH", today.plusDays(3));
        enrol(clinician, left, "PREGNANCY", today.minusDays(2));
        enrol(clinician, never, "PREGNANCY", today.minusDays(2));

        JsonNode forClinician = due(clinician, shelter.shelter);
        assertThat(forClinician.size()).as(forClinician.toString()).isEqualTo(1);
        assertThat(forClinician.path(0).path("stayId").asString()).isEqualTo(stay);
        assertThat(forClinician.path(0).path("followUp").path("programme").asString())
                .isEqualTo("PREGNANCY");
        assertThat(forClinician.path(0).path("followUp").path("standing").asString())
                .isEqualTo("OVERDUE");

        JsonNode forPsychologist = due(psychologist, shelter.shelter);
        assertThat(forPsychologist
                        .valueStream()
                        .map(entry -> entry.path("followUp").path("programme").asString())
                        .toList())
                .as("overdue first, then due this week; only the compartments the role opens")
                .containsExactly("PREGNANCY", "MENTAL_HEALTH");

        ApiSession logistician = shelter.organisation.userAt(shelter.shelter, "LOGISTICIAN");
        assertThat(logistician
                        .get("/api/shelters/sites/" + shelter.shelter + "/follow-ups-due")
                        .status())
                .isEqualTo(403);
    }

    private static void enrol(ApiSession user, String person, String programme, LocalDate nextVisit) {
        ApiSession.Response enrolled = user.post(
                "/api/people/" + person + "/follow-ups",
                Map.of(
                        "programme",
                        programme,
                        "startedOn",
                        nextVisit.minusDays(20).toString(),
                        "nextVisitOn",
                        nextVisit.toString(),
                        "riskFlags",
                        List.of()));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
    }

    private static JsonNode due(ApiSession user, String shelter) {
        ApiSession.Response due = user.get("/api/shelters/sites/" + shelter + "/follow-ups-due");
        assertThat(due.status()).as(due.body().toString()).isEqualTo(200);
        return due.body();
    }
}
