package org.passerelle.referrals;

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
 * What happens to referrals when the people module erases or merges a person, in its transaction.
 * An erasure removes the reason and every note and puts a random key in place of the person's id,
 * so the figures already reported (referrals by destination and outcome) stay and nothing points
 * to the person any more. A merge moves the referrals to the kept person, sealed again with their
 * key, remembering where they came from; an unmerge gives them back.
 */
@Component
class ReferralPeopleListener {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    ReferralPeopleListener(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    @EventListener
    void on(PersonErased erased) {
        UUID randomKey = UUID.randomUUID();
        jdbc.sql("""
                        update referrals.referral_step set note = null
                         where referral_id in (select id from referrals.referral where person_id = ?)
                        """).param(erased.personId()).update();
        jdbc.sql("""
                        update referrals.referral
                           set person_id = :key, reason = null, merged_from = null, encounter_id = null,
                               version = version + 1, change_seq = nextval('referrals.referral_change_seq')
                         where person_id = :person
                        """).param("key", randomKey).param("person", erased.personId()).update();
        jdbc.sql("""
                        update referrals.accompaniment
                           set person_id = :key, note = null, merged_from = null, version = version + 1,
                               change_seq = nextval('referrals.accompaniment_change_seq')
                         where person_id = :person
                        """).param("key", randomKey).param("person", erased.personId()).update();
    }

    @EventListener
    void on(PersonsMerged merged) {
        move(merged.mergedId(), merged.keptId(), merged.mergedId(), "person_id = :from");
    }

    @EventListener
    void on(PersonsUnmerged unmerged) {
        move(unmerged.keptId(), unmerged.mergedId(), null, "person_id = :from and merged_from = :to");
    }

    private void move(UUID from, UUID to, @Nullable UUID mergedFrom, String which) {
        DataKey oldKey = keys.keyFor(from);
        DataKey newKey = keys.keyFor(to);
        jdbc.sql("select id, reason from referrals.referral where " + which)
                .param("from", from)
                .param("to", to)
                .query((row, n) -> {
                    UUID id = row.getObject("id", UUID.class);
                    byte @Nullable [] reason = row.getBytes("reason");
                    jdbc.sql("""
                                    update referrals.referral
                                       set person_id = :to, merged_from = :mergedFrom, reason = :reason,
                                           version = version + 1,
                                           change_seq = nextval('referrals.referral_change_seq')
                                     where id = :id
                                    """)
                            .param("to", to)
                            .param("mergedFrom", mergedFrom)
                            .param("reason", reseal(reason, "referral.reason", oldKey, newKey))
                            .param("id", id)
                            .update();
                    resealSteps(id, oldKey, newKey);
                    return id;
                })
                .list();
        jdbc.sql("select id, note from referrals.accompaniment where " + which)
                .param("from", from)
                .param("to", to)
                .query((row, n) -> jdbc.sql("""
                                update referrals.accompaniment
                                   set person_id = :to, merged_from = :mergedFrom, note = :note,
                                       version = version + 1,
                                       change_seq = nextval('referrals.accompaniment_change_seq')
                                 where id = :id
                                """)
                        .param("to", to)
                        .param("mergedFrom", mergedFrom)
                        .param("note", reseal(row.getBytes("note"), "accompaniment.note", oldKey, newKey))
                        .param("id", row.getObject("id", UUID.class))
                        .update())
                .list();
    }

    private void resealSteps(UUID referralId, DataKey oldKey, DataKey newKey) {
        jdbc.sql("select position, note from referrals.referral_step where referral_id = ? and note is not null")
                .param(referralId)
                .query((row, n) -> jdbc.sql("""
                                update referrals.referral_step set note = ? where referral_id = ? and position = ?
                                """)
                        .params(
                                newKey.seal(
                                        "referral.step.note",
                                        oldKey.open(
                                                "referral.step.note",
                                                java.util.Objects.requireNonNull(row.getBytes("note")))),
                                referralId,
                                row.getInt("position"))
                        .update())
                .list();
    }

    private static byte @Nullable [] reseal(byte @Nullable [] sealed, String field, DataKey from, DataKey to) {
        return sealed == null ? null : to.seal(field, from.open(field, sealed));
    }
}
