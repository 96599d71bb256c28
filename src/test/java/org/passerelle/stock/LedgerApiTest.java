package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receipt;
import static org.passerelle.stock.StockFixture.receive;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The logistician's movements over the API: the catalogue, places at their sites, receipts,
 * transfers taking the lots that expire first, losses and counts, each written once whatever the
 * retries, audited, and the ledger refusing any change of a line in the database itself.
 */
@PasserelleTest
class LedgerApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession logistician;
    String warehouse;
    String pharmacy;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        warehouse = location(logistician, organisation.siteA, "WAREHOUSE");
        pharmacy = location(logistician, organisation.siteA, "PHARMACY");
    }

    @Test
    void theCatalogueHoldsTheFormularyAndTheGoodsHandedOutWithKitsAndEntitlements() {
        ApiSession.Response items = logistician.get("/api/stock/items");

        assertThat(items.status()).isEqualTo(200);
        var byCode = new HashMap<String, tools.jackson.databind.JsonNode>();
        items.body().forEach(item -> byCode.put(item.path("code").asString(), item));
        assertThat(byCode.get("paracetamol-500-tab").path("category").asString())
                .isEqualTo("MEDICINE");
        assertThat(byCode.get("paracetamol-500-tab").path("unit").asString()).isEqualTo("tablet");
        assertThat(byCode.get("sleeping-bag").path("entitlement").path("days").asInt())
                .isEqualTo(30);
        assertThat(byCode.get("hygiene-kit").path("components").size()).isEqualTo(4);
        assertThat(byCode.get("gauze-compress-10cm").path("packSize").asInt()).isEqualTo(100);
    }

    @Test
    void aReceiptSentTwiceIsWrittenOnceAndAudited() {
        Map<String, Object> receipt = receipt(warehouse, "amoxicillin-500-caps", "A1", "2030-01-31", 500);

        ApiSession.Response first = logistician.post("/api/stock/receipts", receipt);
        ApiSession.Response again = logistician.post("/api/stock/receipts", receipt);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(lots(logistician, warehouse, "amoxicillin-500-caps")).isEqualTo(Map.of("A1", 500));
        assertThat(auditLines(receipt.get("id"))).isEqualTo(1);
        Map<String, Object> reused = new HashMap<>(receipt);
        reused.put("itemCode", "blanket");
        assertThat(logistician.post("/api/stock/receipts", reused).text("code")).isEqualTo("stock-operation-reused");
    }

    @Test
    void aTransferTakesTheLotsThatExpireFirstAndKeepsTheLedgerAndBalancesEqual() {
        receive(logistician, warehouse, "paracetamol-500-tab", "LATE", "2031-06-30", 100);
        receive(logistician, warehouse, "paracetamol-500-tab", "EARLY", "2029-03-31", 60);
        ApiSession.Response proposal = logistician.get(
                "/api/stock/locations/" + warehouse + "/proposal?itemCode=paracetamol-500-tab&quantity=80");
        assertThat(proposal.status()).isEqualTo(200);
        assertThat(proposal.body().get(0).path("lot").asString()).isEqualTo("EARLY");
        assertThat(proposal.body().get(1).path("quantity").asInt()).isEqualTo(20);

        ApiSession.Response moved = logistician.post("/api/stock/transfers", transfer(warehouse, pharmacy, 80));

        assertThat(moved.status()).as(moved.body().toString()).isEqualTo(201);
        assertThat(moved.body().path("movements").size()).isEqualTo(4);
        assertThat(lots(logistician, warehouse, "paracetamol-500-tab")).isEqualTo(Map.of("LATE", 80));
        assertThat(lots(logistician, pharmacy, "paracetamol-500-tab")).isEqualTo(Map.of("EARLY", 60, "LATE", 20));
        assertThat(ledgerSum(warehouse, "paracetamol-500-tab")).isEqualTo(80);
        assertThat(ledgerSum(pharmacy, "paracetamol-500-tab")).isEqualTo(80);
    }

    @Test
    void aLossAndACountChangeTheBalanceThroughTheLedger() {
        receive(logistician, pharmacy, "blanket", "NONE", "2040-01-01", 40);
        ApiSession.Response lost = logistician.post(
                "/api/stock/removals",
                Map.of(
                        "id", UUID.randomUUID().toString(),
                        "locationId", pharmacy,
                        "kind", "LOSS",
                        "itemCode", "blanket",
                        "lot", "NONE",
                        "quantity", 5,
                        "reason", "Wet in the van"));
        assertThat(lost.status()).as(lost.body().toString()).isEqualTo(201);

        ApiSession.Response counted = logistician.post(
                "/api/stock/counts",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "locationId",
                        pharmacy,
                        "itemCode",
                        "blanket",
                        "lot",
                        "NONE",
                        "counted",
                        33));

        assertThat(counted.status()).as(counted.body().toString()).isEqualTo(201);
        assertThat(counted.body().path("movements").get(0).path("quantity").asInt())
                .isEqualTo(-2);
        assertThat(lots(logistician, pharmacy, "blanket")).isEqualTo(Map.of("NONE", 33));
        assertThat(ledgerSum(pharmacy, "blanket")).isEqualTo(33);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveALineOfTheLedger() {
        receive(logistician, pharmacy, "tent", "T1", "2040-01-01", 3);

        assertThatThrownBy(() -> jdbc.sql("update stock.movement set quantity = 300 where location_id = ?::uuid")
                        .param(pharmacy)
                        .update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from stock.movement where location_id = ?::uuid")
                        .param(pharmacy)
                        .update())
                .hasMessageContaining("append-only");
        assertThat(ledgerSum(pharmacy, "tent")).isEqualTo(3);
    }

    @Test
    void aMovementMayBeDatedBackWithinTheWindowOnly() {
        Map<String, Object> recent = receipt(pharmacy, "soap-bar", "S1", "2035-01-01", 10);
        recent.put("occurredAt", MovableClock.now().minus(Duration.ofHours(70)).toString());
        Map<String, Object> tooOld = receipt(pharmacy, "soap-bar", "S1", "2035-01-01", 10);
        tooOld.put("occurredAt", MovableClock.now().minus(Duration.ofHours(73)).toString());
        Map<String, Object> ahead = receipt(pharmacy, "soap-bar", "S1", "2035-01-01", 10);
        ahead.put("occurredAt", MovableClock.now().plus(Duration.ofHours(2)).toString());

        assertThat(logistician.post("/api/stock/receipts", recent).status()).isEqualTo(201);
        ApiSession.Response refused = logistician.post("/api/stock/receipts", tooOld);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("stock-backdated");
        assertThat(logistician.post("/api/stock/receipts", ahead).text("code")).isEqualTo("stock-in-future");
        assertThat(lots(logistician, pharmacy, "soap-bar")).isEqualTo(Map.of("S1", 10));
    }

    @Test
    void expiredLotsAreLeftOutOfWhatIsProposed() {
        LocalDate yesterday = LocalDate.ofInstant(MovableClock.now(), java.time.ZoneId.of("Europe/Paris"))
                .minusDays(1);
        receive(logistician, pharmacy, "ibuprofen-400-tab", "OLD", yesterday.toString(), 50);
        receive(logistician, pharmacy, "ibuprofen-400-tab", "NEW", "2032-01-01", 10);

        ApiSession.Response proposal = logistician.get(
                "/api/stock/locations/" + pharmacy + "/proposal?itemCode=ibuprofen-400-tab&quantity=10");
        ApiSession.Response tooMuch = logistician.get(
                "/api/stock/locations/" + pharmacy + "/proposal?itemCode=ibuprofen-400-tab&quantity=11");

        assertThat(proposal.body().get(0).path("lot").asString()).isEqualTo("NEW");
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.text("code")).isEqualTo("stock-insufficient");
    }

    private Map<String, Object> transfer(String from, String to, int quantity) {
        return Map.of(
                "id", UUID.randomUUID().toString(),
                "fromLocationId", from,
                "toLocationId", to,
                "itemCode", "paracetamol-500-tab",
                "quantity", quantity);
    }

    private long ledgerSum(String location, String item) {
        return jdbc.sql(
                        "select coalesce(sum(quantity), 0) from stock.movement where location_id = ?::uuid and item_code = ?")
                .params(location, item)
                .query(Long.class)
                .single();
    }

    private long auditLines(Object operationId) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = ?::uuid and action = 'CREATE'")
                .param(operationId.toString())
                .query(Long.class)
                .single();
    }
}
