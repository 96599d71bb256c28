package org.passerelle.people;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.platform.Ids;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Merges of duplicate records, and the pairs judged not to be duplicates. */
@Repository
class MergeRepository {

    private static final String SELECT = """
            select m.id, m.kept_id, m.merged_id, p.patient_code as merged_code, m.merged_at, m.unmerged_at
              from people.person_merge m join people.person p on p.id = m.merged_id
            """;

    private final JdbcClient jdbc;

    MergeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID id, UUID keptId, UUID mergedId, UUID userId, Instant at) {
        jdbc.sql("""
                insert into people.person_merge (id, kept_id, merged_id, merged_at, merged_by)
                values (?, ?, ?, ?, ?)
                """).params(id, keptId, mergedId, Timestamp.from(at), userId).update();
    }

    Optional<Merge> find(UUID id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(this::map).optional();
    }

    /** The merges into this person, newest first, undone ones included. */
    List<Merge> into(UUID keptId) {
        return jdbc.sql(SELECT + " where m.kept_id = ? order by m.merged_at desc")
                .param(keptId)
                .query(this::map)
                .list();
    }

    boolean markUndone(UUID id, UUID userId, Instant at) {
        return jdbc.sql("""
                        update people.person_merge set unmerged_at = ?, unmerged_by = ?
                         where id = ? and unmerged_at is null
                        """).params(Timestamp.from(at), userId, id).update() == 1;
    }

    void markNotDuplicate(UUID first, UUID second, UUID userId) {
        UUID a = Ids.compareAsDatabase(first, second) < 0 ? first : second;
        UUID b = a.equals(first) ? second : first;
        jdbc.sql("""
                insert into people.not_duplicate (person_a, person_b, decided_by) values (?, ?, ?)
                on conflict do nothing
                """).params(a, b, userId).update();
    }

    void forgetNotDuplicate(UUID first, UUID second) {
        jdbc.sql("""
                delete from people.not_duplicate
                 where (person_a = :x and person_b = :y) or (person_a = :y and person_b = :x)
                """).param("x", first).param("y", second).update();
    }

    boolean notDuplicate(UUID first, UUID second) {
        return jdbc.sql("""
                        select exists(select 1 from people.not_duplicate
                         where (person_a = :x and person_b = :y) or (person_a = :y and person_b = :x))
                        """)
                .param("x", first)
                .param("y", second)
                .query(Boolean.class)
                .single();
    }

    private Merge map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Timestamp undone = rs.getTimestamp("unmerged_at");
        @Nullable Instant unmergedAt = undone == null ? null : undone.toInstant();
        return new Merge(
                rs.getObject("id", UUID.class),
                rs.getObject("kept_id", UUID.class),
                rs.getObject("merged_id", UUID.class),
                rs.getString("merged_code"),
                rs.getTimestamp("merged_at").toInstant(),
                unmergedAt);
    }
}
