package org.passerelle.platform;

import java.util.Map;

/**
 * The few failures a module reports to its callers. Each carries a stable code that clients and
 * tests rely on and a message key resolved in the user's language when mapped to a problem detail.
 */
public class DomainException extends RuntimeException {

    /** How a failure maps to HTTP. */
    public enum Kind {
        NOT_FOUND,
        CONFLICT,
        INVALID,
        FORBIDDEN,
        UNAUTHENTICATED,
        THROTTLED,
        /** The server is too busy for this request now: the caller sends it again after {@code retryAfterSeconds}. */
        UNAVAILABLE
    }

    /** The record does not exist, or the user may not see it. */
    public static final String NOT_FOUND = "not-found";

    /** Someone else changed the record since the caller read it. */
    public static final String STALE_VERSION = "stale-version";

    /** The user's role does not allow this action. */
    public static final String ROLE_NOT_ALLOWED = "role-not-allowed";

    /** A field of the input is not valid. */
    public static final String INVALID_INPUT = "invalid-input";

    /** A number of the input is outside the range allowed. */
    public static final String OUT_OF_RANGE = "out-of-range";

    /** Nobody is logged in. */
    public static final String NOT_AUTHENTICATED = "not-authenticated";

    /** Too many failed attempts in a short time. */
    public static final String TOO_MANY_ATTEMPTS = "too-many-attempts";

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    protected DomainException(Kind kind, String code, Map<String, Object> details) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** The record of type {@code recordType} does not exist, or the user may not see it. */
    public static DomainException notFound(String recordType) {
        return new DomainException(Kind.NOT_FOUND, NOT_FOUND, Map.of("recordType", recordType));
    }

    /** Someone else changed the record since the caller read it; nothing was written. */
    public static DomainException staleVersion(long currentVersion) {
        return new DomainException(Kind.CONFLICT, STALE_VERSION, Map.of("currentVersion", currentVersion));
    }

    /** The record is in a state that does not allow this, whatever the input. */
    public static DomainException conflict(String code) {
        return new DomainException(Kind.CONFLICT, code, Map.of());
    }

    public static DomainException invalid(String code) {
        return new DomainException(Kind.INVALID, code, Map.of());
    }

    /** One field of the input is wrong; the field's JSON path is reported with the code. */
    public static DomainException invalidField(String field, String code) {
        return new DomainException(Kind.INVALID, code, Map.of("field", field));
    }

    /** The user's role does not allow this action, in any module. */
    public static DomainException roleNotAllowed() {
        return forbidden(ROLE_NOT_ALLOWED);
    }

    /** The value of {@code field} is not one the request may hold (an unknown format or language). */
    public static DomainException invalidInput(String field) {
        return invalidField(field, INVALID_INPUT);
    }

    /** The number in {@code field} is outside the range allowed. */
    public static DomainException outOfRange(String field) {
        return invalidField(field, OUT_OF_RANGE);
    }

    public static DomainException forbidden(String code) {
        return new DomainException(Kind.FORBIDDEN, code, Map.of());
    }

    public static DomainException unauthenticated() {
        return unauthenticated(NOT_AUTHENTICATED);
    }

    public static DomainException unauthenticated(String code) {
        return new DomainException(Kind.UNAUTHENTICATED, code, Map.of());
    }

    /** Too many attempts: the caller must wait {@code retryAfterSeconds} before trying again. */
    public static DomainException throttled(long retryAfterSeconds) {
        return new DomainException(Kind.THROTTLED, TOO_MANY_ATTEMPTS, Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    /** The server cannot serve this now: the caller sends the same request again after {@code retryAfterSeconds}. */
    public static DomainException unavailable(String code, long retryAfterSeconds) {
        return new DomainException(Kind.UNAVAILABLE, code, Map.of("retryAfterSeconds", retryAfterSeconds));
    }

    public Kind kind() {
        return kind;
    }

    /** Stable, machine-readable code such as {@code stale-version}. */
    public String code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }
}
