package org.passerelle.rights;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonErased;
import org.passerelle.people.PersonsMerged;
import org.passerelle.people.PersonsUnmerged;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What happens to rights files when the people module erases or merges a person, in its
 * transaction. An erasure removes the notes, who helped and the ages, and puts a random key in
 * place of the person's id, so the figures already reported (coverage obtained) stay and nothing
 * points to the person; a merge moves the steps to the kept person, sealed again with their key;
 * an unmerge gives them back. Pass de ville's decisions and vouchers follow the same way (their
 * claims follow their voucher), so the amounts spent stay counted once the person is erased.
 */
@Component
class RightsPeopleListener {

    /** Pass de ville's records of a person: they follow the person like the rights steps, with nothing sealed. */
    private static final List<String> PASS_TABLES = List.of("pass_eligibility", "pass_voucher");

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    RightsPeopleListener(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventListener
    void on(PersonErased erased) {
        UUID key = UUID.randomUUID();
        for (String table : PASS_TABLES) {
            jdbc.sql("update rights." + table + " set person_id = :key, merged_from = null, version = version + 1,"
                            + " change_seq = nextval('rights." + table + "_change_seq') where person_id = :person")
                    .param("key", key)
                    .param("person", erased.personId())
                    .update();
        }
        jdbc.sql("""
                        update rights.rights_step
                           set person_id = :key, note = null, helped_by = null, declared_age = null,
                               assessed_age = null, merged_from = null, version = version + 1,
                               change_seq = nextval('rights.rights_step_change_seq')
                         where person_id = :person
                        """).param("key", key).param("person", erased.personId()).update();
    }

    @EventListener
    void on(PersonsMerged merged) {
        move(merged.mergedId(), merged.keptId(), merged.mergedId(), "person_id = :from");
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        move(unmerged.keptId(), unmerged.mergedId(), null, "person_id = :from and merged_from = :to");
    }

    private record Sealed(UUID id, byte @Nullable [] note) {}

    private void move(UUID from, UUID to, @Nullable UUID mergedFrom, String which) {
        for (String table : PASS_TABLES) {
            jdbc.sql("update rights." + table
                            + " set person_id = :to, merged_from = :mergedFrom, version = version + 1,"
                            + " change_seq = nextval('rights." + table + "_change_seq') where " + which)
                    .param("to", to)
                    .param("mergedFrom", mergedFrom)
                    .param("from", from)
                    .update();
        }
        DataKey oldKey = keys.keyFor(from);
        DataKey newKey = keys.keyFor(to);
        List<Sealed> rows = jdbc.sql("select id, note from rights.rights_step where " + which)
                .param("from", from)
                .param("to", to)
                .query((row, n) -> new Sealed(row.getObject("id", UUID.class), row.getBytes("note")))
                .list();
        for (Sealed row : rows) {
            byte @Nullable [] note = row.note();
            jdbc.sql("""
                            update rights.rights_step
                               set person_id = :to, merged_from = :mergedFrom, note = :note, version = version + 1,
                                   change_seq = nextval('rights.rights_step_change_seq')
                             where id = :id
                            """)
                    .param("to", to)
                    .param("mergedFrom", mergedFrom)
                    .param("note", note == null ? null : newKey.seal("rights.note", oldKey.open("rights.note", note)))
                    .param("id", row.id())
                    .update();
        }
    }
}
