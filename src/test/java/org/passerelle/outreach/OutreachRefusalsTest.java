package org.passerelle.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad input gets a clear problem in the user's language and writes nothing. */
@PasserelleTest
class OutreachRefusalsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    OutreachFixture outreach;

    @BeforeEach
    void setUp() {
        outreach = new OutreachFixture(port);
    }

    @Test
    void refusesEndsBeforeStartsNegativeCountsAndLocationsOfAnotherTeam() {
        Map<String, Object> backwards = outreach.plan();
        backwards.put("plannedEnd", outreach.at("09:00"));
        Map<String, Object> negative = outreach.plan();
        negative.put("actualStart", outreach.at("10:00"));
        negative.put("tallies", OutreachFixture.tallies("FEMALE", "18+", -2));
        Map<String, Object> elsewhere = outreach.plan();
        elsewhere.put("locationId", otherTeamsLocation());
        Map<String, Object> unknownNeed = outreach.plan();
        unknownNeed.put("needs", List.of("water", "helicopter"));

        ApiSession.Response french = outreach.clinician.language("fr").post("/api/outreach/sessions", backwards);
        ApiSession.Response arabic = outreach.clinician.language("ar").post("/api/outreach/sessions", negative);
        ApiSession.Response english = outreach.clinician.language("en").post("/api/outreach/sessions", elsewhere);
        ApiSession.Response need = outreach.clinician.post("/api/outreach/sessions", unknownNeed);

        assertThat(french.status()).isEqualTo(400);
        assertThat(french.text("code")).isEqualTo("outreach-end-before-start");
        assertThat(french.text("detail")).contains("La fin est avant le début");
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.text("code")).isEqualTo("outreach-count-negative");
        assertThat(arabic.text("detail")).contains("سالباً");
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("code")).isEqualTo("outreach-location-other-site");
        assertThat(english.text("detail")).contains("belongs to another site");
        assertThat(need.text("code")).isEqualTo("outreach-unknown-need");
        assertThat(sessionsAt(outreach.location)).isZero();
    }

    @Test
    void aRefusedChangeLeavesTheSessionAsItWas() {
        Map<String, Object> form = outreach.plan();
        ApiSession.Response planned = outreach.planned(form);
        form.put("version", planned.body().path("version").asLong());
        form.put("actualStart", outreach.at("10:30"));
        form.put("actualEnd", outreach.at("10:10"));
        form.put("tallies", OutreachFixture.tallies("MALE", "18+", 4));

        ApiSession.Response refused = outreach.clinician.put("/api/outreach/sessions/" + planned.text("id"), form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("outreach-end-before-start");
        ApiSession.Response now = outreach.clinician.get("/api/outreach/sessions/" + planned.text("id"));
        assertThat(now.body().path("version").asLong())
                .isEqualTo(planned.body().path("version").asLong());
        assertThat(now.body().path("actualStart").asString("")).isEmpty();
        assertThat(now.body().path("tallies")).isEmpty();
    }

    @Test
    void refusesHalfCoordinatesAndOutOfRangeOnes() {
        String path = "/api/sites/" + outreach.team + "/outreach-locations";
        Map<String, Object> half = new HashMap<>(Map.of("name", "Half", "latitude", 48.8));
        ApiSession.Response incomplete = outreach.coordinator.language("fr").post(path, half);
        ApiSession.Response outOfRange =
                outreach.coordinator.post(path, Map.of("name", "Far", "latitude", 91, "longitude", 2));

        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.text("code")).isEqualTo("outreach-coordinates-incomplete");
        assertThat(incomplete.text("detail")).contains("latitude et la longitude");
        assertThat(outOfRange.status()).isEqualTo(400);
        assertThat(jdbc.sql(
                                "select count(*) from sites.outreach_location where site_id = ?::uuid and name in ('Half', 'Far')")
                        .param(outreach.team)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyTheTeamRecordsAndOnlyWithinItsSites() {
        ApiSession logistician = outreach.organisation.userAt(outreach.team, "LOGISTICIAN");
        ApiSession clinicianElsewhere = outreach.organisation.userAt(outreach.organisation.siteB, "CLINICIAN");
        String session = outreach.planned(outreach.plan()).text("id");

        assertThat(logistician.post("/api/outreach/sessions", outreach.plan()).status())
                .isEqualTo(403);
        assertThat(clinicianElsewhere.get("/api/outreach/sessions/" + session).status())
                .isEqualTo(403);
        assertThat(clinicianElsewhere
                        .get("/api/outreach/sessions/" + session + "/summary")
                        .status())
                .isEqualTo(403);
        assertThat(logistician.get("/api/outreach/map-points").status()).isEqualTo(200);
    }

    private String otherTeamsLocation() {
        String programme = "";
        for (var site : outreach.organisation.admin().get("/api/sites").body()) {
            if (site.path("id").asString().equals(outreach.team)) {
                programme = site.path("programmeId").asString();
            }
        }
        ApiSession.Response site = outreach.organisation
                .admin()
                .post(
                        "/api/sites",
                        Map.of(
                                "programmeId",
                                programme,
                                "name",
                                "Night round " + java.util.UUID.randomUUID(),
                                "kind",
                                "MOBILE_TEAM"));
        assertThat(site.status()).as(site.body().toString()).isEqualTo(201);
        ApiSession.Response location = outreach.organisation
                .admin()
                .post(
                        "/api/sites/" + site.text("id") + "/outreach-locations",
                        Map.of("name", "Gare", "latitude", 48.88, "longitude", 2.35));
        assertThat(location.status()).as(location.body().toString()).isEqualTo(201);
        return location.text("id");
    }

    private int sessionsAt(String location) {
        return jdbc.sql("select count(*) from outreach.session where location_id = ?::uuid")
                .param(location)
                .query(Integer.class)
                .single();
    }
}
