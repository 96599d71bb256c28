package org.passerelle.demo;

import java.util.List;
import java.util.SplittableRandom;
import org.passerelle.access.Compartment;
import org.passerelle.care.Discipline;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.Sex;

/**
 * The form a demo consultation is recorded with and its structured answers: antenatal visits for
 * pregnant women, a first response after sexual violence now and then for women (in the SGBV
 * compartment), follow-up forms for unaccompanied minors, and a referral to the usual destination
 * of the discipline for some.
 */
final class DemoForms {

    /** A form code, the compartment the consultation lives in, and the structured answers as JSON. */
    record Form(String code, Compartment compartment, String coded) {}

    static final int SGBV_PERCENT = 3;
    static final int MINOR_FOLLOW_UP_PERCENT = 40;

    private DemoForms() {}

    static Form form(PersonMaker.MadePerson made, Discipline discipline, String diagnosis, SplittableRandom random) {
        boolean female = made.person().sex() == Sex.FEMALE;
        String code = discipline.formCode();
        Compartment compartment = discipline.compartment();
        if (discipline == Discipline.MEDICAL && diagnosis.equals("Suivi de grossesse")) {
            code = "antenatal-visit";
        } else if (discipline == Discipline.MEDICAL && female && NameMaker.percent(random, SGBV_PERCENT)) {
            code = "sgbv-first-response";
            compartment = Compartment.SGBV;
        } else if (discipline == Discipline.SOCIAL
                && made.person().flags().contains(Flag.UNACCOMPANIED_MINOR)
                && NameMaker.percent(random, MINOR_FOLLOW_UP_PERCENT)) {
            code = "minor-follow-up";
        }
        return new Form(code, compartment, coded(discipline, random));
    }

    /**
     * A referral for some consultations, to where this discipline usually sends people: the
     * options of the core forms' {@code referred-to} question.
     */
    private static String coded(Discipline discipline, SplittableRandom random) {
        List<String> destinations = switch (discipline) {
            case MEDICAL -> List.of("pass", "pass", "hospital-emergency", "cegidd", "pmi", "dentist");
            case NURSING -> List.of("pass", "cegidd", "general-practitioner");
            case MENTAL_HEALTH -> List.of("mental-health", "mental-health", "hospital-emergency");
            case SOCIAL -> List.of("social-worker", "child-protection", "pass");
            case LEGAL -> List.of("legal-advice", "child-protection");
        };
        int percent = discipline == Discipline.MEDICAL ? 12 : 6;
        return NameMaker.percent(random, percent)
                ? "{\"referred-to\": \"" + NameMaker.pick(destinations, random) + "\"}"
                : "{}";
    }
}
