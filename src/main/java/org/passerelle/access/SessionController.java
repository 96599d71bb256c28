package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.SessionViews.SessionView;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Login, logout, the current session and the site it works at. */
@RestController
@RequestMapping("/api/session")
class SessionController {

    record Credentials(
            @NotBlank @Size(max = 100) String username,
            @NotBlank @Size(max = 256) String password) {}

    record SiteChoice(@NotNull UUID siteId) {}

    /** The password again, and the second-factor code for a user who has one. */
    record Confirmation(
            @NotBlank @Size(max = 256) String password,
            @Nullable @Size(max = 32) String code) {}

    record PasswordChange(
            @NotBlank @Size(max = 256) String currentPassword,
            @NotBlank @Size(max = 256) String newPassword) {}

    private final AuthenticationManager authenticationManager;
    private final CurrentUsers currentUsers;
    private final UserRepository users;
    private final SiteDirectory siteDirectory;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final UserSessions sessions;
    private final UserAccounts accounts;
    private final SecondFactors secondFactors;
    private final SessionStarter starter;
    private final SessionViews views;
    private final Reauthentication reauthentication;
    private final Clock clock;

    SessionController(
            AuthenticationManager authenticationManager,
            CurrentUsers currentUsers,
            UserRepository users,
            SiteDirectory siteDirectory,
            ApplicationEventPublisher events,
            LoginThrottle throttle,
            UserSessions sessions,
            UserAccounts accounts,
            SecondFactors secondFactors,
            SessionStarter starter,
            SessionViews views,
            Reauthentication reauthentication,
            Clock clock) {
        this.reauthentication = reauthentication;
        this.authenticationManager = authenticationManager;
        this.currentUsers = currentUsers;
        this.users = users;
        this.siteDirectory = siteDirectory;
        this.events = events;
        this.throttle = throttle;
        this.sessions = sessions;
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.starter = starter;
        this.views = views;
        this.clock = clock;
    }

    /** The logged-in user's session, or one awaiting its second-factor code. */
    @GetMapping
    ResponseEntity<SessionView> current(HttpServletRequest request) {
        Optional<SessionView> view = currentUsers.currentIfAny().map(views::of);
        if (view.isEmpty()) {
            view = PendingSecondFactor.in(request, clock)
                    .flatMap(pending -> users.findById(pending.principal().id()))
                    .map(stored -> views.pending(stored.account()));
        }
        return view.map(ResponseEntity::ok).orElseThrow(() -> DomainException.unauthenticated());
    }

    /**
     * Checks the password. A user with a second factor gets a session that awaits the code
     * ({@code secondFactorRequired}); the throttle keeps counting until that code is right.
     */
    @PostMapping
    SessionView login(
            @Valid @RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        Duration wait = throttle.waitBeforeAttempt(credentials.username(), address);
        if (!wait.isZero()) {
            throw DomainException.throttled(Math.max(1, wait.toSeconds()));
        }
        Authentication authentication;
        try {
            authentication = authenticationManager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
        } catch (AuthenticationException e) {
            throttle.failed(credentials.username(), address);
            UUID targeted = users.findByUsername(credentials.username().strip().toLowerCase(Locale.ROOT))
                    .map(stored -> stored.account().id())
                    .orElse(null);
            events.publishEvent(new LoginAttempted(targeted, credentials.username(), false));
            throw AccessProblems.badCredentials();
        }
        if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            throw AccessProblems.badCredentials();
        }
        events.publishEvent(new LoginAttempted(principal.id(), principal.username(), true));
        if (secondFactors.enrolled(principal.id())) {
            starter.awaitSecondFactor(authentication, principal, request);
            return views.pending(users.findById(principal.id()).orElseThrow().account());
        }
        throttle.succeeded(credentials.username(), address);
        return views.of(starter.start(authentication, principal, request, response));
    }

    @DeleteMapping
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    /** Confirms who the user is before an export or a break-the-glass (see {@link Reauthentication}). */
    @PostMapping("/reauthentication")
    ResponseEntity<Void> reauthenticate(@Valid @RequestBody Confirmation confirmation, HttpServletRequest request) {
        reauthentication.confirm(request, confirmation.password(), confirmation.code());
        return ResponseEntity.noContent().build();
    }

    /** Changes the user's own password and ends their other sessions. */
    @PutMapping("/password")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change, HttpServletRequest request) {
        CurrentUser user = currentUsers.current();
        accounts.changePassword(user.id(), change.currentPassword(), change.newPassword());
        sessions.endAll(user.id(), request.getSession());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/site")
    SessionView chooseSite(@Valid @RequestBody SiteChoice choice, HttpServletRequest request) {
        if (!siteDirectory.exists(choice.siteId())) {
            throw DomainException.notFound("site");
        }
        currentUsers.chooseSite(request, choice.siteId());
        return views.of(currentUsers.current());
    }
}
