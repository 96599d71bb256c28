package org.passerelle.access;

import java.util.UUID;

/**
 * Published, synchronously and inside the changing transaction, when the security of an account
 * changes, so that the audit log records who changed what.
 */
public record AccountChanged(UUID userId, Change change) {

    /** What changed. */
    public enum Change {
        CREATED,
        ENABLED,
        DISABLED,
        PASSWORD_CHANGED,
        SESSIONS_ENDED,
        SECOND_FACTOR_ENROLLED,
        SECOND_FACTOR_RESET,
        RECOVERY_CODES_RENEWED,
        SECOND_FACTOR_REPLACED,
        SECOND_FACTOR_REMOVED
    }
}
