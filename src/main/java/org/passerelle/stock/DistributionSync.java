package org.passerelle.stock;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.stock.StockViews.DistributedItem;
import org.passerelle.stock.StockViews.GroupCount;
import org.passerelle.stock.StockViews.NewDistribution;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Distributions made offline: a device pushes each as the creation of a record (fields {@code
 * locationId}, {@code personId} or {@code counts}, {@code items}), dated by the device's time, and it
 * is written through {@link Distributions#distribute} out of the device's allowance at that place,
 * never out of the place itself: under the same rules as online (the person in the user's scope,
 * their entitlements, never below zero, the backdating window), written once under the record's id.
 * Devices do not pull distributions back: what they hold is the allowance it left.
 */
@Component
@Order(11)
class DistributionSync implements SyncedRecords {

    static final Set<String> FIELDS = Set.of("locationId", "personId", "items", "counts");

    /** What a device sends of a distribution. */
    record Sent(
            UUID locationId,
            @Nullable UUID personId,
            @Nullable List<DistributedItem> items,
            @Nullable List<GroupCount> counts) {}

    private final Distributions distributions;
    private final Allowances allowances;
    private final JsonMapper json;

    DistributionSync(Distributions distributions, Allowances allowances, JsonMapper json) {
        this.distributions = distributions;
        this.allowances = allowances;
        this.json = json;
    }

    @Override
    public String recordType() {
        return Distributions.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        Sent sent = read(mutation, FIELDS, Sent.class, json);
        if (sent.locationId() == null) {
            throw SyncProblems.malformed("locationId");
        }
        List<DistributedItem> items = Objects.requireNonNullElse(sent.items(), List.of());
        if (items.isEmpty() || items.size() > 20) {
            throw SyncProblems.malformed("items");
        }
        UUID allowance = allowances.heldFor(sent.locationId(), device(mutation));
        Operation written = distributions.distribute(new NewDistribution(
                mutation.recordId(), allowance, sent.personId(), items, sent.counts(), mutation.deviceTime()));
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

    /** The device a hand-out was made on, which it is taken from the allowance of. */
    static UUID device(Mutation mutation) {
        UUID device = mutation.deviceId();
        if (device == null) {
            throw SyncProblems.deviceRequired();
        }
        return device;
    }

    /** The fields of a hand-out created on a device, read as {@code type}; refused when it is not a creation. */
    static <T> T read(Mutation mutation, Set<String> fields, Class<T> type, JsonMapper json) {
        if (mutation.operation() != Mutation.Operation.CREATE) {
            throw SyncProblems.malformed("operation");
        }
        ObjectNode values = json.createObjectNode();
        mutation.changes().forEach((field, change) -> {
            if (!fields.contains(field)) {
                throw SyncProblems.unknownField(field);
            }
            values.set(field, change.value());
        });
        try {
            return json.treeToValue(values, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw SyncProblems.malformed("changes");
        }
    }
}
