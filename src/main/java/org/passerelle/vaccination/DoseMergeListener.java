package org.passerelle.vaccination;

import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves the doses of a merged person record to the kept one in the merging transaction, remembering
 * where each came from. A dose the kept person already holds (same vaccine and dose number: the same
 * child vaccinated twice under two records, or the same dose entered twice) is set aside with a
 * tombstone, so that coverage counts the person once; an unmerge gives every dose back, those set
 * aside included. Devices pull each dose moved again.
 */
@Component
class DoseMergeListener {

    private final JdbcClient jdbc;

    DoseMergeListener(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(PersonsMerged merged) {
        jdbc.sql("""
                        update vaccination.dose d
                           set person_id = :kept, merged_from = :merged, version = d.version + 1, updated_at = now(),
                               change_seq = nextval('vaccination.dose_change_seq'),
                               removed_by_merge = d.deleted_at is null and held.id is not null,
                               deleted_at = case when d.deleted_at is null and held.id is not null then now()
                                                 else d.deleted_at end
                          from vaccination.dose d2
                          left join vaccination.dose held
                            on held.person_id = :kept and held.vaccine_code = d2.vaccine_code
                           and held.dose_number = d2.dose_number and held.deleted_at is null
                         where d.id = d2.id and d.person_id = :merged
                        """)
                .param("kept", merged.keptId())
                .param("merged", merged.mergedId())
                .update();
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        jdbc.sql("""
                        update vaccination.dose
                           set person_id = :merged, merged_from = null, version = version + 1, updated_at = now(),
                               change_seq = nextval('vaccination.dose_change_seq'),
                               deleted_at = case when removed_by_merge then null else deleted_at end,
                               removed_by_merge = false
                         where person_id = :kept and merged_from = :merged
                        """)
                .param("kept", unmerged.keptId())
                .param("merged", unmerged.mergedId())
                .update();
    }
}
