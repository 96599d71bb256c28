package org.passerelle.people;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class PeopleProblems {

    public static final String ALREADY_REVIEWED = "already-reviewed";

    public static final String BIRTH_DATE_IN_FUTURE = "birth-date-in-future";

    public static final String BIRTH_DATE_INCOMPLETE = "birth-date-incomplete";

    public static final String BIRTH_DATE_TOO_OLD = "birth-date-too-old";

    public static final String CARE_REASON_TOO_SHORT = "care-reason-too-short";

    public static final String COMPARTMENT_NOT_ALLOWED = "compartment-not-allowed";

    public static final String DUPLICATE_ALREADY_DECIDED = "duplicate-already-decided";

    public static final String DUPLICATE_GROUP_CHANGED = "duplicate-group-changed";

    public static final String DUPLICATE_GROUP_INVALID = "duplicate-group-invalid";

    public static final String DUPLICATE_SCAN_RUNNING = "duplicate-scan-running";

    public static final String EMERGENCY_REASON_TOO_SHORT = "emergency-reason-too-short";

    public static final String MERGE_ALREADY_UNDONE = "merge-already-undone";

    public static final String MERGE_CHAIN = "merge-chain";

    public static final String MERGE_WITH_ITSELF = "merge-with-itself";

    public static final String NO_SITE_CHOSEN = "no-site-chosen";

    public static final String NOT_IN_PAIR = "not-in-pair";

    public static final String OWN_EMERGENCY_ACCESS = "own-emergency-access";

    public static final String PATIENT_CODE_INVALID = "patient-code-invalid";

    public static final String PATIENT_CODE_MISMATCH = "patient-code-mismatch";

    public static final String PATIENT_CODE_TAKEN = "patient-code-taken";

    public static final String PERSON_EXISTS = "person-exists";

    public static final String PERSON_OUTSIDE_SCOPE = "person-outside-scope";

    public static final String SEARCH_AGE_AND_BIRTH_YEAR = "search-age-and-birth-year";

    public static final String SEARCH_EMPTY = "search-empty";

    private PeopleProblems() {}

    /** An emergency access is reviewed a second time. */
    static DomainException alreadyReviewed() {
        return DomainException.conflict(ALREADY_REVIEWED);
    }

    /** A birth date, or a searched year of birth, is in the future. */
    static DomainException birthDateInFuture(String field) {
        return DomainException.invalidField(field, BIRTH_DATE_IN_FUTURE);
    }

    /** A birth date is given with neither the date nor the estimated age. */
    static DomainException birthDateIncomplete(String field) {
        return DomainException.invalidField(field, BIRTH_DATE_INCOMPLETE);
    }

    /** A birth date, or a searched year of birth, is more than 120 years ago. */
    static DomainException birthDateTooOld(String field) {
        return DomainException.invalidField(field, BIRTH_DATE_TOO_OLD);
    }

    /** A person is taken into care at a site with too short a reason. */
    static DomainException careReasonTooShort() {
        return DomainException.invalidField("reason", CARE_REASON_TOO_SHORT);
    }

    /** A user reads or writes a compartment their role does not work in. */
    static DomainException compartmentNotAllowed() {
        return DomainException.forbidden(COMPARTMENT_NOT_ALLOWED);
    }

    /** A possible duplicate pair is decided again after someone else decided it. */
    static DomainException duplicateAlreadyDecided() {
        return DomainException.conflict(DUPLICATE_ALREADY_DECIDED);
    }

    /** A group of likely duplicates is decided after its pairs changed (decided by someone else, a new scan). */
    static DomainException duplicateGroupChanged() {
        return DomainException.conflict(DUPLICATE_GROUP_CHANGED);
    }

    /** A decision on a group names a record twice, or not the group's records exactly. */
    static DomainException duplicateGroupInvalid(String field) {
        return DomainException.invalidField(field, DUPLICATE_GROUP_INVALID);
    }

    /** A duplicate scan is started while another one runs. */
    static DomainException duplicateScanRunning() {
        return DomainException.conflict(DUPLICATE_SCAN_RUNNING);
    }

    /** A file is opened in an emergency (break the glass) with too short a reason. */
    static DomainException emergencyReasonTooShort() {
        return DomainException.invalidField("reason", EMERGENCY_REASON_TOO_SHORT);
    }

    /** A merge is undone a second time. */
    static DomainException mergeAlreadyUndone() {
        return DomainException.conflict(MERGE_ALREADY_UNDONE);
    }

    /** A record that already holds merged records is merged into another. */
    static DomainException mergeChain() {
        return DomainException.conflict(MERGE_CHAIN);
    }

    /** A record is merged with itself. */
    static DomainException mergeWithItself(String field) {
        return DomainException.invalidField(field, MERGE_WITH_ITSELF);
    }

    /** An action needs the site the user works at, and none was chosen in this session. */
    static DomainException noSiteChosen() {
        return DomainException.invalid(NO_SITE_CHOSEN);
    }

    /** The record kept from a duplicate pair is not one of the pair. */
    static DomainException notInPair() {
        return DomainException.invalidField("keptId", NOT_IN_PAIR);
    }

    /** A user reviews their own emergency access. */
    static DomainException ownEmergencyAccess() {
        return DomainException.forbidden(OWN_EMERGENCY_ACCESS);
    }

    /** An imported person's patient code is not a valid patient code. */
    static DomainException patientCodeInvalid() {
        return DomainException.invalidField("patientCode", PATIENT_CODE_INVALID);
    }

    /** The patient code typed when taking a person into care is not theirs. */
    static DomainException patientCodeMismatch() {
        return DomainException.invalidField("patientCode", PATIENT_CODE_MISMATCH);
    }

    /** An import gives a patient code twice or one that already belongs to a person. */
    static DomainException patientCodeTaken() {
        return DomainException.invalid(PATIENT_CODE_TAKEN);
    }

    /** A person is registered again under an id already used. */
    static DomainException personExists() {
        return DomainException.conflict(PERSON_EXISTS);
    }

    /** A user reaches a person who is not in care at any of their sites. */
    static DomainException personOutsideScope() {
        return DomainException.forbidden(PERSON_OUTSIDE_SCOPE);
    }

    /** A search gives both an age and a year of birth. */
    static DomainException searchAgeAndBirthYear() {
        return DomainException.invalidField("age", SEARCH_AGE_AND_BIRTH_YEAR);
    }

    /** A search gives neither a name nor a patient code. */
    static DomainException searchEmpty() {
        return DomainException.invalidField("query", SEARCH_EMPTY);
    }
}
