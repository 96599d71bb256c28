package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
 * A device of a mobile team hands goods out offline within the allowance set aside for it: what
 * it pushes is taken from its allowance, never from the place and never below zero, once whatever
 * the retries, even pushed from several connections at once; what it did not hand out goes back to
 * the place when the allowance is released.
 */
@PasserelleTest
class OfflineAllowanceTest {

    private static final String ITEM = "blanket";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aDeviceHandsOutWithinItsAllowanceAndTheRestGoesBack() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device device = new Device(nurse, port);
        String bag = place(logistician, organisation.siteA, 10);

        ApiSession.Response devices = logistician.get("/api/stock/locations/" + bag + "/devices");
        assertThat(devices.status()).as(devices.body().toString()).isEqualTo(200);
        assertThat(devices.body().findValuesAsString("id")).contains(device.id.toString());
        Map<String, Object> grant = grant(bag, device.id, 6);
        assertThat(logistician.post("/api/stock/allowances", grant).status()).isEqualTo(201);
        assertThat(logistician.post("/api/stock/allowances", grant).status())
                .as("a grant sent again is written once")
                .isEqualTo(201);
        assertThat(held(bag)).isEqualTo(4);

        JsonNode pulled = allowanceOf(device.pullAll(null, 500), device.id);
        assertThat(pulled.path("locationId").asString()).isEqualTo(bag);
        assertThat(pulled.path("lots").get(0).path("quantity").asInt()).isEqualTo(6);
        String allowance = pulled.path("id").asString();

        List<Map<String, Object>> batch =
                List.of(groupDistribution(bag, organisation.siteA, 4), groupDistribution(bag, organisation.siteA, 3));
        JsonNode results = device.push(batch).body().path("results");
        assertThat(results.get(0).path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(results.get(1).path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(results.get(1).path("problem").path("code").asString()).isEqualTo("stock-insufficient");
        device.push(batch);
        assertThat(held(allowance))
                .as("the allowance, once the retry changed nothing")
                .isEqualTo(2);
        assertThat(held(bag))
                .as("the place itself is not touched by the device")
                .isEqualTo(4);
        assertThat(allowanceOf(device.pullAll(null, 500), device.id)
                        .path("lots")
                        .get(0)
                        .path("quantity")
                        .asInt())
                .isEqualTo(2);

        ApiSession.Response released = logistician.post(
                "/api/stock/allowances/release",
                Map.of("id", UUID.randomUUID().toString(), "locationId", bag, "deviceId", device.id.toString()));
        assertThat(released.status()).as(released.body().toString()).isEqualTo(201);
        assertThat(held(allowance)).isZero();
        assertThat(held(bag)).isEqualTo(6);
        assertThat(ledgerSum(bag) + ledgerSum(allowance)).isEqualTo(6);
        assertThat(allowanceOf(device.pullAll(null, 500), device.id).path("lots"))
                .isEmpty();
    }

    @Test
    void revokingADeviceGivesWhatItHeldBackToThePlaceThroughTheLedger() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device device = new Device(nurse, port);
        Device kept = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        String bag = place(logistician, organisation.siteA, 10);
        assertThat(logistician
                        .post("/api/stock/allowances", grant(bag, device.id, 6))
                        .status())
                .isEqualTo(201);
        assertThat(logistician
                        .post("/api/stock/allowances", grant(bag, kept.id, 3))
                        .status())
                .isEqualTo(201);
        JsonNode results = device.push(List.of(groupDistribution(bag, organisation.siteA, 2)))
                .body()
                .path("results");
        assertThat(results.get(0).path("outcome").asString()).isEqualTo("APPLIED");
        String allowance = allowanceId(bag, device.id);
        assertThat(held(allowance)).isEqualTo(4);

        device.revoke();

        assertThat(held(allowance)).as("nothing is left on the revoked device").isZero();
        assertThat(held(allowanceId(bag, kept.id)))
                .as("another device keeps its allowance")
                .isEqualTo(3);
        assertThat(held(bag)).isEqualTo(1 + 4);
        assertThat(ledgerSum(bag)).isEqualTo(held(bag));
        assertThat(ledgerSum(allowance)).isZero();
        assertThat(jdbc.sql("""
                        select count(*) from stock.movement
                         where location_id = ? and kind = 'ALLOWANCE_IN' and other_location_id = ? and quantity = 4
                        """)
                        .params(UUID.fromString(bag), UUID.fromString(allowance))
                        .query(Long.class)
                        .single())
                .as("the goods came back by a movement of the ledger")
                .isEqualTo(1);
        assertThat(logistician
                        .post("/api/stock/allowances", grant(bag, device.id, 1))
                        .text("code"))
                .as("a revoked device is given nothing more")
                .isEqualTo("stock-allowance-device");
    }

    private String allowanceId(String bag, UUID device) {
        return jdbc.sql("select id::text from stock.location where parent_id = ? and device_id = ?")
                .params(UUID.fromString(bag), device)
                .query(String.class)
                .single();
    }

