package org.passerelle.outbreaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.outbreaks.OutbreakFixture.anonymousCase;
import static org.passerelle.outbreaks.OutbreakFixture.record;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
 * Cholera cases with coordinates open their ring of 100 m; the team records anonymous households in
 * it with what they received and their chlorine; a ring answered the same day counts within 48
 * hours, one answered after 50 hours does not.
 */
@PasserelleTest
class CaseAreaResponseApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession logistician;
    String site;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        site = organisation.siteA;
        clinician = organisation.userAt(site, "CLINICIAN");
        logistician = organisation.userAt(site, "LOGISTICIAN");
    }

    @Test
    void onlyCholeraCasesThatCountAndHaveCoordinatesOpenARing() {
        String cholera = record(clinician, located("cholera", "SUSPECTED", 48.8566, 2.3522));
        record(clinician, located("measles", "SUSPECTED", 48.8566, 2.3522));
        record(clinician, located("cholera", "DISCARDED", 48.8566, 2.3522));
        record(clinician, anonymousCase("cholera", site, "CONFIRMED", OutbreakFixture.today()));

        JsonNode rings = logistician.get("/api/outbreaks/rings?siteId=" + site).body();

        assertThat(rings).hasSize(1);
        assertThat(rings.get(0).path("caseId").asString()).isEqualTo(cholera);
        assertThat(rings.get(0).path("radiusMetres").asInt()).isEqualTo(100);
        assertThat(rings.get(0).has("firstVisitAt")).isFalse();
    }

    @Test
    void theRingsAnsweredWithin48HoursAreCountedAndTheHouseholdsKeepTheirChlorine() {
        record(clinician, located("cholera", "CONFIRMED", 48.8566, 2.3522));
        String early = ringIds().get(0);
        ApiSession.Response household =
                logistician.post("/api/outbreaks/rings/" + early + "/households", household(48.8570, 2.3525, "0.5"));
        assertThat(household.status()).as(household.body().toString()).isEqualTo(201);

        // a case recorded 50 hours ago, at another clinician's device, whose ring is answered now
        MovableClock.runAt(
                MovableClock.now().minus(Duration.ofHours(50)),
                () -> record(organisation.userAt(site, "CLINICIAN"), located("cholera", "SUSPECTED", 48.8600, 2.3600)));
        String late =
                ringIds().stream().filter(id -> !id.equals(early)).findFirst().orElseThrow();
        assertThat(logistician
                        .post("/api/outbreaks/rings/" + late + "/households", household(48.8601, 2.3601, null))
                        .status())
                .isEqualTo(201);

        JsonNode figures =
                logistician.get("/api/outbreaks/rings/figures?siteId=" + site).body();
        assertThat(figures.path("rings").asInt()).isEqualTo(2);
        assertThat(figures.path("answeredWithin48Hours").asInt()).isEqualTo(1);
        assertThat(figures.path("answeredPercent").asDouble()).isEqualTo(50.0);
        JsonNode lateRing = logistician.get("/api/outbreaks/rings/" + late).body();
        assertThat(lateRing.path("answeredWithin48Hours").asBoolean()).isFalse();
        assertThat(lateRing.path("responseMinutes").asLong()).isBetween(50 * 60L, 50 * 60L + 5);
        assertThat(jdbc.sql("""
                        select count(*) filter (where answered_within_48h) || '/' || count(*)
                          from outbreaks.ring_fact where site_id = ?::uuid
                        """).param(site).query(String.class).single()).isEqualTo("1/2");

        String visited = household.text("id");
        ApiSession.Response followUp = logistician.put(
                "/api/outbreaks/households/" + visited + "/follow-up",
                Map.of("version", 1, "chlorineAtFollowUp", "0.3"));
        assertThat(followUp.status()).as(followUp.body().toString()).isEqualTo(200);
        assertThat(followUp.body().path("chlorineAtVisit").asDouble()).isEqualTo(0.5);
        assertThat(followUp.body().path("chlorineAtFollowUp").asDouble()).isEqualTo(0.3);
        assertThat(followUp.body().path("version").asLong()).isEqualTo(2);
    }

    @Test
    void aHouseholdOutsideTheRingOrAChlorineNoKitReadsIsRefusedAndNothingIsWritten() {
        record(clinician, located("cholera", "CONFIRMED", 48.8566, 2.3522));
        String ring = ringIds().get(0);

        ApiSession.Response far =
                logistician.post("/api/outbreaks/rings/" + ring + "/households", household(48.8666, 2.3522, null));
        ApiSession.Response overdosed =
                logistician.post("/api/outbreaks/rings/" + ring + "/households", household(null, null, "12"));
        ApiSession.Response negative =
                logistician.post("/api/outbreaks/rings/" + ring + "/households", household(null, null, "-0.1"));
        ApiSession outsider = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        ApiSession.Response elsewhere =
                outsider.post("/api/outbreaks/rings/" + ring + "/households", household(null, null, null));

        assertThat(far.status()).isEqualTo(400);
        assertThat(far.text("code")).isEqualTo("outbreak-household-outside-ring");
        assertThat(overdosed.text("code")).isEqualTo("outbreak-chlorine-out-of-range");
        assertThat(negative.text("code")).isEqualTo("outbreak-chlorine-out-of-range");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(logistician
                        .get("/api/outbreaks/rings/" + ring + "/households")
                        .body())
                .isEmpty();
        assertThat(logistician.get("/api/outbreaks/rings/" + ring).body().has("firstVisitAt"))
                .isFalse();
    }

    private List<String> ringIds() {
        ApiSession.Response rings = logistician.get("/api/outbreaks/rings?siteId=" + site);
        assertThat(rings.status()).isEqualTo(200);
        return rings.body().findValuesAsString("id");
    }

    private Map<String, Object> located(String disease, String classification, double lat, double lon) {
        Map<String, Object> body = anonymousCase(disease, site, classification, OutbreakFixture.today());
        body.put("latitude", lat);
        body.put("longitude", lon);
        return body;
    }

    private static Map<String, Object> household(
            @Nullable Double lat, @Nullable Double lon, @Nullable String chlorine) {
        Map<String, Object> body = new HashMap<>();
        body.put("id", UUID.randomUUID().toString());
        body.put("marker", "M-12");
        body.put("people", 6);
        body.put("waterTreatment", true);
        body.put("soap", true);
        body.put("jerrycan", false);
        body.put("disinfection", true);
        body.put("healthPromotion", true);
        if (lat != null && lon != null) {
            body.put("latitude", lat);
            body.put("longitude", lon);
        }
        if (chlorine != null) {
            body.put("chlorineAtVisit", chlorine);
        }
        return body;
    }
}
