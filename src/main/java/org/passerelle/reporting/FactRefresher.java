package org.passerelle.reporting;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.RefreshProgress.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the facts in step with the consultations and persons they derive from, in the background,
 * by following the changes of {@code care.encounter} and {@code people.person} (every insert or
 * update there: late sync, signature, amendment, deletion tombstone, merge, unmerge, change of sex
 * or birth date) in the order of (transaction, change number), a batch at a time, each batch one
 * transaction that also moves the position on: a batch cut short leaves nothing behind and is done
 * again. Reports never wait for this unless they ask to ({@link #awaitLatest}). When folding every
 * waiting change in would cost more than counting everything again (both measured on the work
 * done), the facts are rebuilt instead, while reports read the old ones.
 */
@Component
class FactRefresher {

    private static final Logger log = LoggerFactory.getLogger(FactRefresher.class);

    static final String ENCOUNTERS = "reporting.encounter_fact";
    static final String REGISTRATIONS = "reporting.registration_fact";

    /** Serialises the writers of the facts (this worker, an erasure) across transactions. */
    static final long FACTS_LOCK = 0x7265_706f_7274L;

    /** Costs assumed until measured, per change folded in and per row rebuilt, in microseconds. */
    static final double MICROS_PER_CHANGE = 1_000;

    static final double MICROS_PER_ROW = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final FactRebuild rebuild;
    private final Rollups rollups;
    private final FactBatch batch;
    private final RefreshProgress progress;
    private final int batchSize;
    private final ReentrantLock running = new ReentrantLock();
    private final AtomicBoolean queued = new AtomicBoolean();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("reporting-facts").daemon().factory());
    private final Object advanced = new Object();
    private final AtomicLong begun = new AtomicLong();
    private volatile long finished;
    private volatile @Nullable Runnable pause;

    FactRefresher(
            JdbcClient jdbc,
            PlatformTransactionManager transactionManager,
            FactRebuild rebuild,
            Rollups rollups,
            FactBatch batch,
            RefreshProgress progress,
            @Value("${passerelle.reporting.batch-size:5000}") int batchSize) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rebuild = rebuild;
        this.rollups = rollups;
        this.batch = batch;
        this.progress = progress;
        this.batchSize = batchSize;
    }

    @Scheduled(
            initialDelayString = "${passerelle.reporting.refresh-delay:PT1S}",
            fixedDelayString = "${passerelle.reporting.refresh-every:PT5S}")
    void scheduled() {
        poke();
    }

    /** Asks the worker to fold in what changed, without waiting for it. */
    void poke() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                drain();
            });
        }
    }

    /**
     * Waits, at most {@code most}, until every change made before the call is counted; true when it
     * is. The work stays the worker's: this thread only waits.
     */
    boolean awaitLatest(Duration most) {
        // a run begun after this call also sees what changed elsewhere (a site moved to another programme)
        long run = begun.get() + 1;
        Position encounters = progress.latest("care.encounter");
        Position persons = progress.latest("people.person");
        long deadline = System.nanoTime() + most.toNanos();
        while (finished < run
                || progress.position("care.encounter").compareTo(encounters) < 0
                || progress.position("people.person").compareTo(persons) < 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            poke();
            synchronized (advanced) {
                try {
                    advanced.wait(Math.max(1, Math.min(Duration.ofNanos(left).toMillis(), 250)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        return true;
    }

    /** Folds in every change made so far, a batch at a time (in the worker's thread). */
    void drain() {
        running.lock();
        try {
            long run = begun.incrementAndGet();
            transactions.executeWithoutResult(status -> {
                lockFacts();
                rollups.followSites();
                rollups.rebuildIfCatalogueChanged();
            });
            long pending = progress.pending(Long.MAX_VALUE);
            if (pending == 0) {
                finished = run;
                return;
            }
            if (rebuild.cheaperThanFolding(pending, batchSize)) {
                rebuild.run(this::lockFacts);
                pending = progress.pending(Long.MAX_VALUE);
            }
            long total = pending;
            transactions.executeWithoutResult(status -> progress.started(total));
            while (pending > 0 && foldBatch()) {
                signalAdvance();
            }
            finished = run;
        } catch (RuntimeException e) {
            log.warn("Reporting facts: a batch failed and will be done again", e);
            transactions.executeWithoutResult(status -> progress.stopped());
        } finally {
            running.unlock();
            signalAdvance();
        }
    }

    /** Folds in the next batch of changes; true when more may wait behind it. */
    private boolean foldBatch() {
        Boolean more = transactions.execute(status -> {
            long start = System.nanoTime();
            lockFacts();
            // the planner otherwise reads whole tables for a few thousand touched rows (measured: 2 to
            // 4 times slower at 10,000 changes than through the indexes, which sit in memory)
            jdbc.sql("set local random_page_cost = 1.1").update();
            long horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .query(Long.class)
                    .single();
            batch.begin();
            int encounters = take("care.encounter", FactBatch.TOUCHED_ENCOUNTERS, FactBatch.ENCOUNTER_COLUMNS, horizon);
            int persons = take("people.person", FactBatch.TOUCHED_PERSONS, "id", horizon);
            batch.apply();
            Runnable paused = pause;
            if (paused != null) {
                paused.run();
            }
            boolean full = encounters == batchSize || persons == batchSize;
            long ms = (System.nanoTime() - start) / 1_000_000;
            progress.folded(encounters + persons, ms, encounters + persons >= batchSize / 2, !full);
            return full;
        });
        return Boolean.TRUE.equals(more);
    }

    /**
     * Puts the next changes of a source (of transactions older than every one running) in a touched
     * table, with the {@code columns} it keeps of them (read here, where the rows are read anyway),
     * and moves the source's position past them; returns how many.
     */
    private int take(String source, String touched, String columns, long horizon) {
        Position after = progress.position(source);
        record Taken(
                int changes, @Nullable Long xid, @Nullable Long seq) {}
        Taken taken = jdbc.sql("""
                        with next as (
                            select %3$s, change_xid, change_seq from %1$s
                             where (change_xid, change_seq) > (:xid::text::xid8, :seq)
                               and change_xid < :horizon::text::xid8
                             order by change_xid, change_seq limit :size),
                        touched as (insert into %2$s (%3$s) select %3$s from next on conflict do nothing)
                        select (select count(*) from next)::int as changes,
                               last.change_xid::text::bigint as xid, last.change_seq as seq
                          from (select 1) as one
                          left join (select change_xid, change_seq from next
                                      order by change_xid desc, change_seq desc limit 1) as last on true
                        """.formatted(source, touched, columns))
                .param("xid", Long.toUnsignedString(after.xid()))
                .param("seq", after.seq())
                .param("horizon", Long.toUnsignedString(horizon))
                .param("size", batchSize)
                .query(Taken.class)
                .single();
        if (taken.changes() > 0 && taken.xid() != null && taken.seq() != null) {
            jdbc.sql("update reporting.refresh_state set last_xid = ?::text::xid8, last_seq = ? where source = ?")
                    .params(Long.toUnsignedString(taken.xid()), taken.seq(), source)
                    .update();
        }
        return taken.changes();
    }

    /**
     * Brings one person's facts up to date in the current transaction (an erasure's), whatever the
     * worker's position: their part in the roll-ups is taken away and added back as it is now.
     */
    void refreshPerson(UUID personId) {
        lockFacts();
        batch.begin();
        jdbc.sql("insert into " + FactBatch.TOUCHED_PERSONS + " (id) values (?)")
                .param(personId)
                .update();
        jdbc.sql("insert into " + FactBatch.TOUCHED_ENCOUNTERS + " (" + FactBatch.ENCOUNTER_COLUMNS + ") select "
                        + FactBatch.ENCOUNTER_COLUMNS + " from care.encounter where person_id = ?")
                .param(personId)
                .update();
        batch.apply();
    }

    /** Counts everything again now, in this thread (what the worker chooses when it costs less). */
    void rebuildNow() {
        running.lock();
        try {
            rebuild.run(this::lockFacts);
        } finally {
            running.unlock();
        }
    }

    /** For fault tests: runs inside every batch, after the facts changed and before it commits. */
    void pauseBatches(@Nullable Runnable during) {
        this.pause = during;
    }

    private void lockFacts() {
        jdbc.sql("select 1 from pg_advisory_xact_lock(?)")
                .param(FACTS_LOCK)
                .query(Integer.class)
                .single();
    }

    private void signalAdvance() {
        synchronized (advanced) {
            advanced.notifyAll();
        }
    }
}
