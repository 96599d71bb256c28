package org.passerelle.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;
import org.passerelle.reporting.ReportViews.Freshness;
import org.passerelle.reporting.ReportViews.RefreshStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where the background work on the facts stands: how fresh a report's figures are, the progress an
 * administrator sees, and the costs measured on the work done, which choose between folding changes
 * in and rebuilding. Reading it takes a few index look-ups and never waits for the work.
 */
@Component
class RefreshProgress {

    /** Beyond this many changes a report says "more than" rather than counting them all. */
    static final int COUNTED_AT_MOST = 10_000;

    /** Where the facts stand in a source's changes: its last (transaction, change number) counted. */
    record Position(long xid, long seq) implements Comparable<Position> {

        @Override
        public int compareTo(Position other) {
            int byXid = Long.compareUnsigned(xid, other.xid);
            return byXid != 0 ? byXid : Long.compare(seq, other.seq);
        }
    }

    private record Row(
            @Nullable OffsetDateTime caughtUpAt,
            String phase,
            @Nullable String step,
            @Nullable OffsetDateTime runStartedAt,
            long runTotal,
            long runDone,
            long lastBatchChanges,
            long lastBatchMs,
            @Nullable Double microsPerChange,
            @Nullable Double microsPerRow,
            @Nullable OffsetDateTime rebuiltAt,
            @Nullable Long rebuildMs) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    RefreshProgress(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Position position(String source) {
        return jdbc.sql("select last_xid::text::bigint as xid, last_seq as seq from reporting.refresh_state"
                        + " where source = ?")
                .param(source)
                .query(Position.class)
                .single();
    }

    /** The last change made to a source (none: the start), read backwards on its sync index. */
    Position latest(String table) {
        return jdbc.sql("select change_xid::text::bigint as xid, change_seq as seq from " + table
                        + " order by change_xid desc, change_seq desc limit 1")
                .query(Position.class)
                .optional()
                .orElse(new Position(0, 0));
    }

    /** How many changes to a source are not counted yet, counting at most {@code most}. */
    long pending(String table, Position after, long most) {
        return jdbc.sql("select count(*) from (select 1 from " + table
                        + " where (change_xid, change_seq) > (?::text::xid8, ?) limit ?) as waiting")
                .params(Long.toUnsignedString(after.xid()), after.seq(), most)
                .query(Long.class)
                .single();
    }

    /** How many changes are not counted yet, counting at most {@code most} of each source. */
    long pending(long most) {
        return pending("care.encounter", position("care.encounter"), most)
                + pending("people.person", position("people.person"), most);
    }

    /** How fresh the figures are: up to now when nothing waits, else up to the last time all was counted. */
    Freshness freshness() {
        long pending = pending(COUNTED_AT_MOST);
        if (pending == 0) {
            return new Freshness(clock.instant(), 0, false);
        }
        Row row = row();
        long left = Math.max(pending, row.runTotal() - row.runDone());
        return new Freshness(instant(row.caughtUpAt()), left, pending >= COUNTED_AT_MOST);
    }

    RefreshStatus status() {
        Row row = row();
        long pending = pending(COUNTED_AT_MOST);
        return new RefreshStatus(
                row.phase(),
                row.step(),
                instant(row.runStartedAt()),
                row.runTotal(),
                row.runDone(),
                pending == 0 ? clock.instant() : instant(row.caughtUpAt()),
                pending,
                pending >= COUNTED_AT_MOST,
                row.lastBatchChanges(),
                row.lastBatchMs(),
                instant(row.rebuiltAt()),
                row.rebuildMs());
    }

    @Nullable
    Double microsPerChange() {
        return row().microsPerChange();
    }

    @Nullable
    Double microsPerRow() {
        return row().microsPerRow();
    }

    /** A run of batches starts, with this many changes waiting. */
    void started(long total) {
        jdbc.sql("update reporting.refresh_progress set phase = 'CATCHING_UP', step = null, run_started_at = now(),"
                        + " run_total = ?, run_done = 0")
                .param(total)
                .update();
    }

    /** A batch of {@code changes} was folded in, in {@code ms}; {@code drained}: nothing was left behind it. */
    void folded(long changes, long ms, boolean measured, boolean drained) {
        jdbc.sql("""
                        update reporting.refresh_progress
                           set run_done = run_done + :changes, last_batch_changes = :changes, last_batch_ms = :ms,
                               micros_per_change = case when :measured
                                   then coalesce(0.7 * micros_per_change + 0.3 * :per, :per)
                                   else micros_per_change end,
                               caught_up_at = case when :drained then now() else caught_up_at end,
                               phase = case when :drained then 'IDLE' else phase end
                        """)
                .param("changes", changes)
                .param("ms", ms)
                .param("measured", measured)
                .param("per", changes == 0 ? 0.0 : ms * 1000.0 / changes)
                .param("drained", drained)
                .update();
    }

    /** A rebuild starts or moves on to {@code step}, over {@code rows} consultations and persons. */
    void rebuilding(String step, long rows) {
        jdbc.sql("update reporting.refresh_progress set phase = 'REBUILDING', step = ?,"
                        + " run_started_at = case when step is null or phase <> 'REBUILDING' then now() else run_started_at end,"
                        + " run_total = ?, run_done = 0")
                .params(step, rows)
                .update();
    }

    /** A rebuild over {@code rows} consultations and persons took {@code ms}. */
    void rebuilt(long rows, long ms) {
        jdbc.sql("update reporting.refresh_progress set phase = 'IDLE', step = null, run_done = run_total,"
                        + " caught_up_at = run_started_at, rebuilt_at = now(), rebuild_ms = ?,"
                        + " micros_per_row = case when ? > 0 then ? else micros_per_row end")
                .params(ms, rows, rows == 0 ? 0.0 : ms * 1000.0 / rows)
                .update();
    }

    /** The work stopped (an error, a stop): nothing runs until the next run says so. */
    void stopped() {
        jdbc.sql("update reporting.refresh_progress set phase = 'IDLE', step = null")
                .update();
    }

    private Row row() {
        return jdbc.sql("select caught_up_at, phase, step, run_started_at, run_total, run_done, last_batch_changes,"
                        + " last_batch_ms, micros_per_change, micros_per_row, rebuilt_at, rebuild_ms"
                        + " from reporting.refresh_progress")
                .query(Row.class)
                .single();
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
