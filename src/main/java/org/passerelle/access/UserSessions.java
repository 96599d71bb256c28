package org.passerelle.access;

import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** Knows the open sessions of each user, so that they can be ended together. */
@Component
class UserSessions implements HttpSessionListener {

    static final String USER_ATTRIBUTE = UserSessions.class.getName() + ".user";
    static final String LOGIN_TIME_ATTRIBUTE = UserSessions.class.getName() + ".loginTime";

    private final Map<UUID, Set<HttpSession>> sessions = new ConcurrentHashMap<>();

    void opened(UUID userId, HttpSession session, long loginTimeMillis) {
        session.setAttribute(USER_ATTRIBUTE, userId);
        session.setAttribute(LOGIN_TIME_ATTRIBUTE, loginTimeMillis);
        sessions.computeIfAbsent(userId, id -> ConcurrentHashMap.newKeySet()).add(session);
    }

    /** Ends every session of the user but {@code keep} (none to end them all); returns how many ended. */
    int endAll(UUID userId, HttpSession keep) {
        return endAllBut(userId, keep.getId());
    }

    int endAll(UUID userId) {
        return endAllBut(userId, "");
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        if (session.getAttribute(USER_ATTRIBUTE) instanceof UUID userId) {
            Set<HttpSession> open = sessions.get(userId);
            if (open != null) {
                open.remove(session);
            }
        }
    }

    private int endAllBut(UUID userId, String keptId) {
        int ended = 0;
        for (HttpSession session : Set.copyOf(sessions.getOrDefault(userId, Set.of()))) {
            if (!session.getId().equals(keptId)) {
                try {
                    session.invalidate();
                    ended++;
                } catch (IllegalStateException alreadyInvalid) {
                    sessions.getOrDefault(userId, Set.of()).remove(session);
                }
            }
        }
        return ended;
    }
}
