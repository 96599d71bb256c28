package org.passerelle.audit;

/** What was done. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT
}
