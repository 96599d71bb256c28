package org.passerelle.outreach;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * request writes nothing.
 */
public final class OutreachProblems {

    public static final String END_BEFORE_START = "outreach-end-before-start";

    public static final String COUNT_NEGATIVE = "outreach-count-negative";

    /** An outreach location of another site than the session's. */
    public static final String LOCATION_OTHER_SITE = "outreach-location-other-site";

    public static final String SITE_OUTSIDE_SCOPE = "outreach-site-outside-scope";

    public static final String UNKNOWN_NEED = "outreach-unknown-need";

    public static final String UNKNOWN_ITEM = "outreach-unknown-item";

    /** A member of the team who is not a user working at the session's site. */
    public static final String TEAM_MEMBER_UNKNOWN = "outreach-team-member-unknown";

    /** A consultation held at another site, on another day, or for no registered person. */
    public static final String CONSULTATION_NOT_OF_SESSION = "outreach-consultation-not-of-session";

    public static final String CONSULTATION_LINKED = "outreach-consultation-linked";

    public static final String ID_REUSED = "outreach-id-reused";

    private OutreachProblems() {}

    static DomainException endBeforeStart(String field) {
        return DomainException.invalidField(field, END_BEFORE_START);
    }

    static DomainException countNegative() {
        return DomainException.invalidField("tallies", COUNT_NEGATIVE);
    }

    static DomainException locationOtherSite() {
        return DomainException.invalidField("locationId", LOCATION_OTHER_SITE);
    }

    static DomainException siteOutsideScope() {
        return DomainException.forbidden(SITE_OUTSIDE_SCOPE);
    }

    static DomainException unknownNeed() {
        return DomainException.invalidField("needs", UNKNOWN_NEED);
    }

    static DomainException unknownItem() {
        return DomainException.invalidField("distributions", UNKNOWN_ITEM);
    }

    static DomainException teamMemberUnknown() {
        return DomainException.invalidField("team", TEAM_MEMBER_UNKNOWN);
    }

    static DomainException consultationNotOfSession() {
        return DomainException.invalidField("encounterId", CONSULTATION_NOT_OF_SESSION);
    }

    static DomainException consultationLinked() {
        return DomainException.conflict(CONSULTATION_LINKED);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }
}
