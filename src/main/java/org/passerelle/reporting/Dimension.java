package org.passerelle.reporting;

import org.jspecify.annotations.Nullable;

/**
 * A way to split an indicator's figure. The first four are columns of every fact relation that
 * offers them; site and programme come from the fact's {@code site_id}.
 */
public enum Dimension {
    /** FEMALE, MALE, OTHER or UNKNOWN: the person's sex. */
    SEX("sex"),
    /** 00-04, 05-14, 15-17, 18+ or unknown: the age on the day of the fact. */
    AGE_GROUP("age_group"),
    /** The discipline of the consultation. */
    DISCIPLINE("discipline"),
    /** NEW (first signed consultation of the person in the discipline), REPEAT, or GROUP. */
    VISIT("visit"),
    SITE(null),
    PROGRAMME(null);

    private final @Nullable String column;

    Dimension(@Nullable String column) {
        this.column = column;
    }

    /** The fact relation's column holding this dimension, or none for site and programme. */
    @Nullable
    String column() {
        return column;
    }

    /** Whether this dimension describes the person rather than each fact (counted once per person). */
    boolean ofPerson() {
        return this == SEX || this == AGE_GROUP;
    }
}
