package org.passerelle.rights;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * step writes nothing.
 */
public final class RightsProblems {

    public static final String IN_FUTURE = "rights-in-future";

    /** Declared or assessed age given with a step that is not an age assessment. */
    public static final String AGE_NOT_FOR_STEP = "rights-age-not-for-step";

    public static final String VALID_UNTIL_BEFORE = "rights-valid-until-before";

    public static final String ID_REUSED = "rights-id-reused";

    private RightsProblems() {}

    static DomainException inFuture() {
        return DomainException.invalidField("occurredOn", IN_FUTURE);
    }

    static DomainException ageNotForStep(String field) {
        return DomainException.invalidField(field, AGE_NOT_FOR_STEP);
    }

    static DomainException validUntilBefore() {
        return DomainException.invalidField("validUntil", VALID_UNTIL_BEFORE);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException stepNotFound() {
        return DomainException.notFound(RightsFile.RECORD_TYPE);
    }
}
