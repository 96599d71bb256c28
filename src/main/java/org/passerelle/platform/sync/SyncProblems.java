package org.passerelle.platform.sync;

import org.passerelle.platform.DomainException;

/**
 * The failures of offline synchronisation: those of a mutation that every record type reports
 * alike, and those of the sync endpoints. Each code has a message {@code
 * problem.<code>} in each language of {@code messages*.properties}.
 */
public final class SyncProblems {

    public static final String UNKNOWN_FIELD = "sync-unknown-field";

    public static final String UNKNOWN_RECORD = "sync-unknown-record";

    public static final String BASE_VERSION_AHEAD = "sync-base-version-ahead";

    public static final String MALFORMED_MUTATION = "sync-malformed-mutation";

    public static final String UNKNOWN_RECORD_TYPE = "sync-unknown-record-type";

    public static final String SITE_NOT_ALLOWED = "sync-site-not-allowed";

    public static final String MUTATION_REUSED = "sync-mutation-reused";

    public static final String BATCH_TOO_LARGE = "sync-batch-too-large";

    public static final String CURSOR_INVALID = "sync-cursor-invalid";

    public static final String CONFLICT_RESOLVED = "sync-conflict-resolved";

    public static final String DEVICE_REQUIRED = "sync-device-required";

    public static final String BUSY = "sync-busy";

    private SyncProblems() {}

    /** No module declares this record type, or devices may not push it. */
    public static DomainException unknownRecordType() {
        return DomainException.invalidField("recordType", UNKNOWN_RECORD_TYPE);
    }

    /** The mutation's site is not one of the user's sites. */
    public static DomainException siteNotAllowed() {
        return DomainException.forbidden(SITE_NOT_ALLOWED);
    }

    /** The mutation id was already used for another mutation. */
    public static DomainException mutationReused() {
        return DomainException.conflict(MUTATION_REUSED);
    }

    /** More mutations than one batch may hold. */
    public static DomainException batchTooLarge() {
        return DomainException.invalidField("mutations", BATCH_TOO_LARGE);
    }

    /** A cursor the server did not give. */
    public static DomainException cursorInvalid() {
        return DomainException.invalidField("cursor", CURSOR_INVALID);
    }

    /** A push or pull without the {@code X-Passerelle-Device} header naming the device. */
    public static DomainException deviceRequired() {
        return DomainException.invalidField("X-Passerelle-Device", DEVICE_REQUIRED);
    }

    /** Every place for a push or pull is taken: the device sends the same request again later. */
    public static DomainException busy(long retryAfterSeconds) {
        return DomainException.unavailable(BUSY, retryAfterSeconds);
    }

    /** A conflict resolved a second time. */
    public static DomainException conflictResolved() {
        return DomainException.conflict(CONFLICT_RESOLVED);
    }

    /** A change names a field the record type does not have, or does not let a device change. */
    public static DomainException unknownField(String field) {
        return DomainException.invalidField(field, UNKNOWN_FIELD);
    }

    /** An update of a record the server does not hold, or that the user may not see. */
    public static DomainException unknownRecord() {
        return DomainException.invalid(UNKNOWN_RECORD);
    }

    /** A base version the server never gave. */
    public static DomainException baseVersionAhead() {
        return DomainException.conflict(BASE_VERSION_AHEAD);
    }

    /** A required part of the mutation is missing or of the wrong type. */
    public static DomainException malformed(String field) {
        return DomainException.invalidField(field, MALFORMED_MUTATION);
    }
}
