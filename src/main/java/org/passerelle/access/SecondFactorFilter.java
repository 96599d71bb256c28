package org.passerelle.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.passerelle.platform.web.ProblemResponses;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Holds sessions to what they may do before the second factor. While a login awaits its code, the
 * API answers {@code second-factor-required} to everything but the session itself and the code;
 * a user who must have a second factor and has none yet may only enrol
 * ({@code second-factor-enrolment-required}).
 */
class SecondFactorFilter extends OncePerRequestFilter {

    private static final String SESSION = "/api/session";
    private static final String CODE = SESSION + "/second-factor";
    private static final String ENROLMENT = CODE + "/enrolment";

    private final CurrentUsers currentUsers;
    private final SecondFactors secondFactors;
    private final ProblemResponses problems;
    private final Clock clock;

    SecondFactorFilter(CurrentUsers currentUsers, SecondFactors secondFactors, ProblemResponses problems, Clock clock) {
        this.currentUsers = currentUsers;
        this.secondFactors = secondFactors;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") && !sessionItself(request.getMethod(), path)) {
            boolean loggedIn = currentUsers.currentIfAny().isPresent();
            if (!loggedIn
                    && !(path.equals(CODE) && request.getMethod().equals("POST"))
                    && PendingSecondFactor.in(request, clock).isPresent()) {
                problems.write(request, response, 403, "second-factor-required");
                return;
            }
            if (loggedIn && !path.equals(ENROLMENT) && secondFactors.mustEnrol(currentUsers.current())) {
                problems.write(request, response, 403, "second-factor-enrolment-required");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Looking at the session, logging in again and logging out are always allowed. */
    private static boolean sessionItself(String method, String path) {
        return path.equals(SESSION) && (method.equals("GET") || method.equals("POST") || method.equals("DELETE"));
    }
}
