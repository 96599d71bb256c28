package org.passerelle.stock;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Leaves an erased person out of their distributions, in the transaction that erases them. */
@Component
class DistributionErasureListener {

    private final DistributionRepository distributions;

    DistributionErasureListener(DistributionRepository distributions) {
        this.distributions = distributions;
    }

    @EventListener
    void on(PersonErased erased) {
        distributions.forgetPerson(erased.personId());
    }
}
