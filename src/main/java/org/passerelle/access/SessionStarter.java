package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Turns a checked login into a session. Each step (password, then second factor) starts a new
 * session, so that an identifier known before a step is worthless after it.
 */
@Component
class SessionStarter {

    private final SecurityContextRepository contextRepository;
    private final CurrentUsers currentUsers;
    private final UserRepository users;
    private final UserSessions sessions;
    private final Clock clock;

    SessionStarter(
            SecurityContextRepository contextRepository,
            CurrentUsers currentUsers,
            UserRepository users,
            UserSessions sessions,
            Clock clock) {
        this.contextRepository = contextRepository;
        this.currentUsers = currentUsers;
        this.users = users;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Logs the user in, and chooses their site when they work at only one. */
    CurrentUser start(
            Authentication authentication,
            AccountPrincipal principal,
            HttpServletRequest request,
            HttpServletResponse response) {
        sessions.opened(principal.id(), renew(request), clock.millis());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        users.recordLogin(principal.id());
        CurrentUser user = currentUsers.current();
        if (user.currentSiteId() == null && !user.allSites() && user.siteIds().size() == 1) {
            currentUsers.chooseSite(request, user.siteIds().iterator().next());
            user = currentUsers.current();
        }
        return user;
    }

    /** Keeps the checked password in a new session that grants nothing until the code is given. */
    PendingSecondFactor awaitSecondFactor(
            Authentication authentication, AccountPrincipal principal, HttpServletRequest request) {
        SecurityContextHolder.clearContext();
        PendingSecondFactor pending = new PendingSecondFactor(authentication, principal, clock.millis());
        pending.storeIn(renew(request));
        return pending;
    }

    private static HttpSession renew(HttpServletRequest request) {
        HttpSession existing = request.getSession(false);
        if (existing != null) {
            existing.invalidate();
        }
        return request.getSession(true);
    }
}
