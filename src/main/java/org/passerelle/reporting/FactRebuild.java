package org.passerelle.reporting;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts every fact and roll-up again from the source, in one transaction that sees the records as
 * they were when it started (repeatable read): reports read the old facts until it commits, then
 * the worker folds in what changed meanwhile. Chosen when folding the waiting changes in would cost
 * more, by the costs measured on the last batches and the last rebuild.
 */
@Component
class FactRebuild {

    private static final Logger log = LoggerFactory.getLogger(FactRebuild.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate rebuilding;
    private final TransactionTemplate steps;
    private final Rollups rollups;
    private final RefreshProgress progress;

    FactRebuild(
            JdbcClient jdbc, PlatformTransactionManager transactionManager, Rollups rollups, RefreshProgress progress) {
        this.jdbc = jdbc;
        this.rebuilding = new TransactionTemplate(transactionManager);
        this.rebuilding.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rebuilding.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.steps = new TransactionTemplate(transactionManager);
        this.steps.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.rollups = rollups;
        this.progress = progress;
    }

    /** True when rebuilding costs less than folding in {@code pending} changes, as measured so far. */
    boolean cheaperThanFolding(long pending, int batchSize) {
        if (pending <= batchSize) {
            return false;
        }
        double perChange = orDefault(progress.microsPerChange(), FactRefresher.MICROS_PER_CHANGE);
        double perRow = orDefault(progress.microsPerRow(), FactRefresher.MICROS_PER_ROW);
        long rows = rows();
        boolean cheaper = pending * perChange > rows * perRow;
        if (cheaper) {
            log.info(
                    "Reporting facts: {} changes waiting, about {} s to fold in, {} s to rebuild: rebuilding",
                    pending,
                    Math.round(pending * perChange / 1e6),
                    Math.round(rows * perRow / 1e6));
        }
        return cheaper;
    }

    /** Rebuilds everything, taking the facts' lock with {@code lock} first. */
    void run(Runnable lock) {
        long rows = rows();
        long start = System.nanoTime();
        steps.executeWithoutResult(status -> progress.rebuilding("FACTS", rows));
        rebuilding.executeWithoutResult(status -> {
            // the first statement fixes what this transaction sees
            lock.run();
            long horizon = jdbc.sql("select pg_snapshot_xmin(pg_current_snapshot())::text::bigint")
                    .query(Long.class)
                    .single();
            encounterFacts();
            steps.executeWithoutResult(s -> progress.rebuilding("REGISTRATIONS", rows));
            jdbc.sql("delete from reporting.registration_fact r"
                            + " where exists (select 1 from people.person p where p.id = r.person_key)")
                    .update();
            jdbc.sql(FactSql.registrationFacts(FactRefresher.REGISTRATIONS, "people.person"))
                    .update();
            jdbc.sql("analyze reporting.registration_fact").update();
            steps.executeWithoutResult(s -> progress.rebuilding("ROLLUPS", rows));
            rollups.rebuildAll();
            // every change of a transaction older than the horizon is in; those after are folded in next
            jdbc.sql("update reporting.refresh_state set last_xid = (?::numeric - 1)::text::xid8,"
                            + " last_seq = 9223372036854775807 where source in ('care.encounter', 'people.person')")
                    .param(Long.toUnsignedString(horizon))
                    .update();
        });
        long ms = (System.nanoTime() - start) / 1_000_000;
        steps.executeWithoutResult(status -> progress.rebuilt(rows, ms));
        log.info("Reporting facts rebuilt in {} ms", ms);
    }

    private void encounterFacts() {
        // facts of erased persons (anonymous keys) are kept: their consultations are gone; deleted
        // rather than truncated, so that reports read the old facts until this commits
        jdbc.sql("delete from reporting.encounter_fact f"
                        + " where exists (select 1 from care.encounter e where e.id = f.encounter_id)")
                .update();
        jdbc.sql(FactSql.encounterFacts(
                        FactRefresher.ENCOUNTERS, "care.encounter", "order by e.site_id, e.occurred_on"))
                .update();
        jdbc.sql("analyze reporting.encounter_fact").update();
    }

    /** The consultations and persons a rebuild reads, as the planner's statistics have them (counted before any). */
    private long rows() {
        return jdbc.sql("""
                        select sum(case when c.reltuples >= 0 then c.reltuples::bigint
                                        when c.oid = 'care.encounter'::regclass then (select count(*) from care.encounter)
                                        else (select count(*) from people.person) end)::bigint
                          from pg_class c where c.oid in ('care.encounter'::regclass, 'people.person'::regclass)
                        """).query(Long.class).single();
    }

    private static double orDefault(@Nullable Double measured, double assumed) {
        return measured != null ? measured : assumed;
    }
}