    @Test
    void concurrentPushesAndGrantsNeverGoBelowZeroNorDoubleAHandOut() throws Exception {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device device = new Device(nurse, port);
        String bag = place(logistician, organisation.siteA, 40);
        assertThat(logistician
                        .post("/api/stock/allowances", grant(bag, device.id, 15))
                        .status())
                .isEqualTo(201);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int handOut = 0; handOut < 12; handOut++) {
            batch.add(groupDistribution(bag, organisation.siteA, 2));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> runs = new ArrayList<>();
        for (int connection = 0; connection < 4; connection++) {
            runs.add(pool.submit(() -> {
                start.await();
                ApiSession.Response pushed = device.push(batch);
                assertThat(pushed.status()).as(pushed.body().toString()).isIn(200, 503);
                return null;
            }));
        }
        for (int grant = 0; grant < 2; grant++) {
            runs.add(pool.submit(() -> {
                start.await();
                ApiSession.Response granted = logistician.post("/api/stock/allowances", grant(bag, device.id, 10));
                assertThat(granted.status()).as(granted.body().toString()).isIn(201, 409);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        JsonNode results = device.push(batch).body().path("results");
        long applied = 0;
        for (JsonNode result : results) {
            if (result.path("outcome").asString().equals("APPLIED")) {
                applied++;
            } else {
                assertThat(result.path("problem").path("code").asString()).isEqualTo("stock-insufficient");
            }
        }

        String allowance = jdbc.sql("select id::text from stock.location where parent_id = ? and device_id = ?")
                .params(UUID.fromString(bag), device.id)
                .query(String.class)
                .single();
        long distributions = jdbc.sql("""
                        select count(distinct operation_id) from stock.movement
                         where location_id = ? and kind = 'DISTRIBUTION'
                        """)
                .param(UUID.fromString(allowance))
                .query(Long.class)
                .single();
        assertThat(distributions)
                .as("each hand-out pushed is in the ledger once")
                .isEqualTo(applied);
        assertThat(applied).isGreaterThanOrEqualTo(7);
        long granted = 15
                + 10
                        * jdbc.sql("select count(distinct operation_id) - 1 from stock.movement"
                                        + " where location_id = ? and kind = 'ALLOWANCE_IN'")
                                .param(UUID.fromString(allowance))
                                .query(Long.class)
                                .single();
        assertThat(held(allowance)).isEqualTo(granted - 2 * applied).isGreaterThanOrEqualTo(0);
        assertThat(held(bag) + held(allowance) + 2 * applied).isEqualTo(40);
        assertThat(ledgerSum(bag)).isEqualTo(held(bag));
        assertThat(ledgerSum(allowance)).isEqualTo(held(allowance));
        assertThat(jdbc.sql("select count(*) from stock.balance where quantity < 0")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDeviceWithoutAllowanceIsRefusedAndACarerSetsAsideOnlyForTheirOwnDevice() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession other = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device device = new Device(nurse, port);
        Device othersDevice = new Device(other, port);
        String bag = place(logistician, organisation.siteA, 5);

        JsonNode result = device.push(List.of(groupDistribution(bag, organisation.siteA, 1)))
                .body()
                .path("results")
                .get(0);
        assertThat(result.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(result.path("problem").path("code").asString()).isEqualTo("stock-no-allowance");

        ApiSession.Response forAnother = nurse.post("/api/stock/allowances", grant(bag, othersDevice.id, 1));
        assertThat(forAnother.status()).isEqualTo(400);
        assertThat(forAnother.text("code")).isEqualTo("stock-allowance-device");
        ApiSession.Response tooMuch = nurse.post("/api/stock/allowances", grant(bag, device.id, 6));
        assertThat(tooMuch.status()).isEqualTo(409);
        assertThat(tooMuch.text("code")).isEqualTo("stock-insufficient");
        assertThat(nurse.post("/api/stock/allowances", grant(bag, device.id, 5)).status())
                .isEqualTo(201);
        assertThat(held(bag)).isZero();
        ApiSession.Response closing = logistician.post("/api/stock/locations/" + bag + "/close", Map.of("version", 1));
        assertThat(closing.status())
                .as("a place whose goods are set aside for a device still holds them")
                .isEqualTo(409);
    }

    private String place(ApiSession logistician, String site, int blankets) {
        ApiSession.Response added = logistician.post(
                "/api/stock/locations",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        site,
                        "kind",
                        "MOBILE_BAG",
                        "name",
                        "Bag " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        String bag = added.text("id");
        Map<String, Object> receipt = new HashMap<>();
        receipt.put("id", UUID.randomUUID().toString());
        receipt.put("locationId", bag);
        receipt.put("itemCode", ITEM);
        receipt.put("lot", "B1");
        receipt.put("quantity", blankets);
        ApiSession.Response received = logistician.post("/api/stock/receipts", receipt);
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        return bag;
    }

    private static Map<String, Object> grant(String place, UUID device, int quantity) {
        return Map.of(
                "id", UUID.randomUUID().toString(),
                "locationId", place,
                "deviceId", device.toString(),
                "itemCode", ITEM,
                "quantity", quantity);
    }

    private static Map<String, Object> groupDistribution(String place, String site, int quantity) {
        Map<String, Object> mutation = Device.mutation(
                "stock-distribution",
                UUID.randomUUID(),
                "CREATE",
                null,
                site,
                Map.of(
                        "locationId", Device.value(place),
                        "items", Device.value(List.of(Map.of("itemCode", ITEM, "quantity", quantity))),
                        "counts", Device.value(List.of(Map.of("sex", "FEMALE", "ageGroup", "18+", "people", 1)))));
        mutation.put("deviceTime", MovableClock.now().toString());
        return mutation;
    }

    private static JsonNode allowanceOf(Device.Pulled pulled, UUID device) {
        return pulled.changes().stream()
                .filter(change -> change.path("recordType").asString().equals("stock-allowance"))
                .map(change -> change.path("record"))
                .filter(record -> record.path("deviceId").asString().equals(device.toString()))
                .reduce((first, last) -> last)
                .orElseThrow();
    }

    private long held(String location) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from stock.balance where location_id = ?")
                .param(UUID.fromString(location))
                .query(Long.class)
                .single();
    }

    private long ledgerSum(String location) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from stock.movement where location_id = ?")
                .param(UUID.fromString(location))
                .query(Long.class)
                .single();
    }
}
