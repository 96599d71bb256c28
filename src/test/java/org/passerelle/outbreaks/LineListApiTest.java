package org.passerelle.outbreaks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.outbreaks.OutbreakFixture.record;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A cholera line list entered at a mobile team's site and one of its outreach locations: the
 * weekly epidemic curve, attack rates, case fatality, the alerts and the indicators, each checked
 * against figures computed by hand; a classification's history.
 */
@PasserelleTest
class LineListApiTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession coordinator;
    String site;
    String camp;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        site = organisation.siteA;
        clinician = organisation.userAt(site, "CLINICIAN");
        coordinator = organisation.userAt(site, "COORDINATOR");
        ApiSession.Response place = organisation
                .admin()
                .post("/api/sites/" + site + "/outreach-locations", Map.of("name", "Camp des dunes"));
        assertThat(place.status()).as(place.body().toString()).isEqualTo(201);
        camp = place.text("id");
    }

    /**
     * Six cases over three ISO weeks (W-2, W-1 and this week): at the site, a suspected case and a
     * confirmed one who died; at the camp, a suspected case discarded later, a probable one who
     * recovered, a confirmed one and a suspected one who died. Populations 500 and 200.
     */
    @Test
    void theCurveTheRatesAndTheAlertsAreThoseComputedByHand() {
        LocalDate w2 = OutbreakFixture.thisMonday().minusWeeks(2);
        LocalDate w1 = w2.plusWeeks(1);
        LocalDate w0 = w2.plusWeeks(2);
        record(clinician, "cholera", site, null, "SUSPECTED", w2.plusDays(1), null, null);
        record(clinician, "cholera", site, null, "CONFIRMED", w2.plusDays(3), "DIED", w2.plusDays(4));
        String discarded = record(clinician, "cholera", site, camp, "SUSPECTED", w1.plusDays(1), null, null);
        record(clinician, "cholera", site, camp, "PROBABLE", w1.plusDays(2), "RECOVERED", w1.plusDays(5));
        record(clinician, "cholera", site, camp, "CONFIRMED", w0, null, null);
        record(clinician, "cholera", site, camp, "SUSPECTED", w0, "DIED", w0);
        ApiSession.Response discarding = clinician.put(
                "/api/outbreaks/cases/" + discarded,
                Map.of(
                        "version",
                        1,
                        "classification",
                        "DISCARDED",
                        "onsetOn",
                        w1.plusDays(1).toString()));
        assertThat(discarding.status()).as(discarding.body().toString()).isEqualTo(200);
        assertThat(coordinator
                        .put("/api/outbreaks/populations", Map.of("placeId", site, "siteId", site, "population", 500))
                        .status())
                .isEqualTo(200);
        assertThat(coordinator
                        .put("/api/outbreaks/populations", Map.of("placeId", camp, "siteId", site, "population", 200))
                        .status())
                .isEqualTo(200);

        JsonNode curve = coordinator
                .get("/api/outbreaks/diseases/cholera/epicurve?siteId=" + site + "&from=" + w2 + "&to=" + w0)
                .body();
        assertThat(curve.path("weeks")).hasSize(3);
        assertThat(week(curve, 0)).isEqualTo(List.of(1, 0, 1, 0));
        assertThat(week(curve, 1)).isEqualTo(List.of(0, 1, 0, 1));
        assertThat(week(curve, 2)).isEqualTo(List.of(1, 0, 1, 0));
        assertThat(curve.path("weeks").get(0).path("weekStart").asString()).isEqualTo(w2.toString());

        JsonNode figures = coordinator
                .get("/api/outbreaks/diseases/cholera/figures?siteId=" + site)
                .body();
        assertThat(figures.path("cases").asInt()).isEqualTo(5);
        assertThat(figures.path("deaths").asInt()).isEqualTo(2);
        assertThat(figures.path("caseFatalityPercent").asDouble()).isEqualTo(40.0);
        JsonNode atCamp = place(figures, camp);
        assertThat(atCamp.path("cases").asInt()).isEqualTo(3);
        assertThat(atCamp.path("attackRatePercent").asDouble()).isEqualTo(1.5);
        assertThat(atCamp.path("caseFatalityPercent").asDouble()).isEqualTo(33.33);
        JsonNode atSite = place(figures, site);
        assertThat(atSite.path("attackRatePercent").asDouble()).isEqualTo(0.4);
        assertThat(atSite.path("caseFatalityPercent").asDouble()).isEqualTo(50.0);

        JsonNode alerts =
                coordinator.get("/api/outbreaks/alerts?siteId=" + site).body();
        assertThat(alerts.findValuesAsString("threshold")).containsExactly("CHOLERA_CONFIRMED", "CHOLERA_CONFIRMED");
        assertThat(alerts.findValuesAsString("placeId")).containsExactlyInAnyOrder(site, camp);

        JsonNode history = clinician
                .get("/api/outbreaks/cases/" + discarded + "/classifications")
                .body();
        assertThat(history.findValuesAsString("classification")).containsExactly("SUSPECTED", "DISCARDED");

        ApiSession.Response report = coordinator.get(
                "/api/reports?latest=true&site=" + site + "&from=" + w2 + "&to=" + OutbreakFixture.today());
        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(figure(report.body(), "OUTBREAK_CASES")).isEqualTo(5);
        assertThat(figure(report.body(), "OUTBREAK_CASES_CONFIRMED")).isEqualTo(2);
        assertThat(figure(report.body(), "OUTBREAK_DEATHS")).isEqualTo(2);
    }

    @Test
    void aClusterOfSuspectedMeaslesInOneWeekAtOnePlaceRaisesItsAlert() {
        LocalDate monday = OutbreakFixture.thisMonday();
        record(clinician, "measles", site, camp, "SUSPECTED", monday, null, null);
        record(clinician, "measles", site, camp, "SUSPECTED", monday, null, null);
        record(clinician, "measles", site, null, "SUSPECTED", monday, null, null);
        assertThat(coordinator.get("/api/outbreaks/alerts?siteId=" + site).body())
                .isEmpty();

        record(clinician, "measles", site, camp, "PROBABLE", monday, null, null);

        JsonNode alerts =
                coordinator.get("/api/outbreaks/alerts?siteId=" + site).body();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0).path("threshold").asString()).isEqualTo("MEASLES_CLUSTER");
        assertThat(alerts.get(0).path("cases").asInt()).isEqualTo(3);
        assertThat(alerts.get(0).path("placeId").asString()).isEqualTo(camp);
    }

    @Test
    void theLineListCsvUsesTheDictionaryNamesAndCarriesNoPerson() {
        record(clinician, "cholera", site, null, "CONFIRMED", OutbreakFixture.today(), null, null);

        var csv = coordinator.getBytes("/api/outbreaks/diseases/cholera/line-list.csv?siteId=" + site);
        var refused = clinician.getBytes("/api/outbreaks/diseases/cholera/line-list.csv?siteId=" + site);

        assertThat(csv.statusCode()).isEqualTo(200);
        String[] lines = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines[0])
                .startsWith("case_number,disease,case_classification,sex,age_years,age_group,date_of_onset");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith("CHO-").contains(",cholera,CONFIRMED,FEMALE,34,18+,");
        assertThat(refused.statusCode()).isEqualTo(403);
    }

    private static List<Integer> week(JsonNode curve, int index) {
        JsonNode counts = curve.path("weeks").get(index).path("counts");
        return List.of(
                counts.path("SUSPECTED").asInt(),
                counts.path("PROBABLE").asInt(),
                counts.path("CONFIRMED").asInt(),
                counts.path("DISCARDED").asInt());
    }

    private static JsonNode place(JsonNode figures, String placeId) {
        for (JsonNode place : figures.path("places")) {
            if (place.path("placeId").asString().equals(placeId)) {
                return place;
            }
        }
        throw new AssertionError("no place " + placeId + " in " + figures);
    }

    private static long figure(JsonNode report, String code) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return figures.path("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
