package org.passerelle.rights;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures Pass de ville reports, each with its factory. Every code has a message
 * {@code problem.<code>} in each language of {@code messages*.properties}. A refused voucher, claim
 * or budget writes nothing.
 */
public final class PassProblems {

    public static final String NOT_ELIGIBLE = "pass-not-eligible";
    public static final String HANDED_OVER = "pass-handed-over";
    public static final String NOT_A_CITY_PROVIDER = "pass-not-a-city-provider";
    public static final String PROVIDER_CLOSED = "pass-provider-closed";
    public static final String BUDGET_OVERRUN = "pass-budget-overrun";
    public static final String ABOVE_CEILING = "pass-claim-above-ceiling";
    public static final String VOUCHER_CLOSED = "pass-voucher-closed";
    public static final String VOUCHER_EXPIRED = "pass-voucher-expired";
    public static final String BEFORE_ISSUE = "pass-claim-before-issue";
    public static final String IN_FUTURE = "pass-in-future";
    public static final String VALID_UNTIL = "pass-valid-until";
    public static final String CODE_INVALID = "pass-code-invalid";
    public static final String ID_REUSED = "pass-id-reused";

    private PassProblems() {}

    static DomainException notEligible() {
        return DomainException.conflict(NOT_ELIGIBLE);
    }

    static DomainException handedOver() {
        return DomainException.conflict(HANDED_OVER);
    }

    static DomainException notACityProvider() {
        return DomainException.invalidField("providerId", NOT_A_CITY_PROVIDER);
    }

    static DomainException providerClosed() {
        return DomainException.invalidField("providerId", PROVIDER_CLOSED);
    }

    static DomainException budgetOverrun() {
        return DomainException.conflict(BUDGET_OVERRUN);
    }

    static DomainException aboveCeiling() {
        return DomainException.invalidField("amountCents", ABOVE_CEILING);
    }

    static DomainException voucherClosed() {
        return DomainException.conflict(VOUCHER_CLOSED);
    }

    static DomainException voucherExpired() {
        return DomainException.conflict(VOUCHER_EXPIRED);
    }

    static DomainException beforeIssue() {
        return DomainException.invalidField("careOn", BEFORE_ISSUE);
    }

    static DomainException inFuture(String field) {
        return DomainException.invalidField(field, IN_FUTURE);
    }

    static DomainException validUntil() {
        return DomainException.invalidField("validUntil", VALID_UNTIL);
    }

    static DomainException codeInvalid() {
        return DomainException.invalidField("code", CODE_INVALID);
    }

    static DomainException idReused() {
        return DomainException.conflict(ID_REUSED);
    }

    static DomainException voucherNotFound() {
        return DomainException.notFound(PassVouchers.RECORD_TYPE);
    }
}
