package org.passerelle.care;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConsultationRepository {

    private static final String SELECT = """
            select id, person_id, site_id, discipline, compartment, occurred_on, provider_id, provider_name, note, diagnosis,
                   interpreter, language, created_at, form_code, status, revision
              from care.encounter
            """;

    record Count(UUID siteId, Discipline discipline, long consultations) {}

    /** Whose consultation it is and where it lives: what an access check needs, nothing sealed. */
    record Placement(UUID personId, Compartment compartment) {}

    static final String NOTE = "note";
    static final String DIAGNOSIS = "diagnosis";

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    ConsultationRepository(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    Optional<Placement> placement(UUID id) {
        return jdbc.sql("select person_id, compartment from care.encounter where id = ? and deleted_at is null")
                .param(id)
                .query((rs, row) -> new Placement(rs.getObject(1, UUID.class), Compartment.valueOf(rs.getString(2))))
                .optional();
    }

    Optional<Consultation> findById(UUID id) {
        return jdbc.sql(SELECT + " where id = ? and deleted_at is null")
                .param(id)
                .query(this::map)
                .optional();
    }

    /** A person's consultations in these compartments, newest first: the signed ones and the reader's drafts (none when no reader). */
    List<Consultation> findByPerson(UUID personId, Set<Compartment> compartments, @Nullable UUID readerId) {
        if (compartments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + """
                         where person_id = :person and compartment = any(:compartments) and deleted_at is null
                           and (status = 'SIGNED' or provider_id = :reader)
                         order by occurred_on desc, created_at desc
                        """)
                .param("person", personId)
                .param(
                        "compartments",
                        compartments.stream().map(Compartment::name).toArray(String[]::new))
                .param("reader", readerId, java.sql.Types.OTHER)
                .query(this::map)
                .list();
    }

    List<Count> countBySiteAndDiscipline(YearMonth month, Collection<UUID> siteIds) {
        if (siteIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select site_id, discipline, count(*) as consultations
                  from care.encounter
                 where site_id = any(?) and occurred_on >= ? and occurred_on < ? and deleted_at is null
                   and status = 'SIGNED'
                 group by site_id, discipline
                 order by site_id, discipline
                """)
                .params(
                        siteIds.toArray(UUID[]::new),
                        month.atDay(1),
                        month.plusMonths(1).atDay(1))
                .query(Count.class)
                .list();
    }

    /**
     * Moves consultations between the two persons of a merge, re-sealing their texts with the
     * receiving person's key: forward, the merged person's go to the kept person and remember where
     * they came from; back, those that came from the merged person return to them.
     */
    void move(UUID mergedId, UUID keptId, boolean forward) {
        UUID from = forward ? mergedId : keptId;
        UUID to = forward ? keptId : mergedId;
        DataKey source = keys.existingKey(from).orElseThrow(() -> DomainException.notFound("person"));
        DataKey target = keys.keyFor(to);
        String which = forward ? "person_id = ? and merged_from is null" : "person_id = ? and merged_from = ?";
        List<Object> params = forward ? List.of(from) : List.of(from, mergedId);
        jdbc.sql("select id, note, diagnosis from care.encounter where " + which)
                .params(params)
                .query((rs, row) -> {
                    jdbc.sql("""
                            update care.encounter
                               set person_id = :to, note = :note, diagnosis = :diagnosis, merged_from = :mergedFrom,
                                   updated_at = now(), version = version + 1
                             where id = :id
                            """)
                            .param("to", to)
                            .param("note", target.sealNullable(NOTE, source.openNullable(NOTE, rs.getBytes("note"))))
                            .param(
                                    "diagnosis",
                                    target.sealNullable(
                                            DIAGNOSIS, source.openNullable(DIAGNOSIS, rs.getBytes("diagnosis"))))
                            .param("mergedFrom", forward ? mergedId : null)
                            .param("id", rs.getObject("id", UUID.class))
                            .update();
                    resealAnswers(rs.getObject("id", UUID.class), source, target);
                    return 1;
                })
                .list();
    }

    /** Re-seals a consultation's form answers, revisions and prescription instructions with another key. */
    private void resealAnswers(UUID id, DataKey source, DataKey target) {
        jdbc.sql("select answers from care.encounter where id = ? and answers is not null")
                .param(id)
                .query((rs, row) -> rs.getBytes(1))
                .optional()
                .ifPresent(bytes -> jdbc.sql("update care.encounter set answers = ? where id = ?")
                        .params(reseal(EncounterRepository.ANSWERS, bytes, source, target), id)
                        .update());
        jdbc.sql("select revision, answers, reason from care.encounter_revision where encounter_id = ?")
                .param(id)
                .query((rs, row) -> {
                    jdbc.sql("update care.encounter_revision set answers = :answers, reason = :reason"
                                    + " where encounter_id = :id and revision = :revision")
                            .param(
                                    "answers",
                                    resealNullable(EncounterRepository.ANSWERS, rs.getBytes("answers"), source, target))
                            .param(
                                    "reason",
                                    resealNullable(EncounterRepository.REASON, rs.getBytes("reason"), source, target))
                            .param("id", id)
                            .param("revision", rs.getInt("revision"))
                            .update();
                    return 1;
                })
                .list();
        jdbc.sql(
                        "select line, instructions from care.prescription_line where encounter_id = ? and instructions is not null")
                .param(id)
                .query((rs, row) -> {
                    jdbc.sql("update care.prescription_line set instructions = ? where encounter_id = ? and line = ?")
                            .params(
                                    reseal(
                                            EncounterRepository.INSTRUCTIONS,
                                            rs.getBytes("instructions"),
                                            source,
                                            target),
                                    id,
                                    rs.getInt("line"))
                            .update();
                    return 1;
                })
                .list();
    }

    private static byte[] reseal(String field, byte[] sealed, DataKey source, DataKey target) {
        return target.seal(field, source.open(field, sealed));
    }

    private static byte @Nullable [] resealNullable(
            String field, byte @Nullable [] sealed, DataKey source, DataKey target) {
        return sealed == null ? null : reseal(field, sealed, source, target);
    }

    /** Removes every consultation of a person (erasure). */
    void deleteAllOf(UUID personId) {
        jdbc.sql("delete from care.encounter where person_id = ?")
                .param(personId)
                .update();
    }

    private Consultation map(ResultSet rs, int row) throws SQLException {
        UUID personId = rs.getObject("person_id", UUID.class);
        DataKey key = keys.existingKey(personId).orElseThrow(() -> DomainException.notFound("person"));
        return new Consultation(
                rs.getObject("id", UUID.class),
                personId,
                rs.getObject("site_id", UUID.class),
                Discipline.valueOf(rs.getString("discipline")),
                Compartment.valueOf(rs.getString("compartment")),
                rs.getObject("occurred_on", LocalDate.class),
                rs.getObject("provider_id", UUID.class),
                rs.getString("provider_name"),
                key.openNullable(NOTE, rs.getBytes("note")),
                key.openNullable(DIAGNOSIS, rs.getBytes("diagnosis")),
                rs.getBoolean("interpreter"),
                rs.getString("language"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getString("form_code"),
                EncounterViews.Status.valueOf(rs.getString("status")),
                rs.getInt("revision"));
    }
}
