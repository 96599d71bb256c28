package org.passerelle.care.forms;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One version of a form.
 *
 * @param builtIn whether it comes with Passerelle rather than from a coordinator
 */
public record FormVersion(
        String code,
        int version,
        FormStatus status,
        boolean builtIn,
        FormDefinition definition,
        Instant createdAt,
        @Nullable Instant publishedAt) {

    /** A stable id for the audit log, derived from the code and version. */
    public UUID auditId() {
        return auditId(code, version);
    }

    public static UUID auditId(String code, int version) {
        return UUID.nameUUIDFromBytes(
                ("form:" + code + ":" + version).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
