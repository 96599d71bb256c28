package org.passerelle.platform.sync;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change a device pulls: a record as it is now, or the news that it was merged into another or
 * erased (the device then deletes everything it holds about it).
 *
 * @param record the record as the user would read it online; null unless {@code UPSERT}
 */
public record SyncedChange(
        String recordType,
        UUID recordId,
        Kind change,
        @Nullable Long version,
        @Nullable JsonNode record,
        @Nullable UUID mergedInto) {

    /** What happened to the record. */
    public enum Kind {
        UPSERT,
        MERGED,
        ERASED
    }

    public static SyncedChange upsert(String recordType, UUID recordId, long version, JsonNode record) {
        return new SyncedChange(recordType, recordId, Kind.UPSERT, version, record, null);
    }

    public static SyncedChange merged(String recordType, UUID recordId, UUID mergedInto) {
        return new SyncedChange(recordType, recordId, Kind.MERGED, null, null, mergedInto);
    }

    public static SyncedChange erased(String recordType, UUID recordId) {
        return new SyncedChange(recordType, recordId, Kind.ERASED, null, null, null);
    }
}
