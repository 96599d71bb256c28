package org.passerelle.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends the session of a user who was disabled or removed since logging in, and any session older
 * than the absolute timeout however active it was.
 */
class ActiveAccountFilter extends OncePerRequestFilter {

    private final CurrentUsers currentUsers;
    private final Duration absoluteTimeout;
    private final Clock clock;

    ActiveAccountFilter(CurrentUsers currentUsers, Duration absoluteTimeout, Clock clock) {
        this.currentUsers = currentUsers;
        this.absoluteTimeout = absoluteTimeout;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getPrincipal() instanceof AccountPrincipal
                && (expired(request) || currentUsers.currentIfAny().isEmpty())) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
        }
        chain.doFilter(request, response);
    }

    private boolean expired(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null
                || !(session.getAttribute(UserSessions.LOGIN_TIME_ATTRIBUTE) instanceof Long loginTime)
                || clock.millis() - loginTime > absoluteTimeout.toMillis();
    }
}
