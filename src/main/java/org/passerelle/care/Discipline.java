package org.passerelle.care;

/** Who held the consultation. */
public enum Discipline {
    MEDICAL,
    NURSING,
    MENTAL_HEALTH,
    SOCIAL,
    LEGAL
}
