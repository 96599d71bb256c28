package org.passerelle.care;

import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves consultations with a merge, and back with an unmerge, in the same transaction. */
@Component
class PersonMergeListener {

    private final ConsultationRepository consultations;

    PersonMergeListener(ConsultationRepository consultations) {
        this.consultations = consultations;
    }

    @EventListener
    void on(PersonsMerged merged) {
        consultations.move(merged.mergedId(), merged.keptId(), true);
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        consultations.move(unmerged.mergedId(), unmerged.keptId(), false);
    }
}
