package org.passerelle.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.stock.StockFixture.location;
import static org.passerelle.stock.StockFixture.lots;
import static org.passerelle.stock.StockFixture.receive;

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
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two logisticians moving the same item in opposite directions between two places at the same
 * time: each transfer waits for the other instead of both holding what the other needs (a
 * deadlock PostgreSQL would break by failing one with a 500), and nothing is lost.
 */
@PasserelleTest
class OppositeTransfersTest {

    private static final int TRANSFERS_EACH = 40;

    @LocalServerPort
    int port;

    @Test
    void oppositeTransfersAtOnceAllSucceedAndKeepTheTotal() throws Exception {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession first = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession second = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        String store = location(first, organisation.siteA, "WAREHOUSE");
        String bag = location(first, organisation.siteA, "MOBILE_BAG");
        receive(first, store, "paracetamol-500-tab", "P", "2031-01-31", 500);
        receive(first, bag, "paracetamol-500-tab", "P", "2031-01-31", 500);

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<List<Integer>> there = threads.submit(() -> transfers(first, store, bag, start));
            Future<List<Integer>> back = threads.submit(() -> transfers(second, bag, store, start));
            start.countDown();
            List<Integer> statuses = new ArrayList<>(there.get(120, TimeUnit.SECONDS));
            statuses.addAll(back.get(120, TimeUnit.SECONDS));

            assertThat(statuses).hasSize(2 * TRANSFERS_EACH).containsOnly(201);
        } finally {
            threads.shutdownNow();
        }
        assertThat(lots(first, store, "paracetamol-500-tab")).isEqualTo(Map.of("P", 500));
        assertThat(lots(first, bag, "paracetamol-500-tab")).isEqualTo(Map.of("P", 500));
    }

    private static List<Integer> transfers(ApiSession user, String from, String to, CountDownLatch start)
            throws InterruptedException {
        start.await();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < TRANSFERS_EACH; i++) {
            Map<String, Object> transfer = new HashMap<>();
            transfer.put("id", UUID.randomUUID().toString());
            transfer.put("fromLocationId", from);
            transfer.put("toLocationId", to);
            transfer.put("itemCode", "paracetamol-500-tab");
            transfer.put("quantity", 3);
            statuses.add(user.post("/api/stock/transfers", transfer).status());
        }
        return statuses;
    }
}
