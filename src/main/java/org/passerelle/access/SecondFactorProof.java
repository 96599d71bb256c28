package org.passerelle.access;

import java.time.Duration;
import org.passerelle.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Proof that a logged-in user who changes their own second factor is really them: their password
 * and a code from their current authenticator app (or, where the phone may be lost, a recovery
 * code). Wrong answers count in the login throttle, are audited, and change nothing: the code is
 * only checked, and spent, once the password is right.
 */
@Component
class SecondFactorProof {

    /** Which codes prove it: a TOTP code only, or a recovery code too. */
    enum Accepted {
        TOTP_ONLY,
        TOTP_OR_RECOVERY_CODE
    }

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SecondFactors secondFactors;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;

    SecondFactorProof(
            UserRepository users,
            PasswordEncoder passwordEncoder,
            SecondFactors secondFactors,
            LoginThrottle throttle,
            ApplicationEventPublisher events) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.events = events;
    }

    /**
     * Returns normally when the password and code are right; otherwise throws a field error on
     * {@code password} or {@code code} (or {@code too-many-attempts} while throttled).
     */
    void check(CurrentUser user, String address, String password, String code, Accepted accepted) {
        if (!secondFactors.enrolled(user.id())) {
            throw AccessProblems.noSecondFactor();
        }
        Duration wait = throttle.waitBeforeAttempt(user.username(), address);
        if (!wait.isZero()) {
            throw DomainException.throttled(Math.max(1, wait.toSeconds()));
        }
        UserRepository.StoredUser stored =
                users.findById(user.id()).orElseThrow(() -> DomainException.unauthenticated());
        if (!passwordEncoder.matches(password, stored.passwordHash())) {
            throw refuse(user, address, AccessProblems.wrongPassword("password"));
        }
        boolean withRecoveryCode = false;
        if (accepted == Accepted.TOTP_ONLY) {
            if (!SecondFactors.looksLikeTotpCode(code)) {
                throw refuse(user, address, AccessProblems.totpCodeRequired());
            }
            if (!secondFactors.verifyTotp(user.id(), code)) {
                throw refuse(user, address, AccessProblems.invalidCode());
            }
        } else {
            SecondFactors.Verification verification = secondFactors.verify(user.id(), code);
            if (verification == SecondFactors.Verification.REFUSED) {
                throw refuse(user, address, AccessProblems.invalidCode());
            }
            withRecoveryCode = verification == SecondFactors.Verification.RECOVERY_CODE;
        }
        throttle.succeeded(user.username(), address);
        events.publishEvent(new SecondFactorAttempted(user.id(), user.username(), true, withRecoveryCode));
    }

    /** Counts and audits a wrong answer; returns the refusal to throw. */
    private DomainException refuse(CurrentUser user, String address, DomainException refusal) {
        throttle.failed(user.username(), address);
        events.publishEvent(new SecondFactorAttempted(user.id(), user.username(), false, false));
        return refusal;
    }
}
