package org.passerelle.audit;

/** What was done. */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    SECOND_FACTOR,
    SECOND_FACTOR_FAILED,
    READ,
    SEARCH,
    CREATE,
    UPDATE,
    DELETE,
    EXPORT,
    ACCOUNT_CHANGE,
    REAUTHENTICATION,
    REAUTHENTICATION_FAILED,
    BREAK_THE_GLASS
}
