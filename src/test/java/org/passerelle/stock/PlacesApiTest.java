package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.receive;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Places renamed and closed by those who keep them, at their sites only, from the version read; a
 * place still holding goods is not closed; and what a place uses, with what to order.
 */
@PasserelleTest
class PlacesApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession logistician;
    String pharmacy;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        pharmacy = location(logistician, organisation.siteA, "PHARMACY");
    }

    @Test
    void aPlaceIsRenamedFromTheVersionReadAndAudited() {
        ApiSession.Response renamed = logistician.put(
                "/api/stock/locations/" + pharmacy, Map.of("name", "  Pharmacie du port ", "version", 1));
        ApiSession.Response stale =
                logistician.put("/api/stock/locations/" + pharmacy, Map.of("name", "Autre nom", "version", 1));

        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Pharmacie du port");
        assertThat(renamed.body().path("version").asLong()).isEqualTo(2);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("code")).isEqualTo("stale-version");
        assertThat(place(pharmacy).path("name").asString()).isEqualTo("Pharmacie du port");
        assertThat(auditLines(pharmacy, "UPDATE")).isEqualTo(1);
    }

    @Test
    void aNameTakenAtTheSiteOrBlankIsRefusedAndChangesNothing() {
        String store = location(logistician, organisation.siteA, "WAREHOUSE");
        String taken = place(store).path("name").asString();

        ApiSession.Response same =
                logistician.put("/api/stock/locations/" + pharmacy, Map.of("name", taken.toUpperCase(), "version", 1));
        ApiSession.Response blank =
                logistician.put("/api/stock/locations/" + pharmacy, Map.of("name", "  ", "version", 1));

        assertThat(same.status()).isEqualTo(409);
        assertThat(same.text("code")).isEqualTo("stock-location-name-taken");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(place(pharmacy).path("version").asLong()).isEqualTo(1);
    }

    @Test
    void aPlaceHoldingGoodsIsNotClosedAndAnEmptyOneLeavesTheListsButKeepsItsLedger() {
        receive(logistician, pharmacy, "soap-bar", "S1", "2035-01-01", 5);

        ApiSession.Response refused =
                logistician.post("/api/stock/locations/" + pharmacy + "/close", Map.of("version", 1));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("code")).isEqualTo("stock-location-not-empty");
        assertThat(place(pharmacy)).isNotNull();

        Map<String, Object> loss = new HashMap<>();
        loss.put("id", UUID.randomUUID().toString());
        loss.put("locationId", pharmacy);
        loss.put("kind", "LOSS");
        loss.put("itemCode", "soap-bar");
        loss.put("lot", "S1");
        loss.put("quantity", 5);
        loss.put("reason", "damaged");
        assertThat(logistician.post("/api/stock/removals", loss).status()).isEqualTo(201);
        ApiSession.Response closed =
                logistician.post("/api/stock/locations/" + pharmacy + "/close", Map.of("version", 1));

        assertThat(closed.status()).as(closed.body().toString()).isEqualTo(204);
        assertThat(logistician.get("/api/stock/locations").body().findValues("id").stream()
                        .map(JsonNode::asString))
                .doesNotContain(pharmacy);
        assertThat(logistician
                        .get("/api/stock/locations/" + pharmacy + "/balances")
                        .status())
                .isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from stock.movement where location_id = ?")
                        .param(UUID.fromString(pharmacy))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(auditLines(pharmacy, "DELETE")).isEqualTo(1);
    }

    @Test
    void onlyThoseWhoKeepPlacesAtTheirSitesRenameOrCloseThem() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");

        assertThat(clinician
                        .put("/api/stock/locations/" + pharmacy, Map.of("name", "X", "version", 1))
                        .status())
                .isEqualTo(403);
        assertThat(elsewhere
                        .post("/api/stock/locations/" + pharmacy + "/close", Map.of("version", 1))
                        .status())
                .isEqualTo(403);
        assertThat(place(pharmacy).path("version").asLong()).isEqualTo(1);
        assertThat(coordinator
                        .put("/api/stock/locations/" + pharmacy, Map.of("name", "Pharmacie A", "version", 1))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void whatAPlaceUsesGivesMonthsOfStockAndWhatToOrder() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        receive(logistician, pharmacy, "amoxicillin-500-caps", "A", "2031-01-31", 100);
        String person = TestOrganisation.register(
                        clinician, "Consumption " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        String encounter = HandoutApiTest.signedConsultation(clinician, person, "amoxicillin-500-caps");
        Map<String, Object> dispensing = new HashMap<>();
        dispensing.put("id", UUID.randomUUID().toString());
        dispensing.put("encounterId", encounter);
        dispensing.put("line", 0);
        dispensing.put("locationId", pharmacy);
        dispensing.put("quantity", 30);
        assertThat(clinician.post("/api/stock/dispensings", dispensing).status())
                .isEqualTo(201);

        ApiSession.Response consumption = logistician.get("/api/stock/locations/" + pharmacy + "/consumption");

        assertThat(consumption.status()).as(consumption.body().toString()).isEqualTo(200);
        JsonNode amoxicillin = consumption.body().get(0);
        assertThat(amoxicillin.path("itemCode").asString()).isEqualTo("amoxicillin-500-caps");
        assertThat(amoxicillin.path("balance").asInt()).isEqualTo(70);
        // 30 used over the last 3 months: 10 a month, 7 months of stock; 4 months' worth (3 held, 1 of lead time) less
        // 70
        assertThat(amoxicillin.path("monthlyConsumption").asDouble()).isEqualTo(10.0);
        assertThat(amoxicillin.path("monthsOfStock").asDouble()).isEqualTo(7.0);
        assertThat(amoxicillin.path("suggestedOrder").asInt()).isEqualTo(0);
        assertThat(organisation
                        .userAt(organisation.siteB, "LOGISTICIAN")
                        .get("/api/stock/locations/" + pharmacy + "/consumption")
                        .status())
                .isEqualTo(403);
    }

    private JsonNode place(String id) {
        for (JsonNode place : logistician.get("/api/stock/locations").body()) {
            if (place.path("id").asString().equals(id)) {
                return place;
            }
        }
        throw new AssertionError("no place " + id);
    }

    private long auditLines(String id, String action) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = ? and action = ?"
                        + " and record_type = 'stock-location'")
                .params(UUID.fromString(id), action)
                .query(Long.class)
                .single();
    }
}
