package org.passerelle.access;

/** What a user does in the organisation; a user may hold several roles. */
public enum Role {
    ADMINISTRATOR,
    COORDINATOR,
    CLINICIAN,
    PSYCHOLOGIST,
    SOCIAL_LEGAL_WORKER,
    DATA_OFFICER,
    LOGISTICIAN;

    /** Roles that meet the people served and so may register them and record their care. */
    public boolean caresForPeople() {
        return this == CLINICIAN || this == PSYCHOLOGIST || this == SOCIAL_LEGAL_WORKER || this == COORDINATOR;
    }
}
