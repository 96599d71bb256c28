package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receipt;
import static org.passerelle.stock.StockFixture.receive;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.VaccineStock.AdministeredLot;
import org.passerelle.stock.VaccineStock.Administration;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The stock's side of a vaccination, as the vaccination module will call it: vaccines received
 * with their expiry, a dose taking its lot (first expiring, expired ones never) out of the place's
 * stock as an {@code ADMINISTERED} line under the dose's id, once however often it is sent, and
 * refusals that write nothing.
 */
@PasserelleTest
class VaccineStockTest {

    @LocalServerPort
    int port;

    @Autowired
    VaccineStock vaccines;

    @Autowired
    AuthenticationManager authenticationManager;

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
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        SecurityContextHolder.getContext()
                .setAuthentication(authenticationManager.authenticate(new UsernamePasswordAuthenticationToken(
                        organisation.username(clinician), TestOrganisation.PASSWORD)));
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aDoseTakesTheLotExpiringFirstOnceUnderTheDoseId() {
        receive(logistician, pharmacy, "measles-mmr", "EXPIRED", "2020-01-31", 5);
        receive(logistician, pharmacy, "measles-mmr", "SOON", "2029-05-31", 10);
        receive(logistician, pharmacy, "measles-mmr", "LATE", "2031-01-31", 20);
        UUID dose = UUID.randomUUID();
        Administration given = new Administration(dose, UUID.fromString(pharmacy), "measles-mmr", null, null);

        AdministeredLot first = vaccines.administer(given);
        AdministeredLot again = vaccines.administer(given);

        assertThat(first).isEqualTo(new AdministeredLot("SOON", LocalDate.parse("2029-05-31")));
        assertThat(again).isEqualTo(first);
        assertThat(lots(logistician, pharmacy, "measles-mmr")).isEqualTo(Map.of("EXPIRED", 5, "SOON", 9, "LATE", 20));
        assertThat(jdbc.sql("select count(*) from stock.movement where operation_id = ? and kind = 'ADMINISTERED'"
                                + " and quantity = -1 and encounter_id is null and distribution_id is null")
                        .param(dose)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(vaccines.lots(UUID.fromString(pharmacy), "measles-mmr"))
                .containsExactly(
                        new LotShare("SOON", LocalDate.parse("2029-05-31"), 9),
                        new LotShare("LATE", LocalDate.parse("2031-01-31"), 20));
        ApiSession.Response consumption = logistician.get("/api/stock/locations/" + pharmacy + "/consumption");
        assertThat(consumption.status()).isEqualTo(200);
        assertThat(consumption.body().toString()).contains("measles-mmr");
    }

    @Test
    void aNamedLotIsTakenAndAnExpiredOneANonVaccineOrAnEmptyPlaceAreRefusedWritingNothing() {
        receive(logistician, pharmacy, "measles-mmr", "EXPIRED", "2020-01-31", 5);
        receive(logistician, pharmacy, "measles-mmr", "LATE", "2031-01-31", 1);
        receive(logistician, pharmacy, "amoxicillin-500-caps", "A", "2031-01-31", 10);
        UUID place = UUID.fromString(pharmacy);

        AdministeredLot named =
                vaccines.administer(new Administration(UUID.randomUUID(), place, "measles-mmr", "LATE", null));

        assertThat(named.lot()).isEqualTo("LATE");
        assertThat(code(new Administration(UUID.randomUUID(), place, "measles-mmr", "EXPIRED", null)))
                .isEqualTo("stock-lot-expired");
        assertThat(code(new Administration(UUID.randomUUID(), place, "measles-mmr", null, null)))
                .isEqualTo("stock-insufficient");
        assertThat(code(new Administration(UUID.randomUUID(), place, "amoxicillin-500-caps", null, null)))
                .isEqualTo("stock-not-a-vaccine");
        assertThat(code(new Administration(UUID.randomUUID(), place, "no-such-vaccine", null, null)))
                .isEqualTo("stock-unknown-item");
        assertThat(lots(logistician, pharmacy, "measles-mmr")).isEqualTo(Map.of("EXPIRED", 5));
        assertThat(lots(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(Map.of("A", 10));
    }

    @Test
    void aVaccineIsReceivedOnlyWithItsExpiryDate() {
        Map<String, Object> withoutExpiry = receipt(pharmacy, "measles-mmr", "NOEXP", "2031-01-31", 10);
        withoutExpiry.remove("expiresOn");

        ApiSession.Response refused = logistician.post("/api/stock/receipts", withoutExpiry);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().toString()).contains("stock-expiry-required");
        assertThat(lots(logistician, pharmacy, "measles-mmr")).isEmpty();
        ApiSession.Response items = logistician.get("/api/stock/items");
        assertThat(items.body().toString()).contains("\"code\":\"measles-mmr\",\"category\":\"VACCINE\"");
    }

    private String code(Administration administration) {
        Throwable thrown = catchThrowable(() -> vaccines.administer(administration));
        assertThat(thrown).isInstanceOf(DomainException.class);
        return ((DomainException) thrown).code();
    }
}
