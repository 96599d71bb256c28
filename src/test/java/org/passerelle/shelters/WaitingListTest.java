package org.passerelle.shelters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The waiting list ranked by the coordinator's rule, with the reasons of every rank; offers and answers. */
@PasserelleTest
class WaitingListTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theCoordinatorsRuleRanksByNeedAndExplainsEachRank() {
        ShelterFixture shelter = new ShelterFixture(port);
        String minor = shelter.person("Jamal", "MALE", "2010-03-01");
        ApiSession.Response first = request(shelter, minor, List.of("MINOR", "SLEEPING_OUTSIDE"));
        ApiSession.Response anonymous = shelter.staff.post(
                "/api/shelters/requests",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        shelter.shelter,
                        "source",
                        "HOTLINE_115",
                        "sex",
                        "FEMALE",
                        "ageGroup",
                        "18+",
                        "householdSize",
                        3,
                        "criteria",
                        List.of("PREGNANCY", "YOUNG_CHILDREN", "WEATHER_ALERT")));
        assertThat(anonymous.status()).as(anonymous.body().toString()).isEqualTo(201);
        assertThat(anonymous.body().has("nationality")).isFalse();

        ApiSession.Response refused = shelter.staff.put(
                "/api/shelters/sites/" + shelter.shelter + "/priority-rule",
                Map.of("weights", Map.of("MINOR", 50), "pointsPerDay", 1, "version", 0));
        assertThat(refused.status()).as("the rule is the coordinator's").isEqualTo(403);

        ApiSession.Response rule = shelter.coordinator.put(
                "/api/shelters/sites/" + shelter.shelter + "/priority-rule",
                Map.of(
                        "weights",
                        Map.of(
                                "MINOR",
                                50,
                                "SLEEPING_OUTSIDE",
                                20,
                                "PREGNANCY",
                                40,
                                "YOUNG_CHILDREN",
                                25,
                                "WEATHER_ALERT",
                                10),
                        "pointsPerDay",
                        1,
                        "version",
                        0));
        assertThat(rule.status()).as(rule.body().toString()).isEqualTo(200);

        JsonNode ranking = ranking(shelter);
        assertThat(ranking.get(0).path("request").path("id").asString()).isEqualTo(anonymous.text("id"));
        assertThat(ranking.get(0).path("score").asInt()).isEqualTo(75);
        assertThat(ranking.get(0).path("reasons").get(0).path("criterion").asString())
                .isEqualTo("PREGNANCY");
        assertThat(ranking.get(0).path("reasons").get(0).path("points").asInt()).isEqualTo(40);
        assertThat(ranking.get(1).path("chosenName").asString()).isEqualTo("Jamal");
        assertThat(ranking.get(1).path("score").asInt()).isEqualTo(70);

        ApiSession.Response changed = shelter.coordinator.put(
                "/api/shelters/sites/" + shelter.shelter + "/priority-rule",
                Map.of(
                        "weights",
                        Map.of("MINOR", 80, "SLEEPING_OUTSIDE", 20, "PREGNANCY", 40),
                        "pointsPerDay",
                        1,
                        "version",
                        rule.body().path("version").asLong()));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(ranking(shelter).get(0).path("chosenName").asString())
                .as("the new rule puts the minor first")
                .isEqualTo("Jamal");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where record_type = 'shelter-priority-rule'"
                                + " and record_id = ?::uuid")
                        .param(shelter.shelter)
                        .query(Long.class)
                        .single())
                .as("every change of the rule is audited")
                .isEqualTo(2);

        ApiSession.Response offer = shelter.staff.post(
                "/api/shelters/requests/" + first.text("id") + "/offers",
                Map.of("id", UUID.randomUUID().toString()));
        assertThat(offer.status()).as(offer.body().toString()).isEqualTo(201);
        assertThat(offer.body().path("daysWaited").asInt()).isZero();
        JsonNode pending = pendingOffers(shelter);
        assertThat(pending.size()).isEqualTo(1);
        assertThat(pending.get(0).path("offer").path("id").asString()).isEqualTo(offer.text("id"));
        assertThat(pending.get(0).path("chosenName").asString()).isEqualTo("Jamal");
        ApiSession.Response asked = shelter.staff.get("/api/shelters/people/" + minor + "/requests");
        assertThat(asked.status()).as(asked.body().toString()).isEqualTo(200);
        assertThat(asked.body().size()).isEqualTo(1);
        assertThat(asked.body().get(0).path("status").asString()).isEqualTo("OFFERED");
        assertThat(asked.body().get(0).path("criteria").toString()).contains("MINOR", "SLEEPING_OUTSIDE");
        ApiSession.Response declined = shelter.staff.post(
                "/api/shelters/offers/" + offer.text("id") + "/reply",
                Map.of("answer", "REFUSED", "refusalReason", "FOUND_ELSEWHERE", "version", 1));
        assertThat(declined.status()).as(declined.body().toString()).isEqualTo(200);
        assertThat(ranking(shelter).size())
                .as("a refused offer puts the request back on the list")
                .isEqualTo(2);
        assertThat(pendingOffers(shelter).size())
                .as("an answered offer awaits nothing")
                .isZero();

        ApiSession.Response unknown = request(shelter, null, List.of("NATIONALITY"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.text("code")).isEqualTo("shelter-unknown-criterion");
    }

    private static ApiSession.Response request(
            ShelterFixture shelter, @org.jspecify.annotations.Nullable String personId, List<String> criteria) {
        Map<String, Object> request = new java.util.HashMap<>();
        request.put("id", UUID.randomUUID().toString());
        request.put("siteId", shelter.shelter);
        request.put("source", "STREET_TEAM");
        request.put("criteria", criteria);
        if (personId != null) {
            request.put("personId", personId);
        }
        return shelter.staff.post("/api/shelters/requests", request);
    }

    private static JsonNode pendingOffers(ShelterFixture shelter) {
        ApiSession.Response offers = shelter.staff.get("/api/shelters/sites/" + shelter.shelter + "/offers");
        assertThat(offers.status()).as(offers.body().toString()).isEqualTo(200);
        return offers.body();
    }

    private static JsonNode ranking(ShelterFixture shelter) {
        ApiSession.Response ranking = shelter.staff.get("/api/shelters/sites/" + shelter.shelter + "/waiting-list");
        assertThat(ranking.status()).as(ranking.body().toString()).isEqualTo(200);
        return ranking.body();
    }
}
