package org.passerelle.stock;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.stock.StockViews.Dispensing;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Dispensings made offline (fields {@code locationId}, {@code encounterId}, {@code line}, {@code
 * quantity}, optionally {@code lot}), written through {@link Dispensings#dispense} out of the
 * device's allowance at that place, dated by the device's time, once under the record's id. Pushed
 * after the consultation they dispense (a consultation signed offline is pushed first).
 */
@Component
@Order(12)
class DispensingSync implements SyncedRecords {

    static final String RECORD_TYPE = "stock-dispensing";
    private static final Set<String> FIELDS = Set.of("locationId", "encounterId", "line", "quantity", "lot");

    /** What a device sends of a dispensing. */
    record Sent(
            UUID locationId,
            UUID encounterId,
            int line,
            int quantity,
            @Nullable String lot) {}

    private final Dispensings dispensings;
    private final Allowances allowances;
    private final JsonMapper json;

    DispensingSync(Dispensings dispensings, Allowances allowances, JsonMapper json) {
        this.dispensings = dispensings;
        this.allowances = allowances;
        this.json = json;
    }

    @Override
    public String recordType() {
        return RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        Sent sent = DistributionSync.read(mutation, FIELDS, Sent.class, json);
        if (sent.locationId() == null || sent.encounterId() == null) {
            throw SyncProblems.malformed(sent.locationId() == null ? "locationId" : "encounterId");
        }
        UUID allowance = allowances.heldFor(sent.locationId(), DistributionSync.device(mutation));
        Operation written = dispensings.dispense(new Dispensing(
                mutation.recordId(),
                sent.encounterId(),
                sent.line(),
                allowance,
                sent.lot(),
                sent.quantity(),
                mutation.deviceTime()));
        return Applied.applied(1, false, written.id());
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        return new ChangePage(List.of(), after, false);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
