package org.passerelle.outbreaks;

import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the cases of a merged person record to the kept one in the merging transaction, remembering
 * where each came from, and gives them back with an unmerge. Devices pull each moved case again.
 */
@Component
class CaseMergeListener {

    private final JdbcClient jdbc;

    CaseMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonsMerged merged) {
        jdbc.sql("""
                        update outbreaks.outbreak_case
                           set person_id = :kept, merged_from = :merged, version = version + 1,
                               change_seq = nextval('outbreaks.case_change_seq')
                         where person_id = :merged
                        """)
                .param("kept", merged.keptId())
                .param("merged", merged.mergedId())
                .update();
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        jdbc.sql("""
                        update outbreaks.outbreak_case
                           set person_id = :merged, merged_from = null, version = version + 1,
                               change_seq = nextval('outbreaks.case_change_seq')
                         where person_id = :kept and merged_from = :merged
                        """)
                .param("kept", unmerged.keptId())
                .param("merged", unmerged.mergedId())
                .update();
    }
}
