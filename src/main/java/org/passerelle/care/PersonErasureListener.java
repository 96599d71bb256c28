package org.passerelle.care;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes a person's consultations and follow-ups in the transaction that erases them. */
@Component
class PersonErasureListener {

    private final ConsultationRepository consultations;
    private final FollowUpRepository followUps;

    PersonErasureListener(ConsultationRepository consultations, FollowUpRepository followUps) {
        this.consultations = consultations;
        this.followUps = followUps;
    }

    @EventListener
    void on(PersonErased erased) {
        consultations.deleteAllOf(erased.personId());
        followUps.deleteAllOf(erased.personId());
    }
}
