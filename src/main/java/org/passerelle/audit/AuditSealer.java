package org.passerelle.audit;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed audit entries into the keyed chain, in id order, one short transaction per batch
 * under a lock held only by sealers: no request's transaction ever waits for it. Woken after each
 * audited commit and every second; after each batch the new head goes to {@link AuditCheckpoints}.
 * An entry whose MAC does not match (written without the audit key) is never sealed: verification
 * reports it.
 */
@Component
class AuditSealer implements SmartLifecycle {

    static final int BATCH = 1_000;

    /** How long a wake waits for more commits before sealing. */
    static final long WAKE_DELAY_MILLIS = 200;

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);

    /** The end of the sealed chain. */
    record Head(long position, byte[] chain) {}

    private record Pending(SignedEntry entry, byte @Nullable [] mac, boolean legacy) {}

    private record Seal(long position, long eventId, byte[] chain) {}

    /** How many pending entries a batch looked at, and how many it sealed. */
    private record Batch(int considered, int sealed) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final LegacyChain legacy;
    private final Set<Long> refused = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private @Nullable ScheduledExecutorService executor;

    AuditSealer(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            AuditKey key,
            AuditCheckpoints checkpoints,
            LegacyChain legacy) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.checkpoints = checkpoints;
        this.legacy = legacy;
    }

    /** Seals every entry committed so far, now, and returns how many were sealed. */
    /** After a restore replaced the whole log: the old head is forgotten and the restored one sealed. */
    synchronized void adoptRestoredLog() {
        checkpoints.forget();
        sealNow();
    }

    synchronized long sealNow() {
        long sealed = 0;
        Batch batch;
        do {
            batch = Objects.requireNonNull(transactions.execute(status -> sealBatch()));
            sealed += batch.sealed();
        } while (batch.considered() == BATCH);
        return sealed;
    }

    /**
     * Asks for a sealing soon, on the sealer's thread; the calls made until it runs, a moment later, make
     * one sealing, so that the commits of a push or an import are sealed a batch at a time rather than a
     * few lines each (every sealing costs a transaction and its commit).
     */
    void wake() {
        ScheduledExecutorService running = executor;
        if (running != null && wakeQueued.compareAndSet(false, true)) {
            running.schedule(
                    () -> {
                        wakeQueued.set(false);
                        sealQuietly();
                    },
                    WAKE_DELAY_MILLIS,
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The end of the sealed chain: the last seal, or the latest anchor after a purge of everything. */
    Head head() {
        return jdbc.sql("""
                        select position, chain from audit.audit_seal where position = (select max(position) from audit.audit_seal)
                        union all
                        select position, chain from (select position, chain from audit.audit_anchor order by position desc limit 1) a
                        order by position desc limit 1
                        """)
                .query((row, number) -> new Head(row.getLong("position"), row.getBytes("chain")))
                .optional()
                .orElse(new Head(0, new byte[0]));
    }

    private Batch sealBatch() {
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock(hashtext('audit.audit_seal'))")
                .query(Boolean.class)
                .single();
        if (!Boolean.TRUE.equals(locked)) {
            return new Batch(0, 0);
        }
        List<Pending> pending = jdbc
                .sql("select " + SignedEntry.COLUMNS + """
                        , e.mac, e.legacy_hash is not null as legacy
                          from audit.audit_pending p join audit.audit_event e on e.id = p.event_id
                         order by p.event_id limit :limit
                        """)
                .param("limit", BATCH + refused.size())
                .query((row, number) ->
                        new Pending(SignedEntry.read(row), row.getBytes("mac"), row.getBoolean("legacy")))
                .list()
                .stream()
                .filter(entry -> !refused.contains(entry.entry().id()))
                .limit(BATCH)
                .toList();
        Head head = head();
        List<Seal> seals = new ArrayList<>();
        for (Pending entry : pending) {
            byte[] entryMac = key.mac(entry.entry().encode());
            if (!sealable(entry, entryMac)) {
                refused.add(entry.entry().id());
                continue;
            }
            long position = head.position() + 1;
            byte[] chain = key.mac(SignedEntry.sealEncoding(
                    head.chain(), position, entry.entry().id(), entryMac));
            seals.add(new Seal(position, entry.entry().id(), chain));
            head = new Head(position, chain);
        }
        store(seals);
        if (!seals.isEmpty()) {
            Head sealedHead = head;
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    checkpoints.write(sealedHead.position(), sealedHead.chain());
                }
            });
        }
        return new Batch(pending.size(), seals.size());
    }

    private boolean sealable(Pending entry, byte[] entryMac) {
        if (entry.mac() != null) {
            if (MessageDigest.isEqual(entry.mac(), entryMac)) {
                return true;
            }
        } else if (entry.legacy()) {
            LegacyChain.Result result = legacy.check();
            if (result.intact()) {
                return true;
            }
            log.error(
                    "The audit entries written before the keyed chain are not sealed: {} at position {}",
                    result.problem(),
                    result.brokenAt());
            return false;
        }
        log.error(
                "Audit entry {} does not carry a valid MAC by the audit key: left unsealed",
                entry.entry().id());
        return false;
    }

    /**
     * Writes a batch's seals and takes their entries off the pending list in one statement, rather than
     * one insert and one delete per entry.
     */
    private void store(List<Seal> seals) {
        if (seals.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        with sealed as (
                            insert into audit.audit_seal (position, event_id, chain)
                            select position, event_id, chain from unnest(?::bigint[], ?::bigint[], ?::bytea[])
                                   as s(position, event_id, chain)
                            returning event_id)
                        delete from audit.audit_pending p using sealed where p.event_id = sealed.event_id
                        """)
                .params(
                        seals.stream().map(Seal::position).toArray(Long[]::new),
                        seals.stream().map(Seal::eventId).toArray(Long[]::new),
                        seals.stream().map(Seal::chain).toArray(byte[][]::new))
                .update();
    }

    private void sealQuietly() {
        try {
            sealNow();
        } catch (RuntimeException e) {
            log.warn("Audit sealing failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-sealer").daemon().factory());
        started.scheduleWithFixedDelay(this::sealQuietly, 0, 1, TimeUnit.SECONDS);
        executor = started;
    }

    @Override
    public synchronized void stop() {
        ScheduledExecutorService running = executor;
        executor = null;
        if (running != null) {
            running.shutdownNow();
            sealQuietly();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
