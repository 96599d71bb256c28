package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Sixteen clinicians dispensing at once from one pharmacy holding less than they ask for, each
 * sending some requests twice: the balance never goes below zero, every dispensing answered 201
 * is in the ledger once, every refusal is {@code stock-insufficient}, and the balance is the sum of
 * the ledger's lines.
 */
@PasserelleTest
class ConcurrentDispensingTest {

    private static final int THREADS = 16;
    private static final int REQUESTS_EACH = 12;
    private static final int STOCK = 250;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentDispensingsNeverGoBelowZeroNorLoseOne() throws Exception {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        String pharmacy = location(logistician, organisation.siteA, "PHARMACY");
        receive(logistician, pharmacy, "paracetamol-500-tab", "A", "2029-01-31", STOCK / 2);
        receive(logistician, pharmacy, "paracetamol-500-tab", "B", "2030-01-31", STOCK - STOCK / 2);
        List<ApiSession> clinicians = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            clinicians.add(organisation.userAt(organisation.siteA, "CLINICIAN"));
        }
        String person = TestOrganisation.register(clinicians.get(0), "Concurrent dispensing")
                .path("id")
                .asString();
        String encounter = HandoutApiTest.signedConsultation(clinicians.get(0), person, "paracetamol-500-tab");
        Map<String, Integer> dispensed = new ConcurrentHashMap<>();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> runs = new ArrayList<>();
        for (ApiSession clinician : clinicians) {
            runs.add(pool.submit(() -> {
                start.await();
                for (int request = 0; request < REQUESTS_EACH; request++) {
                    int quantity = 1 + request % 3;
                    Map<String, Object> dispensing = Map.of(
                            "id", UUID.randomUUID().toString(),
                            "encounterId", encounter,
                            "line", 0,
                            "locationId", pharmacy,
                            "quantity", quantity);
                    int sends = request % 4 == 0 ? 2 : 1;
                    for (int send = 0; send < sends; send++) {
                        ApiSession.Response response = clinician.post("/api/stock/dispensings", dispensing);
                        if (response.status() == 201) {
                            dispensed.put(dispensing.get("id").toString(), quantity);
                        } else {
                            assertThat(response.status())
                                    .as(response.body().toString())
                                    .isEqualTo(409);
                            assertThat(response.text("code")).isEqualTo("stock-insufficient");
                            refused.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> run : runs) {
            run.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();

        int taken = dispensed.values().stream().mapToInt(Integer::intValue).sum();
        int left = lots(logistician, pharmacy, "paracetamol-500-tab").values().stream()
                .mapToInt(Integer::intValue)
                .sum();
        assertThat(refused.get()).isPositive();
        assertThat(left).isGreaterThanOrEqualTo(0).isLessThan(3);
        assertThat(taken + left).isEqualTo(STOCK);
        assertThat(ledger(
                        "select count(distinct operation_id) from stock.movement where location_id = ? and kind = 'DISPENSING'",
                        pharmacy))
                .isEqualTo(dispensed.size());
        assertThat(ledger("select sum(quantity) from stock.movement where location_id = ?", pharmacy))
                .isEqualTo(left);
        assertThat(ledger("select count(*) from stock.balance where location_id = ? and quantity < 0", pharmacy))
                .isZero();
    }

    private long ledger(String sql, String location) {
        return jdbc.sql(sql).param(UUID.fromString(location)).query(Long.class).single();
    }
}
