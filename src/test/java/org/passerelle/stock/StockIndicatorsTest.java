package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.receive;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The stock indicators, declared as data (a fact view per indicator source and
 * {@code reporting/indicators/stock.json}), counted by reporting like its own: dispensings and the
 * units dispensed, items distributed by type, people who received distributions by sex and age
 * group, and the days an item was out of stock.
 */
@PasserelleTest
class StockIndicatorsTest {

    @LocalServerPort
    int port;

    @Test
    void dispensingsDistributionsAndStockOutsAreCountedInTheReport() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String pharmacy = location(logistician, organisation.siteA, "PHARMACY");
        receive(logistician, pharmacy, "amoxicillin-500-caps", "A", "2031-01-31", 21);
        receive(logistician, pharmacy, "hygiene-kit", "H", "2031-01-31", 20);
        String person = TestOrganisation.register(
                        clinician, "Indicator " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        String encounter = HandoutApiTest.signedConsultation(clinician, person, "amoxicillin-500-caps");
        Map<String, Object> dispensing = new HashMap<>();
        dispensing.put("id", UUID.randomUUID().toString());
        dispensing.put("encounterId", encounter);
        dispensing.put("line", 0);
        dispensing.put("locationId", pharmacy);
        dispensing.put("quantity", 21);
        assertThat(clinician.post("/api/stock/dispensings", dispensing).status())
                .isEqualTo(201);
        Map<String, Object> toPerson = new HashMap<>();
        toPerson.put("id", UUID.randomUUID().toString());
        toPerson.put("locationId", pharmacy);
        toPerson.put("personId", person);
        toPerson.put("items", List.of(Map.of("itemCode", "hygiene-kit", "quantity", 1)));
        assertThat(clinician.post("/api/stock/distributions", toPerson).status())
                .isEqualTo(201);
        Map<String, Object> toGroup = new HashMap<>();
        toGroup.put("id", UUID.randomUUID().toString());
        toGroup.put("locationId", pharmacy);
        toGroup.put("items", List.of(Map.of("itemCode", "hygiene-kit", "quantity", 7)));
        toGroup.put(
                "counts",
                List.of(
                        Map.of("sex", "FEMALE", "ageGroup", "18+", "people", 4),
                        Map.of("sex", "MALE", "ageGroup", "05-14", "people", 3)));
        assertThat(logistician.post("/api/stock/distributions", toGroup).status())
                .isEqualTo(201);

        String month =
                DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(MovableClock.now());
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession.Response report =
                coordinator.get("/api/reports?latest=true&site=" + organisation.siteA + "&period=" + month);

        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(figure(report.body(), "DISPENSINGS")).isEqualTo(1);
        assertThat(figure(report.body(), "UNITS_DISPENSED")).isEqualTo(21);
        assertThat(figure(report.body(), "ITEMS_DISTRIBUTED")).isEqualTo(8);
        assertThat(figure(report.body(), "HYGIENE_KITS_DISTRIBUTED")).isEqualTo(8);
        assertThat(figure(report.body(), "SLEEPING_BAGS_DISTRIBUTED")).isZero();
        assertThat(figure(report.body(), "DISTRIBUTION_RECIPIENTS")).isEqualTo(8);
        assertThat(figure(report.body(), "DISTRIBUTION_RECIPIENTS", "SEX", "FEMALE"))
                .isEqualTo(4);
        assertThat(figure(report.body(), "DISTRIBUTION_RECIPIENTS", "AGE_GROUP", "05-14"))
                .isEqualTo(3);
        // amoxicillin ran out today at the pharmacy: one day so far
        assertThat(figure(report.body(), "STOCK_OUT_DAYS")).isEqualTo(1);
    }

    private static long figure(JsonNode report, String code, String... dimensionAndCategory) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return dimensionAndCategory.length == 0
                        ? figures.path("total").asLong()
                        : figures.path("by")
                                .path(dimensionAndCategory[0])
                                .path(dimensionAndCategory[1])
                                .asLong(0);
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
