package org.passerelle.access;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The TOTP second factor: who must use one, enrolment with a first code, verification at login
 * (a TOTP code or a single-use recovery code), and reset by an administrator.
 */
@Service
@Transactional(readOnly = true)
class SecondFactors {

    /** Roles that reach many people's data or the accounts themselves always need a second factor. */
    static final Set<Role> ALWAYS_REQUIRED = EnumSet.of(Role.ADMINISTRATOR, Role.DATA_OFFICER);

    static final String ISSUER = "Passerelle";

    /** A secret to enter in an authenticator app, as text (Base32) and as an otpauth URI for a QR code. */
    @Schema(name = "SecondFactorEnrolment")
    record Enrolment(String secret, String uri) {}

    /** How a code was accepted, or that it was not. */
    enum Verification {
        TOTP,
        RECOVERY_CODE,
        REFUSED
    }

    private final SecondFactorRepository repository;
    private final UserRepository users;
    private final TotpSecretCipher cipher;
    private final UserSessions sessions;
    private final SiteDirectory sites;
    private final Clock clock;
    private final boolean requiredForAll;
    private final SecureRandom random = new SecureRandom();
    private final ApplicationEventPublisher events;

    SecondFactors(
            SecondFactorRepository repository,
            UserRepository users,
            TotpSecretCipher cipher,
            UserSessions sessions,
            SiteDirectory sites,
            Clock clock,
            @Value("${passerelle.security.totp-required-for-all:false}") boolean requiredForAll,
            ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.users = users;
        this.cipher = cipher;
        this.sessions = sessions;
        this.sites = sites;
        this.clock = clock;
        this.requiredForAll = requiredForAll;
    }

    boolean required(Set<Role> roles) {
        return requiredForAll || roles.stream().anyMatch(ALWAYS_REQUIRED::contains);
    }

    boolean enrolled(UUID userId) {
        return repository.confirmed(userId);
    }

    /** Whether this user may do nothing but enrol until they have a second factor. */
    boolean mustEnrol(CurrentUser user) {
        return required(user.roles()) && !enrolled(user.id());
    }

    /** A new secret for the user, not active until confirmed; replaces an unconfirmed one. */
    @Transactional
    Enrolment begin(UUID userId, String username) {
        if (enrolled(userId)) {
            throw AccessProblems.secondFactorAlreadyEnrolled();
        }
        byte[] secret = Totp.newSecret(random);
        repository.savePending(userId, cipher.encrypt(secret, userId));
        String text = Base32.encode(secret);
        return new Enrolment(text, uri(username, text));
    }

    /** Activates the pending secret with a first valid code; returns new recovery codes, shown once. */
    @Transactional
    List<String> confirm(UUID userId, String code) {
        SecondFactorRepository.StoredSecret stored = repository
                .find(userId)
                .filter(found -> !found.confirmed())
                .orElseThrow(() -> AccessProblems.noSecondFactorEnrolment());
        OptionalLong step = Totp.matchingStep(
                cipher.decrypt(stored.encryptedSecret(), userId), digits(code), clock.instant(), stored.lastUsedStep());
        if (step.isEmpty() || !repository.acceptStep(userId, step.getAsLong())) {
            throw AccessProblems.invalidCode();
        }
        return issueRecoveryCodes(userId, AccountChanged.Change.SECOND_FACTOR_ENROLLED);
    }

    /**
     * Replaces all the user's recovery codes, used or not, with new ones and records the change;
     * returns the new codes, to be shown once.
     */
    @Transactional
    List<String> issueRecoveryCodes(UUID userId, AccountChanged.Change change) {
        List<String> codes = new ArrayList<>();
        List<SecondFactorRepository.StoredRecoveryCode> hashes = new ArrayList<>();
        for (int i = 0; i < RecoveryCodes.COUNT; i++) {
            String recoveryCode = RecoveryCodes.generate(random);
            byte[] salt = RecoveryCodes.newSalt(random);
            codes.add(recoveryCode);
            hashes.add(new SecondFactorRepository.StoredRecoveryCode(0, salt, RecoveryCodes.hash(salt, recoveryCode)));
        }
        repository.replaceRecoveryCodes(userId, hashes);
        events.publishEvent(new AccountChanged(userId, change));
        return List.copyOf(codes);
    }

    /** Checks a code typed at login: a TOTP code not used before, or an unused recovery code. */
    @Transactional
    Verification verify(UUID userId, String typed) {
        SecondFactorRepository.StoredSecret stored = activeSecret(userId);
        if (stored == null) {
            return Verification.REFUSED;
        }
        if (looksLikeTotpCode(typed)) {
            return acceptTotp(userId, stored, typed) ? Verification.TOTP : Verification.REFUSED;
        }
        for (SecondFactorRepository.StoredRecoveryCode recovery : repository.unusedRecoveryCodes(userId)) {
            if (RecoveryCodes.matches(recovery.salt(), recovery.hash(), typed)) {
                return repository.useRecoveryCode(recovery.id()) ? Verification.RECOVERY_CODE : Verification.REFUSED;
            }
        }
        return Verification.REFUSED;
    }

    /**
     * Checks a TOTP code from the user's current app, never a recovery code: for changes that must
     * be made with the phone in hand. A recovery code typed here is refused and stays unused.
     */
    @Transactional
    boolean verifyTotp(UUID userId, String typed) {
        SecondFactorRepository.StoredSecret stored = activeSecret(userId);
        return stored != null && looksLikeTotpCode(typed) && acceptTotp(userId, stored, typed);
    }

    static boolean looksLikeTotpCode(String typed) {
        String code = digits(typed);
        return code.length() == Totp.DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The confirmed secret of an enabled user, or null. */
    private SecondFactorRepository.@Nullable StoredSecret activeSecret(UUID userId) {
        boolean enabled =
                users.findById(userId).map(user -> user.account().enabled()).orElse(false);
        return repository
                .find(userId)
                .filter(found -> enabled && found.confirmed())
                .orElse(null);
    }

    private boolean acceptTotp(UUID userId, SecondFactorRepository.StoredSecret stored, String typed) {
        OptionalLong step = Totp.matchingStep(
                cipher.decrypt(stored.encryptedSecret(), userId),
                digits(typed),
                clock.instant(),
                stored.lastUsedStep());
        return step.isPresent() && repository.acceptStep(userId, step.getAsLong());
    }

    /** Removes a user's second factor and recovery codes and ends their sessions; returns how many ended. */
    @Transactional
    int reset(UUID userId) {
        if (users.findById(userId).isEmpty()) {
            throw DomainException.notFound("user");
        }
        repository.delete(userId);
        events.publishEvent(new AccountChanged(userId, AccountChanged.Change.SECOND_FACTOR_RESET));
        return sessions.endAll(userId);
    }

    String uri(String username, String secret) {
        String account =
                sites.organisationName().filter(name -> !name.isBlank()).orElse(ISSUER);
        return "otpauth://totp/" + encode(account) + ":" + encode(username) + "?secret=" + secret + "&issuer="
                + encode(ISSUER) + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String digits(String typed) {
        return typed.replaceAll("\\s", "");
    }
}
