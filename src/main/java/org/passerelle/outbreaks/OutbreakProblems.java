package org.passerelle.outbreaks;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * case, classification, population or household writes nothing.
 */
public final class OutbreakProblems {

    public static final String UNKNOWN_DISEASE = "outbreak-unknown-disease";

    public static final String UNKNOWN_CLASSIFICATION = "outbreak-unknown-classification";

    /** An onset after the admission or after the outcome. */
    public static final String ONSET_AFTER = "outbreak-onset-after";

    public static final String DATE_IN_FUTURE = "outbreak-date-in-future";

    public static final String OUTCOME_DATE_WITHOUT_OUTCOME = "outbreak-outcome-date-without-outcome";

    public static final String COORDINATES_OUT_OF_RANGE = "outbreak-coordinates-out-of-range";

    /** A severity that the disease does not declare. */
    public static final String UNKNOWN_SEVERITY = "outbreak-unknown-severity";

    public static final String PLACE_OUTSIDE_SITE = "outbreak-place-outside-site";

    public static final String SITE_OUTSIDE_SCOPE = "outbreak-site-outside-scope";

    /** A free residual chlorine reading below 0 or above 10 mg/L, which no field test reads. */
    public static final String CHLORINE_OUT_OF_RANGE = "outbreak-chlorine-out-of-range";

    public static final String HOUSEHOLD_OUTSIDE_RING = "outbreak-household-outside-ring";

    /** A client id already used for another record. */
    public static final String ID_REUSED = "outbreak-id-reused";

    private OutbreakProblems() {}

    static DomainException unknownDisease() {
        return DomainException.invalidField("disease", UNKNOWN_DISEASE);
    }

    static DomainException unknownClassification() {
        return DomainException.invalidField("classification", UNKNOWN_CLASSIFICATION);
    }

    static DomainException onsetAfter(String field) {
        return DomainException.invalidField(field, ONSET_AFTER);
    }

    static DomainException dateInFuture(String field) {
        return DomainException.invalidField(field, DATE_IN_FUTURE);
    }

    static DomainException outcomeDateWithoutOutcome() {
        return DomainException.invalidField("outcomeOn", OUTCOME_DATE_WITHOUT_OUTCOME);
    }

    static DomainException coordinatesOutOfRange(String field) {
        return DomainException.invalidField(field, COORDINATES_OUT_OF_RANGE);
    }

    static DomainException unknownSeverity() {
        return DomainException.invalidField("severity", UNKNOWN_SEVERITY);
    }

    static DomainException placeOutsideSite() {
        return DomainException.invalidField("outreachLocationId", PLACE_OUTSIDE_SITE);
    }

    static DomainException siteOutsideScope() {
        return DomainException.forbidden(SITE_OUTSIDE_SCOPE);
    }

    static DomainException chlorineOutOfRange(String field) {
        return DomainException.invalidField(field, CHLORINE_OUT_OF_RANGE);
    }

    static DomainException householdOutsideRing() {
        return DomainException.invalidField("latitude", HOUSEHOLD_OUTSIDE_RING);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }
}
