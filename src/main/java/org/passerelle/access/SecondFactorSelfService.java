package org.passerelle.access;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a user does with their own second factor once they have one, each after proving who they
 * are ({@link SecondFactorProof}): new recovery codes, moving to a new authenticator app, and
 * turning two-step verification off where their role does not require it.
 */
@Service
@Transactional
class SecondFactorSelfService {

    private final SecondFactors secondFactors;
    private final SecondFactorRepository repository;
    private final TotpSecretCipher cipher;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SecondFactorSelfService(
            SecondFactors secondFactors,
            SecondFactorRepository repository,
            TotpSecretCipher cipher,
            ApplicationEventPublisher events,
            Clock clock) {
        this.secondFactors = secondFactors;
        this.repository = repository;
        this.cipher = cipher;
        this.events = events;
        this.clock = clock;
    }

    /** Ten new recovery codes in place of all the old ones, which stop working at once. */
    List<String> renewRecoveryCodes(UUID userId) {
        requireEnrolled(userId);
        return secondFactors.issueRecoveryCodes(userId, AccountChanged.Change.RECOVERY_CODES_RENEWED);
    }

    /**
     * A new secret for a new app, kept beside the current one until {@link #confirmReplacement}:
     * the current app keeps working meanwhile. Starting again discards the previous new secret.
     */
    SecondFactors.Enrolment beginReplacement(UUID userId, String username) {
        byte[] secret = Totp.newSecret(random);
        if (!repository.saveReplacement(userId, cipher.encrypt(secret, userId))) {
            throw AccessProblems.noSecondFactor();
        }
        String text = Base32.encode(secret);
        return new SecondFactors.Enrolment(text, secondFactors.uri(username, text));
    }

    /**
     * Makes the new secret the only one once a code from the new app proves it was set up, and
     * issues new recovery codes; returns them, to be shown once.
     */
    List<String> confirmReplacement(UUID userId, String code) {
        byte[] replacement =
                repository.findReplacement(userId).orElseThrow(() -> AccessProblems.noSecondFactorReplacement());
        OptionalLong step =
                Totp.matchingStep(cipher.decrypt(replacement, userId), SecondFactors.digits(code), clock.instant(), 0);
        if (step.isEmpty() || !repository.confirmReplacement(userId, replacement, step.getAsLong())) {
            throw AccessProblems.invalidCode();
        }
        return secondFactors.issueRecoveryCodes(userId, AccountChanged.Change.SECOND_FACTOR_REPLACED);
    }

    /**
     * Turns two-step verification off, secret and recovery codes alike; refused with
     * {@code second-factor-mandatory} where the user's roles require it.
     */
    void remove(CurrentUser user) {
        requireOptional(user);
        requireEnrolled(user.id());
        repository.delete(user.id());
        events.publishEvent(new AccountChanged(user.id(), AccountChanged.Change.SECOND_FACTOR_REMOVED));
    }

    /** Refuses, before any code is spent, a removal that the user's roles forbid. */
    @Transactional(readOnly = true)
    void requireOptional(CurrentUser user) {
        if (secondFactors.required(user.roles())) {
            throw AccessProblems.secondFactorMandatory();
        }
    }

    private void requireEnrolled(UUID userId) {
        if (!secondFactors.enrolled(userId)) {
            throw AccessProblems.noSecondFactor();
        }
    }
}
