package org.passerelle.platform.sync;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One change of one record made on a device: its creation with the values of its fields, or an
 * update of some fields from the values they had on the device ({@link FieldChange#base}).
 *
 * @param baseVersion the version of the record the device changed; null for a creation
 */
public record Mutation(
        UUID mutationId,
        String recordType,
        UUID recordId,
        Operation operation,
        @Nullable Long baseVersion,
        UUID siteId,
        Instant deviceTime,
        @Nullable UUID deviceId,
        Map<String, FieldChange> changes) {

    public Mutation {
        changes = Map.copyOf(changes);
    }

    /** Whether the mutation creates the record or changes it. */
    public enum Operation {
        CREATE,
        UPDATE
    }
}
