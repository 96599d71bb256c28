package org.passerelle.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The fields of an audit entry that its MAC covers, as written and as read back. */
record SignedEntry(
        long id,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        String action,
        @Nullable String recordType,
        @Nullable UUID recordId,
        @Nullable UUID siteId,
        String outcome) {

    /** The columns {@link #read} needs, for a query on {@code audit.audit_event e}. */
    static final String COLUMNS =
            "e.id, e.occurred_at, e.actor_id, e.actor_name, e.action, e.record_type, e.record_id, e.site_id, e.outcome";

    static SignedEntry read(ResultSet row) throws SQLException {
        return new SignedEntry(
                row.getLong("id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                row.getObject("actor_id", UUID.class),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("record_type"),
                row.getObject("record_id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getString("outcome"));
    }

    byte[] encode() {
        return AuditEncoding.of(AuditEncoding.ENTRY)
                .field("id", id)
                .field("occurred_at", occurredAt)
                .field("actor_id", actorId)
                .field("actor_name", actorName)
                .field("action", action)
                .field("record_type", recordType)
                .field("record_id", recordId)
                .field("site_id", siteId)
                .field("outcome", outcome)
                .bytes();
    }

    /** The link of the keyed chain that seals this entry at {@code position} after {@code previous}. */
    static byte[] sealEncoding(byte[] previous, long position, long eventId, byte[] entryMac) {
        return AuditEncoding.of(AuditEncoding.SEAL)
                .field("previous", previous)
                .field("position", position)
                .field("event_id", eventId)
                .field("entry_mac", entryMac)
                .bytes();
    }

    static byte[] anchorEncoding(long position, byte[] chain) {
        return AuditEncoding.of(AuditEncoding.ANCHOR)
                .field("position", position)
                .field("chain", chain)
                .bytes();
    }
}
