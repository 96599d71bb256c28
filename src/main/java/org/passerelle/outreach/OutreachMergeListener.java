package org.passerelle.outreach;

import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Moves the session links of a merged person record to the kept one in the merging transaction, so
 * that a session counts the person once however many records they were seen under, and gives them
 * back with an unmerge.
 */
@Component
class OutreachMergeListener {

    private final SessionRepository sessions;

    OutreachMergeListener(SessionRepository sessions) {
        this.sessions = sessions;
    }

    @EventListener
    void on(PersonsMerged merged) {
        sessions.movePerson(merged.mergedId(), merged.keptId());
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        sessions.givePersonBack(unmerged.keptId(), unmerged.mergedId());
    }
}
