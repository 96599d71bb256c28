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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
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

    record PasswordChange(
            @NotBlank @Size(max = 256) String currentPassword,
            @NotBlank @Size(max = 256) String newPassword) {}

    record SessionUser(UUID id, String username, String displayName, Set<Role> roles) {}

    record SessionView(
            @Nullable String organisation,
            SessionUser user,
            List<Site> sites,
            @Nullable Site currentSite) {}

    private final AuthenticationManager authenticationManager;
    private final SecurityContextRepository contextRepository;
    private final CurrentUsers currentUsers;
    private final UserRepository users;
    private final SiteDirectory siteDirectory;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final UserSessions sessions;
    private final UserAccounts accounts;
    private final Clock clock;

    SessionController(
            AuthenticationManager authenticationManager,
            SecurityContextRepository contextRepository,
            CurrentUsers currentUsers,
            UserRepository users,
            SiteDirectory siteDirectory,
            ApplicationEventPublisher events,
            LoginThrottle throttle,
            UserSessions sessions,
            UserAccounts accounts,
            Clock clock) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.accounts = accounts;
        this.clock = clock;
        this.authenticationManager = authenticationManager;
        this.contextRepository = contextRepository;
        this.currentUsers = currentUsers;
        this.users = users;
        this.siteDirectory = siteDirectory;
        this.events = events;
    }

    @GetMapping
    ResponseEntity<SessionView> current() {
        return currentUsers
                .currentIfAny()
                .map(user -> ResponseEntity.ok(view(user)))
                .orElseThrow(() -> DomainException.unauthenticated());
    }

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
            events.publishEvent(new LoginAttempted(null, null, false));
            throw DomainException.unauthenticated("bad-credentials");
        }
        throttle.succeeded(credentials.username(), address);
        if (!(authentication.getPrincipal() instanceof AccountPrincipal principal)) {
            throw DomainException.unauthenticated("bad-credentials");
        }
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        sessions.opened(principal.id(), request.getSession(true), clock.millis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        users.recordLogin(principal.id());
        events.publishEvent(new LoginAttempted(principal.id(), principal.username(), true));
        CurrentUser user = currentUsers.current();
        if (user.currentSiteId() == null && !user.allSites() && user.siteIds().size() == 1) {
            currentUsers.chooseSite(request, user.siteIds().iterator().next());
            user = currentUsers.current();
        }
        return view(user);
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
        return view(currentUsers.current());
    }

    private SessionView view(CurrentUser user) {
        List<Site> sites = user.allSites() ? siteDirectory.sites() : siteDirectory.sites(user.siteIds());
        Site current = user.currentSiteId() == null
                ? null
                : siteDirectory.site(user.currentSiteId()).orElse(null);
        return new SessionView(
                siteDirectory.organisationName().orElse(null),
                new SessionUser(user.id(), user.username(), user.displayName(), user.roles()),
                sites,
                current);
    }
}
