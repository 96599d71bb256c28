package org.passerelle.care;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class CareProblems {

    public static final String COMPARTMENT_NOT_ALLOWED_FOR_DISCIPLINE = "compartment-not-allowed-for-discipline";

    public static final String CONSULTATION_EXISTS = "consultation-exists";

    /** The general code of a follow-up whose fields break its rules, one fault per field. */
    public static final String INVALID_FOLLOW_UP = "invalid-follow-up";

    public static final String DATE_IMPLAUSIBLE = "date-implausible";

    public static final String DATE_IN_FUTURE = "date-in-future";

    public static final String DATE_TOO_OLD = "date-too-old";

    public static final String ENCOUNTER_NOT_SIGNED = "encounter-not-signed";

    public static final String ENCOUNTER_SIGNED = "encounter-signed";

    public static final String FOLLOW_UP_ACTIVE = "follow-up-active";

    public static final String FOLLOW_UP_CLOSED = "follow-up-closed";

    public static final String FOLLOW_UP_EXISTS = "follow-up-exists";

    public static final String FORM_NOT_FOR_DISCIPLINE = "form-not-for-discipline";

    public static final String FORM_NOT_FOR_PERSON = "form-not-for-person";

    public static final String PERSON_NOT_FOR_GROUP = "person-not-for-group";

    public static final String PERSON_REQUIRED = "person-required";

    public static final String NO_PRESCRIPTION = "no-prescription";

    public static final String NOT_THE_AUTHOR = "not-the-author";

    public static final String SITE_NOT_ALLOWED = "site-not-allowed";

    public static final String UNKNOWN_FORM = "unknown-form";

    public static final String UNKNOWN_LANGUAGE = "unknown-language";

    private CareProblems() {}

    /** A consultation is filed in a compartment other than its discipline's or sexual violence. */
    static DomainException compartmentNotAllowedForDiscipline() {
        return DomainException.invalidField("compartment", COMPARTMENT_NOT_ALLOWED_FOR_DISCIPLINE);
    }

    /** A consultation is recorded again under an id already used. */
    static DomainException consultationExists() {
        return DomainException.invalid(CONSULTATION_EXISTS);
    }

    /** A follow-up is closed on a date before it started or in the future. */
    static DomainException dateImplausible() {
        return DomainException.invalidField("closedOn", DATE_IMPLAUSIBLE);
    }

    /** A consultation is dated in the future. */
    static DomainException dateInFuture() {
        return DomainException.invalidField("occurredOn", DATE_IN_FUTURE);
    }

    /** A consultation is dated further back than the calendar allows. */
    static DomainException dateTooOld() {
        return DomainException.invalidField("occurredOn", DATE_TOO_OLD);
    }

    /** A draft consultation is amended or printed as if it were signed. */
    static DomainException encounterNotSigned() {
        return DomainException.conflict(ENCOUNTER_NOT_SIGNED);
    }

    /** A signed consultation is changed or discarded as if it were a draft. */
    static DomainException encounterSigned() {
        return DomainException.conflict(ENCOUNTER_SIGNED);
    }

    /** A person is enrolled in a programme where they are already followed. */
    static DomainException followUpActive() {
        return DomainException.conflict(FOLLOW_UP_ACTIVE);
    }

    /** A closed follow-up is changed or closed again. */
    static DomainException followUpClosed() {
        return DomainException.conflict(FOLLOW_UP_CLOSED);
    }

    /** A follow-up is recorded again under an id already used. */
    static DomainException followUpExists() {
        return DomainException.invalid(FOLLOW_UP_EXISTS);
    }

    /** A user records with a form of a discipline their role does not practise. */
    static DomainException formNotForDiscipline() {
        return DomainException.forbidden(FORM_NOT_FOR_DISCIPLINE);
    }

    /** A form is used for a person whose sex or age it does not apply to. */
    static DomainException formNotForPerson() {
        return DomainException.invalidField("formCode", FORM_NOT_FOR_PERSON);
    }

    /** A dosage sheet is asked for a consultation without a prescription. */
    static DomainException noPrescription() {
        return DomainException.conflict(NO_PRESCRIPTION);
    }

    /** Someone other than its author changes or discards a draft consultation. */
    static DomainException notTheAuthor() {
        return DomainException.forbidden(NOT_THE_AUTHOR);
    }

    /** A consultation is recorded or read at a site the user does not work at. */
    static DomainException siteNotAllowed() {
        return DomainException.forbidden(SITE_NOT_ALLOWED);
    }

    /** A consultation names a form that does not exist or is not published. */
    static DomainException unknownForm() {
        return DomainException.invalidField("formCode", UNKNOWN_FORM);
    }

    /** A sheet is asked in a language other than French, English or Arabic. */
    static DomainException unknownLanguage() {
        return DomainException.invalidField("language", UNKNOWN_LANGUAGE);
    }

    /** A group session is recorded with a person. */
    static DomainException personNotForGroup() {
        return DomainException.invalidField("personId", PERSON_NOT_FOR_GROUP);
    }

    /** A consultation that is not a group session is recorded without a person. */
    static DomainException personRequired() {
        return DomainException.invalidField("personId", PERSON_REQUIRED);
    }
}
