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
        THROTTLED
    }

    private final Kind kind;
    private final String code;
    private final Map<String, Object> details;

    protected DomainException(Kind kind, String code, Map<String, Object> details) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public static DomainException notFound(String recordType) {
        return new DomainException(Kind.NOT_FOUND, "not-found", Map.of("recordType", recordType));
    }

    /** Someone else changed the record since the caller read it; nothing was written. */
    public static DomainException staleVersion(long currentVersion) {
        return new DomainException(Kind.CONFLICT, "stale-version", Map.of("currentVersion", currentVersion));
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

    public static DomainException forbidden(String code) {
        return new DomainException(Kind.FORBIDDEN, code, Map.of());
    }

    public static DomainException unauthenticated() {
        return unauthenticated("not-authenticated");
    }

    public static DomainException unauthenticated(String code) {
        return new DomainException(Kind.UNAUTHENTICATED, code, Map.of());
    }

    /** Too many attempts: the caller must wait {@code retryAfterSeconds} before trying again. */
    public static DomainException throttled(long retryAfterSeconds) {
        return new DomainException(Kind.THROTTLED, "too-many-attempts", Map.of("retryAfterSeconds", retryAfterSeconds));
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
