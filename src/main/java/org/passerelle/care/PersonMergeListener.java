package org.passerelle.care;

import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Moves consultations and follow-ups with a merge, and back with an unmerge, in the same transaction. */
@Component
class PersonMergeListener {

    private final ConsultationRepository consultations;
    private final FollowUpRepository followUps;

    PersonMergeListener(ConsultationRepository consultations, FollowUpRepository followUps) {
        this.consultations = consultations;
        this.followUps = followUps;
    }

    @EventListener
    void on(PersonsMerged merged) {
        consultations.move(merged.mergedId(), merged.keptId(), true);
        followUps.move(merged.mergedId(), merged.keptId(), true);
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        consultations.move(unmerged.mergedId(), unmerged.keptId(), false);
        followUps.move(unmerged.mergedId(), unmerged.keptId(), false);
    }
}
