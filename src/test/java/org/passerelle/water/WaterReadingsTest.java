package org.passerelle.water;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
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
 * Readings at a water point: refused outside physical limits with each faulty measure named, kept
 * and marked when out of the acceptable range (free residual chlorine below 0.2 or above 2 mg/L,
 * turbidity above 5 NTU), the point then in alert in its list, on the dashboard's alerts and on the
 * map layer; its history newest first; and the water indicators in the report.
 */
@PasserelleTest
class WaterReadingsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession logistician;
    String tank;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        Map<String, Object> point = new HashMap<>();
        point.put("id", UUID.randomUUID().toString());
        point.put("siteId", organisation.siteA);
        point.put("kind", "TANK");
        point.put("name", "Chlorination tank " + UUID.randomUUID().toString().substring(0, 4));
        point.put("lat", -12.78);
        point.put("lon", 45.23);
        point.put("capacityLitres", 1000);
        ApiSession.Response added = logistician.post("/api/water/points", point);
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        assertThat(added.text("status")).isEqualTo("NONE");
        tank = added.text("id");
    }

    @Test
    void aReadingOutsidePhysicalLimitsNamesEachFaultyMeasureAndWritesNothing() {
        ApiSession.Response impossible = read(logistician.language("fr"), 12.0, -1.0, 2000);
        ApiSession.Response empty = read(logistician, null, null, null);

        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.text("code")).isEqualTo(WaterProblems.READING_IMPOSSIBLE);
        assertThat(impossible.body().findValues("field").stream().map(JsonNode::asString))
                .containsExactlyInAnyOrder("chlorine", "turbidity", "volumeLitres");
        assertThat(impossible.body().path("fieldErrors").toString())
                .contains("10 mg/L")
                .contains("1");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text("code")).isEqualTo(WaterProblems.READING_EMPTY);
        assertThat(jdbc.sql("select count(*) from water.reading where point_id = ?")
                        .param(UUID.fromString(tank))
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aReadingOutOfRangePutsThePointInAlertUntilAReadingInRange() {
        assertThat(read(logistician, 0.5, 1.2, 800).text("inRange")).isEqualTo("true");
        assertThat(point().path("status").asString()).isEqualTo("OK");

        MovableClock.advance(Duration.ofMinutes(1));
        ApiSession.Response low = read(logistician, 0.1, 1.0, null);

        assertThat(low.status()).isEqualTo(201);
        assertThat(low.body().path("inRange").asBoolean()).isFalse();
        assertThat(point().path("status").asString()).isEqualTo("ALERT");
        assertThat(logistician.get("/api/water/alerts").body().findValues("id").stream()
                        .map(JsonNode::asString))
                .contains(tank);
        JsonNode layer = logistician.get("/api/water/map-points").body().path("points");
        JsonNode onMap = null;
        for (JsonNode point : layer) {
            if (point.path("id").asString().equals(tank)) {
                onMap = point;
            }
        }
        assertThat(onMap).isNotNull();
        assertThat(onMap.path("layer").asString()).isEqualTo("water-tank");
        assertThat(onMap.path("status").asString()).isEqualTo("alert");
        assertThat(onMap.path("lat").asDouble()).isEqualTo(-12.78);

        MovableClock.advance(Duration.ofMinutes(1));
        assertThat(read(logistician, 0.8, 6.0, null).body().path("inRange").asBoolean())
                .isFalse();
        MovableClock.advance(Duration.ofMinutes(1));
        assertThat(read(logistician, 2.0, 5.0, null).body().path("inRange").asBoolean())
                .isTrue();
        assertThat(point().path("status").asString()).isEqualTo("OK");
        assertThat(logistician.get("/api/water/alerts").body().findValues("id").stream()
                        .map(JsonNode::asString))
                .doesNotContain(tank);

        ApiSession.Response history = logistician.get("/api/water/points/" + tank + "/readings");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("readings").size()).isEqualTo(4);
        assertThat(history.body().path("readings").get(0).path("turbidity").asDouble())
                .isEqualTo(5.0);
        assertThat(history.body().path("range").path("chlorineMin").asDouble()).isEqualTo(0.2);
        assertThat(history.body().path("range").path("turbidityMax").asDouble()).isEqualTo(5.0);
    }

    @Test
    void pointsAreKeptAndReadAtTheUsersSitesOnly() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        Map<String, Object> point = new HashMap<>();
        point.put("id", UUID.randomUUID().toString());
        point.put("siteId", organisation.siteA);
        point.put("kind", "WELL");
        point.put("name", "Well");
        point.put("lat", 50.95);
        point.put("lon", 1.85);

        assertThat(clinician.post("/api/water/points", point).status()).isEqualTo(403);
        assertThat(read(clinician, 0.4, null, null).status()).isEqualTo(201);
        assertThat(elsewhere.get("/api/water/points/" + tank + "/readings").status())
                .isEqualTo(404);
        assertThat(read(elsewhere, 0.4, null, null).status()).isEqualTo(404);
        assertThat(elsewhere.get("/api/water/points").body().findValues("id").stream()
                        .map(JsonNode::asString))
                .doesNotContain(tank);
    }

    @Test
    void theWaterIndicatorsCountReadingsAndPointDaysInRange() {
        read(logistician, 0.5, 1.0, null);
        MovableClock.advance(Duration.ofMinutes(1));
        read(logistician, 3.0, 1.0, null);

        String month =
                DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(MovableClock.now());
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession.Response report =
                coordinator.get("/api/reports?latest=true&site=" + organisation.siteA + "&period=" + month);

        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(figure(report.body(), "WATER_READINGS")).isEqualTo(2);
        assertThat(figure(report.body(), "WATER_READINGS_OUT_OF_RANGE")).isEqualTo(1);
        assertThat(figure(report.body(), "WATER_POINT_DAYS_MEASURED")).isEqualTo(1);
        // the day's last reading was out of range
        assertThat(figure(report.body(), "WATER_POINT_DAYS_IN_RANGE")).isZero();
    }

    private JsonNode point() {
        for (JsonNode point : logistician.get("/api/water/points").body()) {
            if (point.path("id").asString().equals(tank)) {
                return point;
            }
        }
        throw new AssertionError("no point " + tank);
    }

    private ApiSession.Response read(
            ApiSession session, @Nullable Double chlorine, @Nullable Double turbidity, @Nullable Integer volume) {
        Map<String, Object> reading = new HashMap<>();
        reading.put("id", UUID.randomUUID().toString());
        reading.put("pointId", tank);
        reading.put("measuredAt", MovableClock.now().toString());
        reading.put("chlorine", chlorine);
        reading.put("turbidity", turbidity);
        reading.put("volumeLitres", volume);
        return session.post("/api/water/readings", reading);
    }

    static long figure(JsonNode report, String code) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return figures.path("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
