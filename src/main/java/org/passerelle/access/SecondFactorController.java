package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.passerelle.access.SessionViews.SessionView;
import org.passerelle.platform.DomainException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The second step of login, and enrolment of a user's own TOTP second factor. */
@RestController
@RequestMapping("/api/session/second-factor")
class SecondFactorController {

    /** A 6-digit TOTP code, or at login a recovery code instead. */
    record CodeEntry(@NotBlank @Size(max = 32) String code) {}

    /** Shown once: only their hashes are kept. */
    record RecoveryCodesView(List<String> recoveryCodes) {}

    private final SecondFactors secondFactors;
    private final CurrentUsers currentUsers;
    private final LoginThrottle throttle;
    private final SessionStarter starter;
    private final SessionViews views;
    private final UserSessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Reauthentication reauthentication;

    SecondFactorController(
            SecondFactors secondFactors,
            CurrentUsers currentUsers,
            LoginThrottle throttle,
            SessionStarter starter,
            SessionViews views,
            UserSessions sessions,
            ApplicationEventPublisher events,
            Clock clock,
            Reauthentication reauthentication) {
        this.reauthentication = reauthentication;
        this.secondFactors = secondFactors;
        this.currentUsers = currentUsers;
        this.throttle = throttle;
        this.starter = starter;
        this.views = views;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    /** Completes a login awaiting its code; wrong codes are throttled like wrong passwords. */
    @PostMapping
    SessionView verify(@Valid @RequestBody CodeEntry entry, HttpServletRequest request, HttpServletResponse response) {
        PendingSecondFactor pending =
                PendingSecondFactor.in(request, clock).orElseThrow(() -> DomainException.unauthenticated());
        AccountPrincipal principal = pending.principal();
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitBeforeAttempt(principal.username(), address);
        if (!wait.isZero()) {
            throw DomainException.throttled(Math.max(1, wait.toSeconds()));
        }
        SecondFactors.Verification verification = secondFactors.verify(principal.id(), entry.code());
        if (verification == SecondFactors.Verification.REFUSED) {
            throttle.failed(principal.username(), address);
            events.publishEvent(new SecondFactorAttempted(principal.id(), principal.username(), false, false));
            throw AccessProblems.invalidCodeAtLogin();
        }
        throttle.succeeded(principal.username(), address);
        events.publishEvent(new SecondFactorAttempted(
                principal.id(), principal.username(), true, verification == SecondFactors.Verification.RECOVERY_CODE));
        return views.of(starter.start(pending.authentication(), principal, request, response));
    }

    /**
     * A new secret for the logged-in user, inactive until confirmed. Setting up an authentication
     * factor needs a login or an identity confirmation of the last few minutes, so that a session
     * left open cannot be given the attacker's own authenticator.
     */
    @PostMapping("/enrolment")
    SecondFactors.Enrolment enrol() {
        CurrentUser user = currentUsers.current();
        reauthentication.requireRecentLoginOrConfirmation();
        return secondFactors.begin(user.id(), user.username());
    }

    /**
     * Activates the second factor with a first code from the app, gives this session a new id and
     * ends the user's other sessions, which were opened with the password alone.
     */
    @PutMapping("/enrolment")
    RecoveryCodesView confirm(@Valid @RequestBody CodeEntry entry, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        List<String> codes = secondFactors.confirm(user.id(), entry.code());
        request.changeSessionId();
        sessions.endAll(user.id(), request.getSession());
        return new RecoveryCodesView(codes);
    }
}
