package org.passerelle.access;

import java.util.EnumSet;
import java.util.Set;

/** What a user does in the organisation; a user may hold several roles. */
public enum Role {
    ADMINISTRATOR,
    COORDINATOR,
    CLINICIAN,
    PSYCHOLOGIST,
    SOCIAL_LEGAL_WORKER,
    DATA_OFFICER,
    LOGISTICIAN;

    /**
     * The compartments this role reads and writes in. Roles that do not meet the people served
     * open none: they may see who a person is, where their role needs it, but not their care.
     */
    public Set<Compartment> compartments() {
        return switch (this) {
            case CLINICIAN -> EnumSet.of(Compartment.GENERAL, Compartment.SGBV);
            case PSYCHOLOGIST -> EnumSet.of(Compartment.GENERAL, Compartment.MENTAL_HEALTH, Compartment.SGBV);
            case SOCIAL_LEGAL_WORKER -> EnumSet.of(Compartment.GENERAL, Compartment.LEGAL);
            case COORDINATOR -> EnumSet.of(Compartment.GENERAL);
            case ADMINISTRATOR, DATA_OFFICER, LOGISTICIAN -> EnumSet.noneOf(Compartment.class);
        };
    }

    /** Roles that meet the people served and so may register them and record their care. */
    public boolean caresForPeople() {
        return this == CLINICIAN || this == PSYCHOLOGIST || this == SOCIAL_LEGAL_WORKER || this == COORDINATOR;
    }
}
