package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.receipt;
import static org.passerelle.stock.StockFixture.receive;

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

/**
 * Bad input to the ledger: each refusal is a problem with a stable code and a message in the
 * user's language, and writes nothing (the ledger's lines and the balances stay as they were).
 */
@PasserelleTest
class StockRefusalsTest {

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
        receive(logistician, warehouse, "paracetamol-500-tab", "P1", "2030-01-01", 100);
    }

    @Test
    void aNegativeQuantityIsRefusedInEachLanguage() {
        Map<String, Object> negative = receipt(warehouse, "paracetamol-500-tab", "P1", "2030-01-01", -5);

        ApiSession.Response english = logistician.language("en").post("/api/stock/receipts", negative);
        ApiSession.Response french = logistician.language("fr").post("/api/stock/receipts", negative);
        ApiSession.Response arabic = logistician.language("ar").post("/api/stock/receipts", negative);

        assertThat(english.status()).isEqualTo(400);
        assertThat(english.text("code")).isEqualTo("stock-quantity-not-positive");
        assertThat(english.body().path("fieldErrors").get(0).path("field").asString())
                .isEqualTo("quantity");
        assertThat(english.text("detail")).contains("above zero");
        assertThat(french.text("detail")).contains("supérieur à zéro");
        assertThat(arabic.text("detail")).contains("أكبر من الصفر");
        assertUnchanged();
    }

    @Test
    void anUnknownLotOrItemIsRefused() {
        ApiSession.Response lot = logistician.post("/api/stock/transfers", transfer(pharmacy, "NOPE", 5));
        ApiSession.Response item =
                logistician.post("/api/stock/receipts", receipt(warehouse, "unicorn-horn", "X", "2030-01-01", 5));

        assertThat(lot.status()).isEqualTo(400);
        assertThat(lot.text("code")).isEqualTo("stock-unknown-lot");
        assertThat(item.text("code")).isEqualTo("stock-unknown-item");
        assertUnchanged();
    }

    @Test
    void aTransferToTheSamePlaceIsRefused() {
        ApiSession.Response same = logistician.post("/api/stock/transfers", transfer(warehouse, "P1", 5));

        assertThat(same.status()).isEqualTo(400);
        assertThat(same.text("code")).isEqualTo("stock-same-location");
        assertUnchanged();
    }

    @Test
    void takingMoreThanTheBalanceIsRefusedAndTakesNothing() {
        ApiSession.Response tooMuch = logistician.post("/api/stock/transfers", transfer(pharmacy, null, 101));

        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.text("code")).isEqualTo("stock-insufficient");
        assertUnchanged();
    }

    @Test
    void aMovementAtAnotherSitesPlaceIsRefused() {
        ApiSession otherLogistician = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        String elsewhere = location(otherLogistician, organisation.siteB, "WAREHOUSE");

        ApiSession.Response receipt = logistician.post(
                "/api/stock/receipts", receipt(elsewhere, "paracetamol-500-tab", "P1", "2030-01-01", 5));
        ApiSession.Response transfer = logistician.post("/api/stock/transfers", transfer(elsewhere, "P1", 5));
        ApiSession.Response balances = logistician.get("/api/stock/locations/" + elsewhere + "/balances");

        assertThat(receipt.status()).isEqualTo(403);
        assertThat(receipt.text("code")).isEqualTo("stock-location-outside-scope");
        assertThat(transfer.text("code")).isEqualTo("stock-location-outside-scope");
        assertThat(balances.status()).isEqualTo(403);
        assertThat(lines(elsewhere)).isZero();
        assertUnchanged();
    }

    @Test
    void aRoleThatDoesNotKeepStockReceivesNothing() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");

        ApiSession.Response refused =
                clinician.post("/api/stock/receipts", receipt(warehouse, "paracetamol-500-tab", "P1", "2030-01-01", 5));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("code")).isEqualTo("role-not-allowed");
        assertUnchanged();
    }

    private Map<String, Object> transfer(String to, String lot, int quantity) {
        Map<String, Object> transfer = new java.util.HashMap<>();
        transfer.put("id", UUID.randomUUID().toString());
        transfer.put("fromLocationId", warehouse);
        transfer.put("toLocationId", to);
        transfer.put("itemCode", "paracetamol-500-tab");
        transfer.put("lot", lot);
        transfer.put("quantity", quantity);
        return transfer;
    }

    private void assertUnchanged() {
        assertThat(lines(warehouse)).isEqualTo(1);
        assertThat(lines(pharmacy)).isZero();
        assertThat(StockFixture.lots(logistician, warehouse, "paracetamol-500-tab"))
                .isEqualTo(Map.of("P1", 100));
    }

    private long lines(String location) {
        return jdbc.sql("select count(*) from stock.movement where location_id = ?")
                .param(UUID.fromString(location))
                .query(Long.class)
                .single();
    }
}
