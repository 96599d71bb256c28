package org.passerelle.care;

import java.util.EnumSet;
import java.util.Set;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.Role;

/** Who held the consultation. */
public enum Discipline {
    MEDICAL,
    NURSING,
    MENTAL_HEALTH,
    SOCIAL,
    LEGAL;

    /** The compartment this discipline's consultations live in unless they concern sexual violence. */
    public Compartment compartment() {
        return switch (this) {
            case MENTAL_HEALTH -> Compartment.MENTAL_HEALTH;
            case LEGAL -> Compartment.LEGAL;
            case MEDICAL, NURSING, SOCIAL -> Compartment.GENERAL;
        };
    }

    /** The built-in form this discipline's consultations are recorded with unless another is chosen. */
    public String formCode() {
        return switch (this) {
            case MEDICAL -> "medical-consultation";
            case NURSING -> "nursing-care";
            case MENTAL_HEALTH -> "mental-health-session";
            case SOCIAL -> "social-assessment";
            case LEGAL -> "legal-consultation";
        };
    }

    /**
     * The disciplines a user practises, and so the forms they may record with: clinicians
     * (doctors, nurses, midwives) medical and nursing care, psychologists mental health, social and
     * legal workers social and legal support, coordinators social support (health promotion,
     * orientation). Other roles practise none.
     */
    public static Set<Discipline> practisedBy(CurrentUser user) {
        Set<Discipline> practised = EnumSet.noneOf(Discipline.class);
        for (Role role : user.roles()) {
            switch (role) {
                case CLINICIAN -> practised.addAll(EnumSet.of(MEDICAL, NURSING));
                case PSYCHOLOGIST -> practised.add(MENTAL_HEALTH);
                case SOCIAL_LEGAL_WORKER -> practised.addAll(EnumSet.of(SOCIAL, LEGAL));
                case COORDINATOR -> practised.add(SOCIAL);
                case ADMINISTRATOR, DATA_OFFICER, LOGISTICIAN -> {}
            }
        }
        return practised;
    }

    /** Whether a consultation of this discipline may live in this compartment: its own, or SGBV. */
    public boolean allows(Compartment compartment) {
        return compartment == compartment() || compartment == Compartment.SGBV;
    }
}
