package org.passerelle.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What signing a consultation asked of the stock, line by line: dispensed, or why not. */
@Repository
class PrescriptionDispensingRepository {

    /** One line's outcome as stored. */
    record Stored(
            int line,
            UUID locationId,
            String itemCode,
            int quantity,
            @Nullable UUID operationId,
            @Nullable String refusal,
            @Nullable Integer held) {}

    private final JdbcClient jdbc;

    PrescriptionDispensingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records a line's outcome; false when the line has one already (a retried signature). */
    boolean insert(UUID encounterId, Stored outcome, Instant at, UUID by) {
        return jdbc.sql("""
                        insert into stock.prescription_dispensing (encounter_id, line, location_id, item_code,
                               quantity, operation_id, refusal, held, recorded_at, recorded_by)
                        values (:encounter, :line, :location, :item, :quantity, :operation, :refusal, :held, :at, :by)
                        on conflict (encounter_id, line) do nothing
                        """)
                        .param("encounter", encounterId)
                        .param("line", outcome.line())
                        .param("location", outcome.locationId())
                        .param("item", outcome.itemCode())
                        .param("quantity", outcome.quantity())
                        .param("operation", outcome.operationId())
                        .param("refusal", outcome.refusal())
                        .param("held", outcome.held())
                        .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                        .param("by", by)
                        .update()
                == 1;
    }

    boolean recorded(UUID encounterId, int line) {
        return jdbc.sql(
                        "select exists(select 1 from stock.prescription_dispensing where encounter_id = ? and line = ?)")
                .params(encounterId, line)
                .query(Boolean.class)
                .single();
    }

    List<Stored> of(UUID encounterId) {
        return jdbc.sql("""
                        select line, location_id, item_code, quantity, operation_id, refusal, held
                          from stock.prescription_dispensing where encounter_id = ? order by line
                        """)
                .param(encounterId)
                .query((row, number) -> new Stored(
                        row.getInt("line"),
                        row.getObject("location_id", UUID.class),
                        row.getString("item_code"),
                        row.getInt("quantity"),
                        row.getObject("operation_id", UUID.class),
                        row.getString("refusal"),
                        (Integer) row.getObject("held")))
                .list();
    }

    /** What the place holds of the item that may be handed out today (expired lots left out). */
    int usable(UUID locationId, String itemCode, LocalDate today) {
        return jdbc.sql("""
                        select coalesce(sum(quantity), 0) from stock.balance
                         where location_id = ? and item_code = ? and quantity > 0
                           and (expires_on is null or expires_on >= ?)
                        """)
                .params(locationId, itemCode, today)
                .query(Integer.class)
                .single();
    }
}
