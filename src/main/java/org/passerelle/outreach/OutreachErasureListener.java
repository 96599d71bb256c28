package org.passerelle.outreach;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leaves an erased person out of the sessions, in the transaction that erases them: the sessions
 * still count them under a random key, nothing points to them.
 */
@Component
class OutreachErasureListener {

    private final SessionRepository sessions;

    OutreachErasureListener(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(PersonErased erased) {
        sessions.forgetPerson(erased.personId());
    }
}
