package org.passerelle.vaccination;

import java.util.List;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.FieldFaults.Fault;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * dose, campaign or tally writes nothing.
 */
public final class VaccinationProblems {

    public static final String UNKNOWN_VACCINE = "vaccination-unknown-vaccine";

    /** A dose number beyond the vaccine's schedule. */
    public static final String DOSE_BEYOND_SCHEDULE = "vaccination-dose-beyond-schedule";

    /** VaccineDose N recorded while dose N - 1 is not. */
    public static final String DOSE_SKIPPED = "vaccination-dose-skipped";

    /** VaccineDose N of this vaccine is already on the person's file. */
    public static final String DOSE_ALREADY_GIVEN = "vaccination-dose-already-given";

    /** A dose before the previous dose plus the vaccine's minimum interval. */
    public static final String TOO_SOON = "vaccination-too-soon";

    /** The field's message of {@link #TOO_SOON}, which says the interval and the first day allowed. */
    public static final String TOO_SOON_DETAIL = "vaccination-too-soon-detail";

    public static final String IN_FUTURE = "vaccination-in-future";

    public static final String SITE_OUTSIDE_SCOPE = "vaccination-site-outside-scope";

    /** A campaign's dose of another vaccine, outside its dates or at a site it does not cover. */
    public static final String OUTSIDE_CAMPAIGN = "vaccination-outside-campaign";

    public static final String CAMPAIGN_ENDS_BEFORE_START = "vaccination-campaign-ends-before-start";

    /** A client id already used for another record. */
    public static final String ID_REUSED = "vaccination-id-reused";

    private VaccinationProblems() {}

    static DomainException unknownVaccine() {
        return DomainException.invalidField("vaccineCode", UNKNOWN_VACCINE);
    }

    static DomainException doseBeyondSchedule() {
        return DomainException.invalidField("doseNumber", DOSE_BEYOND_SCHEDULE);
    }

    static DomainException doseSkipped() {
        return DomainException.invalidField("doseNumber", DOSE_SKIPPED);
    }

    static DomainException doseAlreadyGiven() {
        return DomainException.conflict(DOSE_ALREADY_GIVEN);
    }

    /** Given fewer than {@code days} after the previous dose: the first day allowed is {@code earliest}. */
    static DomainException tooSoon(int days, String earliest) {
        return FieldFaults.of(TOO_SOON, List.of(Fault.of("givenOn", TOO_SOON_DETAIL, days, earliest)));
    }

    static DomainException inFuture(String field) {
        return DomainException.invalidField(field, IN_FUTURE);
    }

    static DomainException siteOutsideScope() {
        return DomainException.forbidden(SITE_OUTSIDE_SCOPE);
    }

    static DomainException outsideCampaign(String field) {
        return DomainException.invalidField(field, OUTSIDE_CAMPAIGN);
    }

    static DomainException campaignEndsBeforeStart() {
        return DomainException.invalidField("endsOn", CAMPAIGN_ENDS_BEFORE_START);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException campaignNotFound() {
        return DomainException.notFound(Campaigns.RECORD_TYPE);
    }

    static DomainException doseNotFound() {
        return DomainException.notFound(Doses.RECORD_TYPE);
    }
}
