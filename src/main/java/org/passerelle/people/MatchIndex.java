package org.passerelle.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.PersonRecord;
import org.passerelle.platform.crypto.BlindIndex;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The blind index of the matching engine's blocking keys: each key is stored as a keyed hash, so the
 * index says nothing of the names it was made from to someone without the index key.
 */
@Component
class MatchIndex {

    private static final String KIND = "match";

    /** A key shared by more persons than this finds too many to compare (a very common name). */
    private static final int CANDIDATES = 200;

    private final JdbcClient jdbc;
    private final BlindIndex index;

    MatchIndex(JdbcClient jdbc, BlindIndex index) {
        this.jdbc = jdbc;
        this.index = index;
    }

    /** The keys searched for a person, under the index key searches use. */
    List<byte[]> keysOf(PersonRecord person) {
        Set<String> keys = new LinkedHashSet<>(PersonMatching.indexKeys(person));
        List<byte[]> hashes = new ArrayList<>();
        keys.forEach(key -> hashes.add(index.of(KIND, key)));
        return hashes;
    }

    /** A person's keys under each index key entries are written with (two during a rotation). */
    List<NameIndex.IndexEntry> entriesOf(PersonRecord person) {
        List<NameIndex.IndexEntry> entries = new ArrayList<>();
        for (BlindIndex.Key key : index.writeKeys()) {
            entries.addAll(entriesOf(person, key));
        }
        return entries;
    }

    /** A person's keys under one index key. */
    List<NameIndex.IndexEntry> entriesOf(PersonRecord person, BlindIndex.Key key) {
        Set<String> keys = new LinkedHashSet<>(PersonMatching.indexKeys(person));
        List<NameIndex.IndexEntry> entries = new ArrayList<>();
        keys.forEach(text -> entries.add(new NameIndex.IndexEntry(key.of(KIND, text), key.epoch())));
        return entries;
    }

    /** Replaces a person's keys. */
    void reindex(UUID personId, PersonRecord person) {
        jdbc.sql("delete from people.person_match_key where person_id = ?")
                .param(personId)
                .update();
        for (NameIndex.IndexEntry entry : entriesOf(person)) {
            jdbc.sql("insert into people.person_match_key (key, person_id, epoch) values (?, ?, ?) "
                            + "on conflict do nothing")
                    .params(entry.hash(), personId, entry.epoch())
                    .update();
        }
    }

    /** The persons sharing most keys with this one, at most a few hundred. */
    List<UUID> candidates(PersonRecord person) {
        List<byte[]> keys = keysOf(person);
        if (keys.isEmpty()) {
            return List.of();
        }
        // counted in the index alone, then only the most shared read from the persons: a common
        // name's key is held by thousands, who are not all read; a record merged into another keeps
        // its keys, hence twice as many counted as kept
        return jdbc.sql("""
                        select k.person_id from (
                            select person_id, count(*) as shared from people.person_match_key
                             where key = any(?) group by person_id order by shared desc limit ?) k
                          join people.person p on p.id = k.person_id
                         where p.deleted_at is null and p.merged_into is null
                         order by k.shared desc
                         limit ?
                        """)
                .params(keys.toArray(byte[][]::new), 2 * CANDIDATES, CANDIDATES)
                .query(UUID.class)
                .list();
    }

    /**
     * For each of {@code persons}, in the same order, what {@link #candidates} finds for it, in one
     * query for the whole batch: each person's keys are counted in the index as {@link #candidates}
     * counts them, within one statement.
     */
    List<List<UUID>> candidatesOf(List<PersonRecord> persons) {
        List<Integer> positions = new ArrayList<>();
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < persons.size(); i++) {
            for (byte[] key : keysOf(persons.get(i))) {
                positions.add(i);
                keys.add(key);
            }
        }
        List<List<UUID>> found = new ArrayList<>(persons.size());
        persons.forEach(person -> found.add(new ArrayList<>()));
        if (keys.isEmpty()) {
            return found;
        }
        record Shared(int position, UUID personId) {}
        jdbc.sql("""
                        with q as (
                            select position, array_agg(key) as keys
                              from unnest(?::int[], ?::bytea[]) as q(position, key) group by position)
                        select q.position, k.person_id from q cross join lateral (
                            select person_id, count(*) as shared from people.person_match_key
                             where key = any(q.keys) group by person_id order by shared desc limit ?) k
                          join people.person p on p.id = k.person_id
                         where p.deleted_at is null and p.merged_into is null
                         order by q.position, k.shared desc
                        """)
                .params(positions.toArray(Integer[]::new), keys.toArray(byte[][]::new), 2 * CANDIDATES)
                .query(Shared.class)
                .list()
                .forEach(shared -> {
                    List<UUID> ofPosition = found.get(shared.position());
                    if (ofPosition.size() < CANDIDATES) {
                        ofPosition.add(shared.personId());
                    }
                });
        return found;
    }
}
