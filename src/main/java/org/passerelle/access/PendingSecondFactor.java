package org.passerelle.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.security.core.Authentication;

/**
 * A session whose password was right and whose second-factor code is still awaited. It grants
 * nothing: the authentication is only put in the security context once the code is accepted, and
 * is forgotten after a few minutes.
 */
record PendingSecondFactor(Authentication authentication, AccountPrincipal principal, long sinceMillis)
        implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    static final Duration LIFETIME = Duration.ofMinutes(5);
    private static final String ATTRIBUTE = PendingSecondFactor.class.getName();

    /** The login awaiting its code in this request's session, if any and not too old. */
    static Optional<PendingSecondFactor> in(HttpServletRequest request, Clock clock) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof PendingSecondFactor pending)) {
            return Optional.empty();
        }
        if (clock.millis() - pending.sinceMillis() > LIFETIME.toMillis()) {
            session.removeAttribute(ATTRIBUTE);
            return Optional.empty();
        }
        return Optional.of(pending);
    }

    void storeIn(HttpSession session) {
        session.setAttribute(ATTRIBUTE, this);
    }
}
