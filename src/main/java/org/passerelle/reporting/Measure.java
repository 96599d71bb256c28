package org.passerelle.reporting;

/** What an indicator counts among the facts that pass its filter. */
public enum Measure {
    /** The facts themselves: consultations, sessions, registrations. */
    ROWS,
    /** The sum of the {@code attendees} column: the head counts of group sessions. */
    ATTENDEES,
    /** Distinct {@code person_key}s: persons, each counted once whatever their number of visits. */
    PERSONS
}
