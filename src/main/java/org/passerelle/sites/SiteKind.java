package org.passerelle.sites;

/** What kind of place a site is. */
public enum SiteKind {
    /** A fixed site: walk-in centre, day centre, clinic. */
    FIXED,
    /** A shelter with beds. */
    SHELTER,
    /** A mobile team holding sessions at outreach locations (camps, squats, streets). */
    MOBILE_TEAM
}
