package org.passerelle.outbreaks;

import org.passerelle.people.PersonErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Unlinks an erased person from their cases, in the transaction that erases them: the cases stay in
 * the line list with the sex, age and dates recorded, as anonymous cases, so that the epidemic
 * curve and the figures already reported do not change, and nothing points to the person any more.
 */
@Component
class CaseErasureListener {

    private final CaseRepository cases;

    CaseErasureListener(CaseRepository cases) {
        this.cases = cases;
    }

    @EventListener
    void on(PersonErased erased) {
        cases.forgetPerson(erased.personId());
    }
}
