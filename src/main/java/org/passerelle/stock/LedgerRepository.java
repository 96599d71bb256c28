package org.passerelle.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.stock.StockViews.Balance;
import org.passerelle.stock.StockViews.Movement;
import org.passerelle.stock.StockViews.MovementKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger's lines and the balances they imply. Lines are only ever inserted (the database
 * refuses any change or removal); a balance is changed in the same transaction as its line, under
 * the row's lock, and never below zero (a check of the table, as a last guard).
 */
@Repository
class LedgerRepository {

    /** A line to append. */
    record NewLine(
            UUID operationId,
            int line,
            MovementKind kind,
            UUID locationId,
            UUID siteId,
            String itemCode,
            String lot,
            @Nullable LocalDate expiresOn,
            int quantity,
            @Nullable Integer counted,
            @Nullable UUID otherLocationId,
            @Nullable UUID encounterId,
            @Nullable Integer prescriptionLine,
            @Nullable UUID distributionId,
            @Nullable String reason,
            Instant occurredAt,
            Instant recordedAt,
            UUID recordedBy) {}

    private static final String MOVEMENT_COLUMNS = """
            id, operation_id, line, kind, location_id, item_code, lot, expires_on, quantity, counted,
            other_location_id, encounter_id, distribution_id, reason, occurred_at, recorded_at, version, change_seq
            """;

    private static final String BALANCE_COLUMNS = "location_id, item_code, lot, expires_on, quantity";

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The lines an operation wrote, in order; none when it was never recorded. */
    List<Movement> operation(UUID operationId) {
        return jdbc.sql("select " + MOVEMENT_COLUMNS + " from stock.movement where operation_id = ? order by line")
                .param(operationId)
                .query(LedgerRepository::movement)
                .list();
    }

    /**
     * Appends a line; false when the operation's line is there already (a retry, or a twin request
     * that committed first: the insert waits for it).
     */
    boolean append(UUID id, NewLine line) {
        return jdbc.sql("""
                        insert into stock.movement (id, operation_id, line, kind, location_id, site_id, item_code, lot,
                            expires_on, quantity, counted, other_location_id, encounter_id, prescription_line,
                            distribution_id, reason, occurred_at, recorded_at, recorded_by)
                        values (:id, :operation, :line, :kind, :location, :site, :item, :lot, :expires, :quantity,
                            :counted, :other, :encounter, :prescriptionLine, :distribution, :reason, :occurred,
                            :recorded, :by)
                        on conflict (operation_id, line) do nothing
                        """)
                        .param("id", id)
                        .param("operation", line.operationId())
                        .param("line", line.line())
                        .param("kind", line.kind().name())
                        .param("location", line.locationId())
                        .param("site", line.siteId())
                        .param("item", line.itemCode())
                        .param("lot", line.lot())
                        .param("expires", line.expiresOn())
                        .param("quantity", line.quantity())
                        .param("counted", line.counted())
                        .param("other", line.otherLocationId())
                        .param("encounter", line.encounterId())
                        .param("prescriptionLine", line.prescriptionLine())
                        .param("distribution", line.distributionId())
                        .param("reason", line.reason())
                        .param("occurred", utc(line.occurredAt()))
                        .param("recorded", utc(line.recordedAt()))
                        .param("by", line.recordedBy())
                        .update()
                == 1;
    }

    /**
     * Locks the balances of an item at a place, every lot, until the transaction ends, and answers
     * them in the order goods leave: the lot expiring first first (lots without expiry last).
     */
    List<Balance> lock(UUID locationId, String itemCode) {
        return jdbc
                .sql("select " + BALANCE_COLUMNS + """
                         from stock.balance where location_id = ? and item_code = ?
                         order by lot for update
                        """)
                .params(locationId, itemCode)
                .query(LedgerRepository::balance)
                .list()
                .stream()
                .sorted(Ledger.FIRST_EXPIRING_FIRST)
                .toList();
    }

    /** Takes from a lot's balance, only if it holds enough; false otherwise (nothing changed). */
    boolean take(UUID locationId, String itemCode, String lot, int quantity, Instant at) {
        return jdbc.sql("""
                        update stock.balance set quantity = quantity - :quantity, updated_at = :at
                         where location_id = :location and item_code = :item and lot = :lot and quantity >= :quantity
                        """)
                        .param("quantity", quantity)
                        .param("at", utc(at))
                        .param("location", locationId)
                        .param("item", itemCode)
                        .param("lot", lot)
                        .update()
                == 1;
    }

    /** Adds to a lot's balance, opening it if new; false when the lot is held with another expiry. */
    boolean add(UUID locationId, String itemCode, String lot, @Nullable LocalDate expiresOn, int quantity, Instant at) {
        return jdbc.sql("""
                        insert into stock.balance (location_id, item_code, lot, expires_on, quantity, updated_at)
                        values (:location, :item, :lot, :expires, :quantity, :at)
                        on conflict (location_id, item_code, lot) do update
                           set quantity = balance.quantity + excluded.quantity, updated_at = excluded.updated_at
                         where balance.expires_on is not distinct from excluded.expires_on
                        """)
                        .param("location", locationId)
                        .param("item", itemCode)
                        .param("lot", lot)
                        .param("expires", expiresOn)
                        .param("quantity", quantity)
                        .param("at", utc(at))
                        .update()
                == 1;
    }

