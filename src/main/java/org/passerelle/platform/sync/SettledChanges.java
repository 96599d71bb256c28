package org.passerelle.platform.sync;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;

/**
 * The one way a module reads the rows of a table changed after a {@link Position}: by the
 * transaction that wrote each row ({@code change_xid}) and its change number ({@code change_seq}),
 * from settled transactions only, so a row never appears behind a position a device already pulled
 * past. Every synced table has both columns, set by the platform's change trigger.
 *
 * <pre>{@code
 * jdbc.sql("select " + SettledChanges.POSITION + ", id from care.follow_up where " + SettledChanges.AFTER)
 * }</pre>
 *
 * then {@link #bind} the position and the page size.
 */
public final class SettledChanges {

    /** The columns giving each row's position, named as {@link ChangedRow}'s. */
    public static final String POSITION = "change_xid::text::bigint as transaction, change_seq as change";

    /**
     * The condition, order and limit of a page of changes: follows a {@code where} (and any filter
     * of the module's followed by {@code and}).
     */
    public static final String AFTER = """
             (change_xid, change_seq) > (cast(cast(:transaction as text) as xid8), :change)
             and change_xid < pg_snapshot_xmin(pg_current_snapshot())
             order by change_xid, change_seq limit :limit
            """;

    /** A row a pull read, with the columns {@link #POSITION} names. */
    public interface Positioned {

        long transaction();

        long change();

        default Position position() {
            return new Position(transaction(), change());
        }
    }

    /** A row changed after a position: its id and its own position. */
    public record ChangedRow(UUID id, long transaction, long change) implements Positioned {}

    private SettledChanges() {}

    /** Binds the position and the page size {@link #AFTER} names. */
    public static StatementSpec bind(StatementSpec statement, Position after, int limit) {
        return statement
                .param("transaction", after.transaction())
                .param("change", after.change())
                .param("limit", limit);
    }

    /**
     * The page a pull answers: the changes the user may hold among the rows read, and where the next
     * page starts (after the last row read, held or not).
     */
    public static ChangePage page(List<? extends Positioned> read, List<SyncedChange> held, Position after, int limit) {
        Position next = read.isEmpty() ? after : read.getLast().position();
        return new ChangePage(held, next, read.size() == limit);
    }

    /**
     * The ids of the rows of {@code table} changed after {@code after}, in order, at most {@code
     * limit}; {@code filter} is a condition of the module's own ({@code "true"} for none), written
     * by the code, never from input.
     */
    public static List<ChangedRow> ids(JdbcClient jdbc, String table, String filter, Position after, int limit) {
        return bind(
                        jdbc.sql("select id, " + POSITION + " from " + table + " where (" + filter + ") and " + AFTER),
                        after,
                        limit)
                .query(ChangedRow.class)
                .list();
    }
}
