package org.passerelle.water;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * point or reading writes nothing.
 */
public final class WaterProblems {

    /** A reading outside physical limits (one field's fault per measure that is). */
    public static final String READING_IMPOSSIBLE = "water-reading-impossible";

    public static final String CHLORINE_IMPOSSIBLE = "water-chlorine-impossible";

    public static final String TURBIDITY_IMPOSSIBLE = "water-turbidity-impossible";

    public static final String VOLUME_IMPOSSIBLE = "water-volume-impossible";

    /** A reading with no measure at all. */
    public static final String READING_EMPTY = "water-reading-empty";

    public static final String IN_FUTURE = "water-in-future";

    public static final String SITE_OUTSIDE_SCOPE = "water-site-outside-scope";

    /** A client id already used for another record. */
    public static final String ID_REUSED = "water-id-reused";

    private WaterProblems() {}

    static DomainException readingEmpty() {
        return DomainException.invalidField("chlorine", READING_EMPTY);
    }

    static DomainException inFuture() {
        return DomainException.invalidField("measuredAt", IN_FUTURE);
    }

    static DomainException siteOutsideScope() {
        return DomainException.forbidden(SITE_OUTSIDE_SCOPE);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException pointNotFound() {
        return DomainException.notFound(WaterPoints.RECORD_TYPE);
    }
}
