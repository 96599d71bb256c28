package org.passerelle.platform.retention;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What most {@link RetainedRecords} do, written once: count and remove the rows of one table whose
 * date column is older than the cutoff, a bounded batch per statement (each its own transaction,
 * rows another transaction holds skipped until the next run). A module whose records need more (a
 * journal first, rows of other tables) writes its own.
 */
public final class RetainedRows {

    /** What the date column holds: a day, compared with the cutoff's day in UTC, or an instant. */
    public enum Dated {
        DAY,
        INSTANT
    }

    private RetainedRows() {}

    /**
     * How many rows of {@code table} are older than the cutoff by {@code column}, and the oldest;
     * table and column are written by the code, never from input.
     */
    public static ExpiredRecords count(JdbcClient jdbc, String table, String column, Dated dated, Instant cutoff) {
        return jdbc.sql("select count(*), min(" + column + ") from " + table + " where " + column + " < ?")
                .param(bound(dated, cutoff))
                .query((row, number) -> new ExpiredRecords(
                        row.getLong(1),
                        switch (dated) {
                            case DAY -> {
                                LocalDate oldest = row.getObject(2, LocalDate.class);
                                yield oldest == null
                                        ? null
                                        : oldest.atStartOfDay(ZoneOffset.UTC).toInstant();
                            }
                            case INSTANT -> {
                                OffsetDateTime oldest = row.getObject(2, OffsetDateTime.class);
                                yield oldest == null ? null : oldest.toInstant();
                            }
                        }))
                .single();
    }

    /** Removes the rows {@link #count} counts, {@code batch} at a time, and says how many went. */
    public static long purge(JdbcClient jdbc, String table, String column, Dated dated, Instant cutoff, int batch) {
        String delete = "delete from " + table + " where id in (select id from " + table + " where " + column
                + " < ? limit ? for update skip locked)";
        long removed = 0;
        int done;
        do {
            done = jdbc.sql(delete).params(bound(dated, cutoff), batch).update();
            removed += done;
        } while (done == batch);
        return removed;
    }

    private static Object bound(Dated dated, Instant cutoff) {
        return switch (dated) {
            case DAY -> LocalDate.ofInstant(cutoff, ZoneOffset.UTC);
            case INSTANT -> OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC);
        };
    }
}
