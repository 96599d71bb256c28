package org.passerelle.care;

import org.passerelle.access.Compartment;

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

    /** Whether a consultation of this discipline may live in this compartment: its own, or SGBV. */
    public boolean allows(Compartment compartment) {
        return compartment == compartment() || compartment == Compartment.SGBV;
    }
}
