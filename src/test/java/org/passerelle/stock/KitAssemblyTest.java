package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receive;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Hygiene kits assembled at a store from what it holds: the components leave and the kits come in,
 * in one operation written once, the kits' lot expiring with its first-expiring component; more
 * than the components allow is refused with nothing taken, and only those who move goods assemble.
 * Kits broken back down give their components back, in the kit's lot, once, never more kits than held.
 */
@PasserelleTest
class KitAssemblyTest {

    @LocalServerPort
    int port;

    @Test
    void kitsAreAssembledFromTheirComponentsOnceAndNeverBeyondThem() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String store = location(logistician, organisation.siteA, "SHELTER_STORE");
        receive(logistician, store, "toothbrush", "T1", "2030-01-31", 3);
        receive(logistician, store, "toothpaste", "P1", "2028-06-30", 3);
        receive(logistician, store, "soap-bar", "S1", "2029-01-31", 5);
        receive(logistician, store, "sanitary-pads", "N1", "2030-01-31", 2);

        Map<String, Object> assembly = Map.of(
                "id", UUID.randomUUID().toString(), "locationId", store, "kitCode", "hygiene-kit", "quantity", 2);
        ApiSession.Response assembled = logistician.post("/api/stock/kits/assemblies", assembly);
        assertThat(assembled.status()).as(assembled.body().toString()).isEqualTo(201);
        assertThat(logistician.post("/api/stock/kits/assemblies", assembly).status())
                .as("sent again, written once")
                .isEqualTo(201);
        assertThat(lots(logistician, store, "toothbrush")).containsEntry("T1", 1);
        assertThat(lots(logistician, store, "soap-bar")).containsEntry("S1", 1);
        assertThat(lots(logistician, store, "sanitary-pads")).doesNotContainKey("N1");
        assertThat(lots(logistician, store, "hygiene-kit").values()).containsExactly(2);
        JsonNode kitLine = assembled
                .body()
                .path("movements")
                .get(assembled.body().path("movements").size() - 1);
        assertThat(kitLine.path("kind").asString()).isEqualTo("KIT_IN");
        assertThat(kitLine.path("expiresOn").asString()).isEqualTo("2028-06-30");

        ApiSession.Response tooMany = logistician.post(
                "/api/stock/kits/assemblies",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "locationId",
                        store,
                        "kitCode",
                        "hygiene-kit",
                        "quantity",
                        1));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("code")).isEqualTo("stock-insufficient");
        assertThat(lots(logistician, store, "toothbrush")).containsEntry("T1", 1);
        assertThat(lots(logistician, store, "hygiene-kit").values()).containsExactly(2);

        ApiSession.Response notAKit = logistician.post(
                "/api/stock/kits/assemblies",
                Map.of("id", UUID.randomUUID().toString(), "locationId", store, "kitCode", "blanket", "quantity", 1));
        assertThat(notAKit.status()).isEqualTo(400);
        assertThat(nurse.post(
                                "/api/stock/kits/assemblies",
                                Map.of(
                                        "id",
                                        UUID.randomUUID().toString(),
                                        "locationId",
                                        store,
                                        "kitCode",
                                        "hygiene-kit",
                                        "quantity",
                                        1))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void kitsAreBrokenDownIntoTheirComponentsOnceAndNeverBeyondTheKitsHeld() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String store = location(logistician, organisation.siteA, "SHELTER_STORE");
        receive(logistician, store, "hygiene-kit", "HK1", "2028-03-31", 3);

        Map<String, Object> breakdown = Map.of(
                "id", UUID.randomUUID().toString(), "locationId", store, "kitCode", "hygiene-kit", "quantity", 2);
        ApiSession.Response broken = logistician.post("/api/stock/kits/breakdowns", breakdown);
        assertThat(broken.status()).as(broken.body().toString()).isEqualTo(201);
        assertThat(logistician.post("/api/stock/kits/breakdowns", breakdown).status())
                .as("sent again, written once")
                .isEqualTo(201);
        assertThat(lots(logistician, store, "hygiene-kit")).containsEntry("HK1", 1);
        assertThat(lots(logistician, store, "toothbrush")).containsEntry("HK1", 2);
        assertThat(lots(logistician, store, "soap-bar")).containsEntry("HK1", 4);
        assertThat(lots(logistician, store, "sanitary-pads")).containsEntry("HK1", 2);
        JsonNode first = broken.body().path("movements").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("KIT_OUT");
        assertThat(broken.body().path("movements").get(1).path("expiresOn").asString())
                .as("the components expire with the kit")
                .isEqualTo("2028-03-31");

        ApiSession.Response tooMany = logistician.post(
                "/api/stock/kits/breakdowns",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "locationId",
                        store,
                        "kitCode",
                        "hygiene-kit",
                        "quantity",
                        2));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.text("code")).isEqualTo("stock-insufficient");
        assertThat(lots(logistician, store, "toothbrush")).containsEntry("HK1", 2);
        ApiSession.Response reused = logistician.post(
                "/api/stock/kits/assemblies",
                Map.of("id", breakdown.get("id"), "locationId", store, "kitCode", "hygiene-kit", "quantity", 1));
        assertThat(reused.text("code"))
                .as("a breakdown's id is not an assembly's")
                .isEqualTo("stock-operation-reused");
        ApiSession.Response unknownLot = logistician.post(
                "/api/stock/kits/breakdowns",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "locationId",
                        store,
                        "kitCode",
                        "hygiene-kit",
                        "quantity",
                        1,
                        "lot",
                        "NOPE"));
        assertThat(unknownLot.text("code")).isEqualTo("stock-unknown-lot");
        assertThat(nurse.post(
                                "/api/stock/kits/breakdowns",
                                Map.of(
                                        "id",
                                        UUID.randomUUID().toString(),
                                        "locationId",
                                        store,
                                        "kitCode",
                                        "hygiene-kit",
                                        "quantity",
                                        1))
                        .status())
                .isEqualTo(403);
        assertThat(lots(logistician, store, "hygiene-kit")).containsEntry("HK1", 1);
    }
}
