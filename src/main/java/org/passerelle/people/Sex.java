package org.passerelle.people;

/** Sex as the person states it; {@code UNKNOWN} when not asked or not given. */
public enum Sex {
    FEMALE,
    MALE,
    OTHER,
    UNKNOWN
}
