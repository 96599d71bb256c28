package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.database.DatabaseProperties;

/** The gate in front of pushes and pulls: a place each, and a clear 503 rather than a long wait. */
class SyncGateTest {

    private static DatabaseProperties pool(int size) {
        return new DatabaseProperties(
                null, null, null, Path.of("data"), 0, size, List.of(), null, null, null, null, null, false, "128MB");
    }

    @Test
    void givesSyncHalfTheConnectionPoolUnlessConfigured() {
        assertThat(new SyncGate(pool(10), 0, Duration.ZERO).size()).isEqualTo(5);
        assertThat(new SyncGate(pool(1), 0, Duration.ZERO).size()).isEqualTo(1);
        assertThat(new SyncGate(pool(10), 3, Duration.ZERO).size()).isEqualTo(3);
    }

    @Test
    void refusesWithSyncBusyAndARetryAfterWhileEveryPlaceIsTakenThenServesAgain() throws Exception {
        SyncGate gate = new SyncGate(pool(10), 2, Duration.ofMillis(50));
        CountDownLatch inside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<String>> holders = List.of(
                    threads.submit(() -> gate.through(() -> hold(inside, release))),
                    threads.submit(() -> gate.through(() -> hold(inside, release))));
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();

            assertThatThrownBy(() -> gate.through(() -> "served")).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.kind()).isEqualTo(DomainException.Kind.UNAVAILABLE);
                assertThat(e.code()).isEqualTo("sync-busy");
                assertThat(e.details()).containsEntry("retryAfterSeconds", SyncGate.RETRY_AFTER_SECONDS);
            });

            release.countDown();
            for (Future<String> holder : holders) {
                assertThat(holder.get(10, TimeUnit.SECONDS)).isEqualTo("held");
            }
        }
        assertThat(gate.through(() -> "served")).isEqualTo("served");
    }

    @Test
    void givesThePlaceBackWhenTheWorkFails() {
        SyncGate gate = new SyncGate(pool(10), 1, Duration.ofMillis(50));

        assertThatThrownBy(() -> gate.through(() -> {
                    throw new IllegalStateException("failed");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(gate.through(() -> "served")).isEqualTo("served");
    }

    private static String hold(CountDownLatch inside, CountDownLatch release) {
        inside.countDown();
        try {
            release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return "held";
    }
}
