package org.passerelle.shelters;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * request writes nothing.
 */
public final class ShelterProblems {

    /** Another person holds the bed on one of the nights asked for. */
    public static final String BED_TAKEN = "shelter-bed-taken";

    public static final String BED_OUT_OF_SERVICE = "shelter-bed-out-of-service";

    /** An emergency bed asked for on a night no emergency opening covers. */
    public static final String EMERGENCY_BED_CLOSED = "shelter-emergency-bed-closed";

    public static final String DISCHARGE_BEFORE_ADMISSION = "shelter-discharge-before-admission";

    /** A person under 18 in a room for adults only, or an adult in a room for minors only. */
    public static final String ROOM_AGE_RESTRICTED = "shelter-room-age-restricted";

    /** A man or a boy in a room for girls and women only. */
    public static final String ROOM_GIRLS_ONLY = "shelter-room-girls-only";

    public static final String NOT_A_SHELTER = "shelter-not-a-shelter";

    public static final String SITE_OUTSIDE_SCOPE = "shelter-site-outside-scope";

    public static final String ALREADY_STAYING = "shelter-already-staying";

    public static final String STAY_ENDED = "shelter-stay-ended";

    public static final String NAME_TAKEN = "shelter-name-taken";

    public static final String OPENING_OVERLAPS = "shelter-opening-overlaps";

    public static final String OUTAGE_OVERLAPS = "shelter-outage-overlaps";

    public static final String NIGHT_OUTSIDE_STAY = "shelter-night-outside-stay";

    public static final String UNKNOWN_CRITERION = "shelter-unknown-criterion";

    public static final String REQUEST_CLOSED = "shelter-request-closed";

    public static final String ID_REUSED = "shelter-id-reused";

    private ShelterProblems() {}

    /** Names the bed as the field at fault, so that a device's admission refused for it offers another bed. */
    static DomainException bedTaken() {
        return new BedTaken();
    }

    private static final class BedTaken extends DomainException {

        private static final long serialVersionUID = 1L;

        BedTaken() {
            super(Kind.CONFLICT, BED_TAKEN, java.util.Map.of("field", "bedId"));
        }
    }

    static DomainException bedOutOfService() {
        return DomainException.invalidField("bedId", BED_OUT_OF_SERVICE);
    }

    static DomainException emergencyBedClosed() {
        return DomainException.invalidField("bedId", EMERGENCY_BED_CLOSED);
    }

    static DomainException dischargeBeforeAdmission() {
        return DomainException.invalidField("dischargedOn", DISCHARGE_BEFORE_ADMISSION);
    }

    static DomainException roomAgeRestricted() {
        return DomainException.invalidField("bedId", ROOM_AGE_RESTRICTED);
    }

    static DomainException roomGirlsOnly() {
        return DomainException.invalidField("bedId", ROOM_GIRLS_ONLY);
    }

    static DomainException notAShelter() {
        return DomainException.invalidField("siteId", NOT_A_SHELTER);
    }

    static DomainException siteOutsideScope() {
        return DomainException.forbidden(SITE_OUTSIDE_SCOPE);
    }

    static DomainException alreadyStaying() {
        return DomainException.conflict(ALREADY_STAYING);
    }

    static DomainException stayEnded() {
        return DomainException.conflict(STAY_ENDED);
    }

    static DomainException nameTaken() {
        return DomainException.conflict(NAME_TAKEN);
    }

    static DomainException openingOverlaps() {
        return DomainException.conflict(OPENING_OVERLAPS);
    }

    static DomainException outageOverlaps() {
        return DomainException.conflict(OUTAGE_OVERLAPS);
    }

    static DomainException nightOutsideStay() {
        return DomainException.invalidField("night", NIGHT_OUTSIDE_STAY);
    }

    static DomainException unknownCriterion(String field) {
        return DomainException.invalidField(field, UNKNOWN_CRITERION);
    }

    static DomainException requestClosed() {
        return DomainException.conflict(REQUEST_CLOSED);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException notFound(String recordType) {
        return DomainException.notFound(recordType);
    }
}
