package org.passerelle.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A session planned, held and summarised, against figures counted by hand. */
@PasserelleTest
class OutreachSessionsApiTest {

    @LocalServerPort
    int port;

    OutreachFixture outreach;

    @BeforeEach
    void setUp() {
        outreach = new OutreachFixture(port);
    }

    @Test
    void recordsASessionAndSummarisesWhoWasReached() {
        String colleagueId = outreach.colleague
                .get("/api/session")
                .body()
                .path("user")
                .path("id")
                .asString();
        String me = outreach.clinician
                .get("/api/session")
                .body()
                .path("user")
                .path("id")
                .asString();
        Map<String, Object> form = outreach.plan();
        form.put("team", List.of(me, colleagueId));
        JsonNode planned = outreach.planned(form).body();
        assertThat(planned.path("team")).hasSize(2);
        assertThat(planned.path("day").asString()).isEqualTo(outreach.today.toString());

        form.put("version", planned.path("version").asLong());
        form.put("actualStart", outreach.at("10:15"));
        form.put("actualEnd", outreach.at("11:45"));
        form.put(
                "tallies",
                OutreachFixture.tallies(
                        "FEMALE", "18+", 3, "MALE", "18+", 5, "MALE", "05-14", 2, "FEMALE", "18+", 1, "OTHER", "15-17",
                        0));
        form.put("needs", List.of("water", "shelter", "water"));
        form.put("distributions", List.of(Map.of("item", "hygiene-kit", "quantity", 6)));
        ApiSession.Response held = outreach.clinician.put(
                "/api/outreach/sessions/" + planned.path("id").asString(), form);
        assertThat(held.status()).as(held.body().toString()).isEqualTo(200);
        String session = held.text("id");

        String man = outreach.person("Karim", "MALE", "1990-03-01");
        String girl = outreach.person("Hawa", "FEMALE", "2016-06-01");
        for (String consultation :
                List.of(outreach.consultation(man), outreach.consultation(man), outreach.consultation(girl))) {
            ApiSession.Response linked = outreach.clinician.post(
                    "/api/outreach/sessions/" + session + "/consultations", Map.of("encounterId", consultation));
            assertThat(linked.status()).as(linked.body().toString()).isEqualTo(200);
        }

        ApiSession.Response summary = outreach.coordinator.get("/api/outreach/sessions/" + session + "/summary");
        assertThat(summary.status()).as(summary.body().toString()).isEqualTo(200);
        JsonNode figures = summary.body();
        // anonymous: 3 + 5 + 2 + 1 = 11; registered: Karim (two consultations, once) and Hawa = 2
        assertThat(figures.path("anonymousPeople").asInt()).isEqualTo(11);
        assertThat(figures.path("registeredPersons").asInt()).isEqualTo(2);
        assertThat(figures.path("peopleReached").asInt()).isEqualTo(13);
        assertThat(figures.path("consultations").asInt()).isEqualTo(3);
        assertThat(figures.path("minutes").asLong()).isEqualTo(90);
        assertThat(cells(figures)).containsExactly("FEMALE 05-14 1", "FEMALE 18+ 4", "MALE 05-14 2", "MALE 18+ 6");
        assertThat(figures.path("session").path("needs").toString()).isEqualTo("[\"shelter\",\"water\"]");
        assertThat(figures.path("session")
                        .path("distributions")
                        .get(0)
                        .path("quantity")
                        .asInt())
                .isEqualTo(6);

        ApiSession.Response day = outreach.clinician.get("/api/outreach/day?day=" + outreach.today);
        assertThat(day.status()).isEqualTo(200);
        JsonNode here = day.body().path("locations").get(0);
        assertThat(here.path("locationId").asString()).isEqualTo(outreach.location);
        assertThat(here.path("sessions").get(0).path("id").asString()).isEqualTo(session);

        ApiSession.Response reach = outreach.coordinator.get(
                "/api/outreach/reach?from=" + outreach.today.minusDays(1) + "&to=" + outreach.today);
        assertThat(reach.status()).as(reach.body().toString()).isEqualTo(200);
        assertThat(reach.body().get(0).path("sessionsHeld").asInt()).isEqualTo(1);
        assertThat(reach.body().get(0).path("peopleReached").asInt()).isEqualTo(13);

        ApiSession.Response points = outreach.coordinator.get("/api/outreach/map-points");
        assertThat(points.status()).isEqualTo(200);
        List<String> layers = new ArrayList<>();
        for (JsonNode point : points.body().path("points")) {
            if (point.path("id").asString().equals(session)
                    || point.path("id").asString().equals(outreach.location)) {
                layers.add(
                        point.path("layer").asString() + " " + point.path("lat").asDouble() + " "
                                + point.path("status").asString());
            }
        }
        assertThat(layers).containsExactlyInAnyOrder("outreach-location 50.9513 ok", "outreach-session 50.9513 held");
    }

    @Test
    void linksAConsultationOnlyToOneSessionOfItsSiteAndDay() {
        String session = outreach.planned(outreach.plan()).text("id");
        String other = outreach.planned(outreach.plan()).text("id");
        String consultation = outreach.consultation(outreach.person("Samir", "MALE", "1988-01-01"));

        String path = "/api/outreach/sessions/";
        assertThat(outreach.clinician
                        .post(path + session + "/consultations", Map.of("encounterId", consultation))
                        .status())
                .isEqualTo(200);
        ApiSession.Response again =
                outreach.clinician.post(path + session + "/consultations", Map.of("encounterId", consultation));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("consultationIds")).hasSize(1);
        ApiSession.Response elsewhere =
                outreach.clinician.post(path + other + "/consultations", Map.of("encounterId", consultation));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.text("code")).isEqualTo("outreach-consultation-linked");
    }

    private static List<String> cells(JsonNode figures) {
        List<String> cells = new ArrayList<>();
        for (JsonNode cell : figures.path("bySexAndAgeGroup")) {
            cells.add(cell.path("sex").asString() + " " + cell.path("ageGroup").asString() + " "
                    + cell.path("people").asInt());
        }
        return cells;
    }
}
