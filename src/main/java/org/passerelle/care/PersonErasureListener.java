package org.passerelle.care;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Deletes a person's consultations in the transaction that erases them. */
@Component
class PersonErasureListener {

    private final ConsultationRepository consultations;

    PersonErasureListener(ConsultationRepository consultations) {
        this.consultations = consultations;
    }

    @EventListener
    void on(PersonErased erased) {
        consultations.deleteAllOf(erased.personId());
    }
}
