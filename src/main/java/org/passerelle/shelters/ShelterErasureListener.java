package org.passerelle.shelters;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Leaves an erased person out of their stays and requests, in the transaction that erases them:
 * the nights they slept and their requests stay counted under a random key, nothing points to them.
 */
@Component
class ShelterErasureListener {

    private final StayRepository stays;
    private final WaitingRepository requests;

    ShelterErasureListener(StayRepository stays, WaitingRepository requests) {
        this.stays = stays;
        this.requests = requests;
    }

    @EventListener
    void on(PersonErased erased) {
        stays.forgetPerson(erased.personId());
        requests.forgetPerson(erased.personId());
    }
}
