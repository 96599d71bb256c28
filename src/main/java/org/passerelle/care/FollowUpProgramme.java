package org.passerelle.care;

import java.util.List;
import java.util.Set;
import org.passerelle.access.Compartment;

/**
 * The follow-up programmes a person is enrolled in: who may see the enrolment (its compartment),
 * which forms count as its visits, and the risk flags it tracks.
 */
public enum FollowUpProgramme {
    PREGNANCY(
            Compartment.GENERAL,
            Set.of("antenatal-visit"),
            List.of(
                    "adolescent",
                    "over-35",
                    "previous-caesarean",
                    "hypertension",
                    "diabetes",
                    "anaemia",
                    "multiple-pregnancy",
                    "bleeding",
                    "hiv",
                    "no-shelter",
                    "violence")),
    MENTAL_HEALTH(
            Compartment.MENTAL_HEALTH,
            Set.of("mental-health-session"),
            List.of("suicide-risk", "psychosis", "substance-use", "no-shelter", "isolated")),
    CHRONIC(
            Compartment.GENERAL,
            Set.of("medical-consultation", "nursing-care"),
            List.of("uncontrolled", "treatment-interrupted", "no-shelter", "complications")),
    SGBV(
            Compartment.SGBV,
            Set.of("sgbv-first-response", "medical-consultation", "mental-health-session"),
            List.of("pep-started", "pregnancy-test-due", "hiv-test-due", "unsafe", "minor"));

    /** The answers that say when the next visit is, in the forms that count as visits. */
    static final List<String> NEXT_VISIT_FIELDS =
            List.of("next-visit", "next-session", "follow-up", "next-review", "next-appointment");

    /** The answer of an antenatal visit that gives the expected date of delivery. */
    static final String DUE_DATE_FIELD = "due-date";

    private final Compartment compartment;
    private final Set<String> visitForms;
    private final List<String> riskFlags;

    FollowUpProgramme(Compartment compartment, Set<String> visitForms, List<String> riskFlags) {
        this.compartment = compartment;
        this.visitForms = visitForms;
        this.riskFlags = riskFlags;
    }

    public Compartment compartment() {
        return compartment;
    }

    /** Whether a consultation with this form is a visit of the programme. */
    public boolean countsAsVisit(String formCode) {
        return visitForms.contains(formCode);
    }

    public List<String> riskFlags() {
        return riskFlags;
    }
}
