package org.passerelle.platform.retention;

import java.time.Instant;

/**
 * One type of record kept for a limited time, implemented by the module that owns the records.
 * The retention module finds every bean of this type, keeps a rule (months, enabled) for each
 * record type and, when it runs, asks for the records older than the rule's cutoff to be purged:
 * a new module adds a record type by declaring a bean, without touching the retention module.
 */
public interface RetainedRecords {

    /** Stable name of the record type, such as {@code person}; the key of its retention rule. */
    String recordType();

    /** How long the records are kept when nobody chose otherwise. */
    int defaultMonths();

    /** How many records {@link #purgeExpired} would remove now, and the date of the oldest; changes nothing. */
    ExpiredRecords countExpired(Instant cutoff);

    /**
     * Removes the records older than {@code cutoff}, in transactions of a bounded size of its own
     * (the caller holds no transaction), and returns how many were removed.
     */
    long purgeExpired(Instant cutoff);
}
