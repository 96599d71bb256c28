package org.passerelle.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One line of the audit log as a data officer reads it. */
public record AuditEntry(
        long id,
        Instant occurredAt,
        @Nullable UUID actorId,
        String actorName,
        AuditAction action,
        @Nullable String recordType,
        @Nullable UUID recordId,
        @Nullable UUID siteId,
        String outcome) {}
