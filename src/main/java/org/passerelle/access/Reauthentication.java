package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Asks a logged-in user to confirm who they are again — password, and second-factor code when they
 * have one — before an export or a break-the-glass. A confirmation holds for a short window
 * ({@code passerelle.session.reauthentication-window}, 5 minutes by default) in that session only.
 */
@Service
public class Reauthentication {

    private static final String ATTRIBUTE = Reauthentication.class.getName() + ".at";

    private final CurrentUsers currentUsers;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SecondFactors secondFactors;
    private final LoginThrottle throttle;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration window;

    Reauthentication(
            CurrentUsers currentUsers,
            UserRepository users,
            PasswordEncoder passwordEncoder,
            SecondFactors secondFactors,
            LoginThrottle throttle,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${passerelle.session.reauthentication-window:5m}") Duration window) {
        this.currentUsers = currentUsers;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.secondFactors = secondFactors;
        this.throttle = throttle;
        this.events = events;
        this.clock = clock;
        this.window = window;
    }

    /** Refuses, with {@code reauthentication-required}, unless the user confirmed who they are within the window. */
    public void requireRecent() {
        currentUsers.current();
        HttpSession session = session();
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Instant at) || !recent(at)) {
            throw AccessProblems.reauthenticationRequired();
        }
    }

    /**
     * Like {@link #requireRecent}, but a login within the window counts too: for setting up a
     * second factor, which a user is asked to do right after logging in.
     */
    void requireRecentLoginOrConfirmation() {
        HttpSession session = session();
        if (session != null
                && session.getAttribute(UserSessions.LOGIN_TIME_ATTRIBUTE) instanceof Long loginTime
                && recent(Instant.ofEpochMilli(loginTime))) {
            return;
        }
        requireRecent();
    }

    private boolean recent(Instant at) {
        return !at.plus(window).isBefore(clock.instant());
    }

    private static @Nullable HttpSession session() {
        HttpServletRequest request = request();
        return request == null ? null : request.getSession(false);
    }

    /**
     * Checks the password and, for a user with a second factor, a TOTP or recovery code; wrong
     * answers are throttled and audited like failed logins and leave the session as it was.
     */
    void confirm(HttpServletRequest request, String password, @Nullable String code) {
        CurrentUser user = currentUsers.current();
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitBeforeAttempt(user.username(), address);
        if (!wait.isZero()) {
            throw DomainException.throttled(Math.max(1, wait.toSeconds()));
        }
        UserRepository.StoredUser stored =
                users.findById(user.id()).orElseThrow(() -> DomainException.unauthenticated());
        boolean passwordRight = passwordEncoder.matches(password, stored.passwordHash());
        boolean codeRight = !secondFactors.enrolled(user.id())
                || (passwordRight
                        && code != null
                        && secondFactors.verify(user.id(), code) != SecondFactors.Verification.REFUSED);
        if (!passwordRight || !codeRight) {
            throttle.failed(user.username(), address);
            events.publishEvent(new Reauthenticated(user.id(), user.username(), false));
            throw passwordRight ? AccessProblems.invalidCode() : AccessProblems.wrongPassword("password");
        }
        throttle.succeeded(user.username(), address);
        events.publishEvent(new Reauthenticated(user.id(), user.username(), true));
        request.changeSessionId();
        request.getSession().setAttribute(ATTRIBUTE, clock.instant());
    }

    private static @Nullable HttpServletRequest request() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
