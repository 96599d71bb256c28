package org.passerelle.sync;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.platform.sync.SyncProblems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Bounds the pushes and pulls served at once, so that fifty devices coming back to the network
 * together queue for the database's connections in front of the server instead of inside it: a
 * request that finds every place taken for {@code passerelle.sync.queue-wait} is answered 503
 * {@code sync-busy} with {@code Retry-After}, and the device sends it again (it is idempotent).
 * The places default to half the connection pool, which leaves the other half to the users
 * working online.
 */
@Component
class SyncGate {

    /** How long a device waits before sending a refused push or pull again, in seconds. */
    static final long RETRY_AFTER_SECONDS = 2;

    private final Semaphore places;
    private final int size;
    private final Duration queueWait;

    SyncGate(
            DatabaseProperties database,
            @Value("${passerelle.sync.concurrent-batches:0}") int configured,
            @Value("${passerelle.sync.queue-wait:2s}") Duration queueWait) {
        this.size = configured > 0 ? configured : Math.max(1, database.maximumPoolSize() / 2);
        this.places = new Semaphore(size, true);
        this.queueWait = queueWait;
    }

    /** Runs {@code work} in one of the places, or refuses with {@code sync-busy} when none frees up in time. */
    <T> T through(Supplier<T> work) {
        try {
            if (!places.tryAcquire(queueWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw SyncProblems.busy(RETRY_AFTER_SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SyncProblems.busy(RETRY_AFTER_SECONDS);
        }
        try {
            return work.get();
        } finally {
            places.release();
        }
    }

    /** How many pushes and pulls are served at once. */
    int size() {
        return size;
    }
}
