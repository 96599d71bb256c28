package org.passerelle.referrals;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * request writes nothing.
 */
public final class ReferralProblems {

    /** A referral to a service marked closed in the directory. */
    public static final String SERVICE_CLOSED = "referral-service-closed";

    /** A referral, a step or an accompaniment dated after today. */
    public static final String IN_FUTURE = "referral-in-future";

    /** A step dated before the referral's previous one. */
    public static final String BEFORE_PREVIOUS = "referral-before-previous-step";

    /** A step that does not follow from the referral's status (attended after refused...). */
    public static final String STEP_NOT_ALLOWED = "referral-step-not-allowed";

    /** A client id already used for another referral or accompaniment. */
    public static final String ID_REUSED = "referral-id-reused";

    /** A consultation turned into a referral that is not signed or has no "referred-to" answer. */
    public static final String NO_REFERRED_ANSWER = "referral-no-referred-answer";

    /** A data·inclusion file that does not follow the schema. */
    public static final String BAD_IMPORT = "directory-bad-import";

    private ReferralProblems() {}

    static DomainException noReferredAnswer() {
        return DomainException.invalid(NO_REFERRED_ANSWER);
    }

    static DomainException serviceClosed() {
        return DomainException.conflict(SERVICE_CLOSED);
    }

    static DomainException inFuture(String field) {
        return DomainException.invalidField(field, IN_FUTURE);
    }

    static DomainException beforePrevious(String field) {
        return DomainException.invalidField(field, BEFORE_PREVIOUS);
    }

    static DomainException stepNotAllowed() {
        return DomainException.conflict(STEP_NOT_ALLOWED);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException badImport(String field) {
        return DomainException.invalidField(field, BAD_IMPORT);
    }

    static DomainException serviceNotFound() {
        return DomainException.notFound(Directory.RECORD_TYPE);
    }

    static DomainException referralNotFound() {
        return DomainException.notFound(Referrals.RECORD_TYPE);
    }
}
