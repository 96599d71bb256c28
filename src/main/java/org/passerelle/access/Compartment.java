package org.passerelle.access;

/**
 * Where a record about a person lives, and so who may see it. The general compartment is shared
 * by the care team; the others are need-to-know: only the roles that work in them open them, and
 * anyone else only through a break-the-glass.
 */
public enum Compartment {
    /** Medical, nursing and social care that the whole care team shares. */
    GENERAL,
    /** Psychological and psychiatric care. */
    MENTAL_HEALTH,
    /** Care after sexual and gender-based violence. */
    SGBV,
    /** Legal advice, asylum and migration procedures. */
    LEGAL
}
