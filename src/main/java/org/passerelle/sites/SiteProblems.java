package org.passerelle.sites;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class SiteProblems {

    /** A latitude without a longitude, or the reverse. */
    public static final String COORDINATES_INCOMPLETE = "outreach-coordinates-incomplete";

    public static final String OUTREACH_LOCATION_EXISTS = "outreach-location-exists";

    public static final String OUTREACH_NEEDS_MOBILE_TEAM = "outreach-needs-mobile-team";

    public static final String PROGRAMME_EXISTS = "programme-exists";

    public static final String SITE_EXISTS = "site-exists";

    private SiteProblems() {}

    static DomainException coordinatesIncomplete() {
        return DomainException.invalidField("longitude", COORDINATES_INCOMPLETE);
    }

    /** An outreach location is added under a name the site already uses. */
    static DomainException outreachLocationExists() {
        return DomainException.invalid(OUTREACH_LOCATION_EXISTS);
    }

    /** An outreach location is added to a site that is not a mobile team. */
    static DomainException outreachNeedsMobileTeam() {
        return DomainException.invalid(OUTREACH_NEEDS_MOBILE_TEAM);
    }

    /** A programme is created with a code already used. */
    static DomainException programmeExists() {
        return DomainException.invalid(PROGRAMME_EXISTS);
    }

    /** A site is created under a name its programme already uses. */
    static DomainException siteExists() {
        return DomainException.invalid(SITE_EXISTS);
    }
}