    /** The balances of the places, lot by lot, the empty ones left out. */
    List<Balance> balances(Collection<UUID> locationIds) {
        return jdbc.sql("select " + BALANCE_COLUMNS + """
                         from stock.balance where location_id = any(?) and quantity > 0
                         order by location_id, item_code, expires_on nulls last, lot
                        """)
                .param(locationIds.toArray(UUID[]::new))
                .query(LedgerRepository::balance)
                .list();
    }

    /**
     * A page of a place's balances: the lots of at most {@code limit} items held there, in item
     * code order after {@code after} (or only {@code itemCode}'s), read from the index in the order
     * shown.
     */
    List<Balance> balancePage(UUID locationId, @Nullable String itemCode, @Nullable String after, int limit) {
        List<String> items = itemCode != null
                ? List.of(itemCode)
                : jdbc.sql("""
                                select item_code from stock.balance
                                 where location_id = ? and quantity > 0 and item_code > ?
                                 group by item_code order by item_code limit ?
                                """)
                        .params(locationId, after == null ? "" : after, limit)
                        .query(String.class)
                        .list();
        if (items.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + BALANCE_COLUMNS + """
                         from stock.balance where location_id = ? and item_code = any(?) and quantity > 0
                         order by item_code, expires_on nulls last, lot
                        """)
                .params(locationId, items.toArray(String[]::new))
                .query(LedgerRepository::balance)
                .list();
    }

    /** How many lots and items a place holds (or of one item), and how many units in all. */
    BalanceTotals balanceTotals(UUID locationId, @Nullable String itemCode) {
        return jdbc.sql("""
                        select count(*) as lots, count(distinct item_code) as items, coalesce(sum(quantity), 0) as units
                          from stock.balance
                         where location_id = :place and quantity > 0
                           and (cast(:item as text) is null or item_code = :item)
                        """)
                .param("place", locationId)
                .param("item", itemCode)
                .query((row, number) ->
                        new BalanceTotals(row.getInt("lots"), row.getInt("items"), row.getLong("units")))
                .single();
    }

    record BalanceTotals(int lots, int items, long units) {}

    /** The items that were held at each place and are out of stock there now. */
    List<Balance> stockOuts(Collection<UUID> locationIds) {
        return jdbc.sql("""
                        select location_id, item_code, '' as lot, null::date as expires_on, 0 as quantity
                          from stock.balance where location_id = any(?)
                         group by location_id, item_code having sum(quantity) = 0
                         order by location_id, item_code
                        """)
                .param(locationIds.toArray(UUID[]::new))
                .query(LedgerRepository::balance)
                .list();
    }

    /** The lots still held at the places that expire on or before {@code by} (expired ones included). */
    List<Balance> expiringBy(Collection<UUID> locationIds, LocalDate by) {
        return jdbc.sql("select " + BALANCE_COLUMNS + """
                         from stock.balance where location_id = any(?) and quantity > 0 and expires_on <= ?
                         order by expires_on, location_id, item_code, lot
                        """)
                .params(locationIds.toArray(UUID[]::new), by)
                .query(LedgerRepository::balance)
                .list();
    }

    /** The sum of the ledger's lines for a lot at a place: what its balance must be. */
    long ledgerSum(UUID locationId, String itemCode) {
        return jdbc.sql("select coalesce(sum(quantity), 0) from stock.movement where location_id = ? and item_code = ?")
                .params(locationId, itemCode)
                .query(Long.class)
                .single();
    }

    /** The latest lines at the places, newest first. */
    List<Movement> latest(Collection<UUID> locationIds, int limit) {
        return jdbc.sql("select " + MOVEMENT_COLUMNS
                        + " from stock.movement where location_id = any(?) order by change_seq desc limit ?")
                .params(locationIds.toArray(UUID[]::new), limit)
                .query(LedgerRepository::movement)
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static Balance balance(ResultSet row, int rowNumber) throws SQLException {
        return new Balance(
                row.getObject("location_id", UUID.class),
                row.getString("item_code"),
                row.getString("lot"),
                row.getObject("expires_on", LocalDate.class),
                row.getInt("quantity"));
    }

    private static Movement movement(ResultSet row, int rowNumber) throws SQLException {
        return new Movement(
                row.getObject("id", UUID.class),
                row.getObject("operation_id", UUID.class),
                row.getInt("line"),
                MovementKind.valueOf(row.getString("kind")),
                row.getObject("location_id", UUID.class),
                row.getString("item_code"),
                row.getString("lot"),
                row.getObject("expires_on", LocalDate.class),
                row.getInt("quantity"),
                (Integer) row.getObject("counted"),
                row.getObject("other_location_id", UUID.class),
                row.getObject("encounter_id", UUID.class),
                row.getObject("distribution_id", UUID.class),
                row.getString("reason"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                row.getLong("version"),
                row.getLong("change_seq"));
    }
}
