package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.passerelle.support.ApiSession;
import tools.jackson.databind.JsonNode;

/** Places and receipts through the API, for the stock tests. */
final class StockFixture {

    private StockFixture() {}

    /** A new place at the site, added by this user. */
    static String location(ApiSession user, String site, String kind) {
        ApiSession.Response added = user.post(
                "/api/stock/locations",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        site,
                        "kind",
                        kind,
                        "name",
                        kind + " " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    static Map<String, Object> receipt(String location, String item, String lot, String expiresOn, int quantity) {
        Map<String, Object> receipt = new HashMap<>();
        receipt.put("id", UUID.randomUUID().toString());
        receipt.put("locationId", location);
        receipt.put("itemCode", item);
        receipt.put("lot", lot);
        receipt.put("expiresOn", expiresOn);
        receipt.put("quantity", quantity);
        return receipt;
    }

    static void receive(ApiSession user, String location, String item, String lot, String expiresOn, int quantity) {
        ApiSession.Response received =
                user.post("/api/stock/receipts", receipt(location, item, lot, expiresOn, quantity));
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
    }

    /** The quantity of each lot of the item at the place. */
    static Map<String, Integer> lots(ApiSession user, String location, String item) {
        ApiSession.Response balances = user.get("/api/stock/locations/" + location + "/balances?itemCode=" + item);
        assertThat(balances.status()).as(balances.body().toString()).isEqualTo(200);
        Map<String, Integer> lots = new HashMap<>();
        for (JsonNode balance : balances.body().path("lots")) {
            if (balance.path("itemCode").asString().equals(item)) {
                lots.put(
                        balance.path("lot").asString(), balance.path("quantity").asInt());
            }
        }
        return lots;
    }
}
