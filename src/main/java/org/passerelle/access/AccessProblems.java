package org.passerelle.access;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class AccessProblems {

    public static final String BAD_CREDENTIALS = "bad-credentials";

    public static final String INVALID_CODE = "invalid-code";

    public static final String NO_SECOND_FACTOR = "no-second-factor";

    public static final String NO_SECOND_FACTOR_ENROLMENT = "no-second-factor-enrolment";

    public static final String NO_SECOND_FACTOR_REPLACEMENT = "no-second-factor-replacement";

    public static final String NO_SITE_CHOSEN = "no-site-chosen";

    public static final String PASSWORD_CONTAINS_USERNAME = "password-contains-username";

    public static final String PASSWORD_TOO_COMMON = "password-too-common";

    public static final String PASSWORD_TOO_SHORT = "password-too-short";

    public static final String REAUTHENTICATION_REQUIRED = "reauthentication-required";

    public static final String SECOND_FACTOR_ALREADY_ENROLLED = "second-factor-already-enrolled";

    public static final String SECOND_FACTOR_MANDATORY = "second-factor-mandatory";

    public static final String SITE_NOT_IN_SCOPE = "site-not-in-scope";

    public static final String TOTP_CODE_REQUIRED = "totp-code-required";

    public static final String USERNAME_TAKEN = "username-taken";

    public static final String WRONG_PASSWORD = "wrong-password";

    private AccessProblems() {}

    /** A login names an unknown user or gives the wrong password. */
    static DomainException badCredentials() {
        return DomainException.unauthenticated(BAD_CREDENTIALS);
    }

    /** A second-factor code typed to enrol, replace or re-authenticate is wrong or already used. */
    static DomainException invalidCode() {
        return DomainException.invalidField("code", INVALID_CODE);
    }

    /** The second-factor code typed at the second step of a login is wrong or already used. */
    static DomainException invalidCodeAtLogin() {
        return DomainException.unauthenticated(INVALID_CODE);
    }

    /** The user turns off or proves a second factor that they never set up. */
    static DomainException noSecondFactor() {
        return DomainException.invalid(NO_SECOND_FACTOR);
    }

    /** An enrolment is confirmed that was never started. */
    static DomainException noSecondFactorEnrolment() {
        return DomainException.invalid(NO_SECOND_FACTOR_ENROLMENT);
    }

    /** A replacement of the authentication app is confirmed that was never started. */
    static DomainException noSecondFactorReplacement() {
        return DomainException.invalid(NO_SECOND_FACTOR_REPLACEMENT);
    }

    /** An action needs the site the user works at, and none was chosen in this session. */
    static DomainException noSiteChosen() {
        return DomainException.invalid(NO_SITE_CHOSEN);
    }

    /** A module asks who is acting, and nobody is logged in. */
    static DomainException noCurrentUser() {
        return DomainException.forbidden(DomainException.NOT_AUTHENTICATED);
    }

    /** A new password contains the user name. */
    static DomainException passwordContainsUsername(String field) {
        return DomainException.invalidField(field, PASSWORD_CONTAINS_USERNAME);
    }

    /** A new password is in the list of most common passwords. */
    static DomainException passwordTooCommon(String field) {
        return DomainException.invalidField(field, PASSWORD_TOO_COMMON);
    }

    /** A new password has fewer characters than the policy asks. */
    static DomainException passwordTooShort(String field) {
        return DomainException.invalidField(field, PASSWORD_TOO_SHORT);
    }

    /** A sensitive action is asked without a recent re-authentication in this session. */
    static DomainException reauthenticationRequired() {
        return DomainException.forbidden(REAUTHENTICATION_REQUIRED);
    }

    /** A user who already has a second factor starts enrolling one. */
    static DomainException secondFactorAlreadyEnrolled() {
        return DomainException.invalid(SECOND_FACTOR_ALREADY_ENROLLED);
    }

    /** A user whose role requires a second factor tries to turn it off. */
    static DomainException secondFactorMandatory() {
        return DomainException.forbidden(SECOND_FACTOR_MANDATORY);
    }

    /** A user chooses, or acts at, a site outside their scope. */
    static DomainException siteNotInScope() {
        return DomainException.forbidden(SITE_NOT_IN_SCOPE);
    }

    /** A recovery code is given where only the authentication app's current code is accepted. */
    static DomainException totpCodeRequired() {
        return DomainException.invalidField("code", TOTP_CODE_REQUIRED);
    }

    /** An account is created with a user name another account already has. */
    static DomainException usernameTaken() {
        return DomainException.invalid(USERNAME_TAKEN);
    }

    /** The password typed to confirm an action or change the password is wrong. */
    static DomainException wrongPassword(String field) {
        return DomainException.invalidField(field, WRONG_PASSWORD);
    }
}
