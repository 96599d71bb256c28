package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.receive;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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
 * What needs doing at a logistician's places: an item used up where it was held, a lot expired and
 * a lot expiring within 90 days, and nothing for a lot that expires later; none of another site's.
 */
@PasserelleTest
class StockAlertsTest {

    @LocalServerPort
    int port;

    @Test
    void stockOutsExpiredAndNearlyExpiredLotsAreWhatNeedsDoingAtTheUsersPlaces() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "LOGISTICIAN");
        String pharmacy = location(logistician, organisation.siteA, "PHARMACY");
        LocalDate today = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
        receive(logistician, pharmacy, "paracetamol-500-tab", "P1", "2031-01-31", 5);
        ApiSession.Response lost = logistician.post(
                "/api/stock/removals",
                Map.of(
                        "id", UUID.randomUUID().toString(),
                        "locationId", pharmacy,
                        "kind", "LOSS",
                        "itemCode", "paracetamol-500-tab",
                        "lot", "P1",
                        "quantity", 5,
                        "reason", "Bag soaked in the rain"));
        assertThat(lost.status()).as(lost.body().toString()).isEqualTo(201);
        receive(
                logistician,
                pharmacy,
                "ibuprofen-400-tab",
                "OLD",
                today.minusDays(1).toString(),
                4);
        receive(
                logistician,
                pharmacy,
                "ibuprofen-400-tab",
                "SOON",
                today.plusDays(30).toString(),
                4);
        receive(
                logistician,
                pharmacy,
                "ibuprofen-400-tab",
                "LATE",
                today.plusDays(200).toString(),
                4);

        assertThat(alerts(logistician, pharmacy))
                .containsExactly(
                        "STOCK_OUT paracetamol-500-tab null",
                        "EXPIRED ibuprofen-400-tab OLD",
                        "NEAR_EXPIRY ibuprofen-400-tab SOON");
        assertThat(alerts(elsewhere, pharmacy)).isEmpty();
    }

    private static List<String> alerts(ApiSession user, String place) {
        ApiSession.Response alerts = user.get("/api/stock/alerts");
        assertThat(alerts.status()).as(alerts.body().toString()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        for (JsonNode alert : alerts.body()) {
            if (alert.path("locationId").asString().equals(place)) {
                found.add(alert.path("kind").asString() + " "
                        + alert.path("itemCode").asString() + " "
                        + (alert.path("lot").isNull() || alert.path("lot").isMissingNode()
                                ? "null"
                                : alert.path("lot").asString()));
            }
        }
        return found;
    }
}
