package org.passerelle.care;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.FollowUpViews.ClosedReason;
import org.passerelle.care.FollowUpViews.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class FollowUpRepository {

    private static final String SELECT = """
            select id, person_id, site_id, programme, started_on, last_visit_on, next_visit_on, due_date,
                   condition_code, risk_flags, status, closed_on, closed_reason, version
              from care.follow_up
            """;

    /** A follow-up as stored; its standing is worked out by the service. */
    record Row(
            UUID id,
            UUID personId,
            UUID siteId,
            FollowUpProgramme programme,
            LocalDate startedOn,
            @Nullable LocalDate lastVisitOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable String conditionCode,
            List<String> riskFlags,
            Status status,
            @Nullable LocalDate closedOn,
            @Nullable ClosedReason closedReason,
            long version) {}

    private final JdbcClient jdbc;

    FollowUpRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Row row, UUID by) {
        jdbc.sql("""
                insert into care.follow_up (id, person_id, site_id, programme, compartment, started_on, next_visit_on,
                    due_date, condition_code, risk_flags, created_by, updated_by)
                values (:id, :person, :site, :programme, :compartment, :startedOn, :nextVisitOn, :dueDate, :condition,
                    :riskFlags, :by, :by)
                """)
                .param("id", row.id())
                .param("person", row.personId())
                .param("site", row.siteId())
                .param("programme", row.programme().name())
                .param("compartment", row.programme().compartment().name())
                .param("startedOn", row.startedOn())
                .param("nextVisitOn", row.nextVisitOn())
                .param("dueDate", row.dueDate())
                .param("condition", row.conditionCode())
                .param("riskFlags", row.riskFlags().toArray(String[]::new))
                .param("by", by)
                .update();
    }

    boolean activeExists(UUID personId, FollowUpProgramme programme) {
        return jdbc.sql(
                        "select exists(select 1 from care.follow_up where person_id = ? and programme = ? and status = 'ACTIVE')")
                .params(personId, programme.name())
                .query(Boolean.class)
                .single();
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(FollowUpRepository::map)
                .optional();
    }

    /** Follow-ups by id, in no particular order. */
    List<Row> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(FollowUpRepository::map)
                .list();
    }

    List<Row> ofPerson(UUID personId, Collection<FollowUpProgramme> programmes) {
        return jdbc.sql(SELECT + " where person_id = ? and programme = any(?) order by status, started_on desc")
                .params(personId, programmes.stream().map(Enum::name).toArray(String[]::new))
                .query(FollowUpRepository::map)
                .list();
    }

    /** A site's active follow-ups with a visit due by {@code until} or none planned, soonest first. */
    List<Row> due(UUID siteId, Collection<FollowUpProgramme> programmes, LocalDate until, int limit) {
        return jdbc.sql(SELECT + """
                         where site_id = ? and status = 'ACTIVE' and programme = any(?)
                           and (next_visit_on is null or next_visit_on <= ?)
                         order by next_visit_on nulls last, started_on
                         limit ?
                        """)
                .params(siteId, programmes.stream().map(Enum::name).toArray(String[]::new), until, limit)
                .query(FollowUpRepository::map)
                .list();
    }

    boolean change(
            UUID id,
            long version,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable String conditionCode,
            List<String> riskFlags,
            UUID by) {
        return jdbc.sql("""
                        update care.follow_up
                           set next_visit_on = :nextVisitOn, due_date = :dueDate, condition_code = :condition,
                               risk_flags = :riskFlags, version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version and status = 'ACTIVE'
                        """)
                        .param("nextVisitOn", nextVisitOn)
                        .param("dueDate", dueDate)
                        .param("condition", conditionCode)
                        .param("riskFlags", riskFlags.toArray(String[]::new))
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    boolean close(UUID id, long version, ClosedReason reason, LocalDate closedOn, UUID by) {
        return jdbc.sql("""
                        update care.follow_up
                           set status = 'CLOSED', closed_reason = :reason, closed_on = :closedOn,
                               version = version + 1, updated_at = now(), updated_by = :by
                         where id = :id and version = :version and status = 'ACTIVE'
                        """)
                        .param("reason", reason.name())
                        .param("closedOn", closedOn)
                        .param("by", by)
                        .param("id", id)
                        .param("version", version)
                        .update()
                == 1;
    }

    /**
     * Records a visit: the last visit moves to {@code on} if later, and the next visit (and a
     * pregnancy's due date), when the visit gave them, are set from the latest visit.
     */
    void visited(UUID id, LocalDate on, @Nullable LocalDate nextVisitOn, @Nullable LocalDate dueDate) {
        jdbc.sql("""
                update care.follow_up
                   set next_visit_on = case when last_visit_on is null or :on >= last_visit_on
                                            then coalesce(:nextVisitOn, next_visit_on) else next_visit_on end,
                       due_date = case when last_visit_on is null or :on >= last_visit_on
                                       then coalesce(:dueDate, due_date) else due_date end,
                       last_visit_on = greatest(last_visit_on, :on),
                       version = version + 1, updated_at = now()
                 where id = :id
                """)
                .param("on", on)
                .param("nextVisitOn", nextVisitOn, java.sql.Types.DATE)
                .param("dueDate", dueDate, java.sql.Types.DATE)
                .param("id", id)
                .update();
    }

    List<Row> activeOf(UUID personId) {
        return jdbc.sql(SELECT + " where person_id = ? and status = 'ACTIVE'")
                .param(personId)
                .query(FollowUpRepository::map)
                .list();
    }

    /**
     * Moves follow-ups with a merge (those of programmes the kept person is not already followed
     * in) and back with an unmerge.
     */
    void move(UUID mergedId, UUID keptId, boolean forward) {
        if (forward) {
            jdbc.sql("""
                    update care.follow_up f set person_id = :kept, merged_from = :merged, version = version + 1,
                           updated_at = now()
                     where person_id = :merged
                       and not (status = 'ACTIVE' and exists (select 1 from care.follow_up k
                                 where k.person_id = :kept and k.programme = f.programme and k.status = 'ACTIVE'))
                    """).param("kept", keptId).param("merged", mergedId).update();
        } else {
            jdbc.sql("""
                    update care.follow_up set person_id = :merged, merged_from = null, version = version + 1,
                           updated_at = now()
                     where person_id = :kept and merged_from = :merged
                    """).param("kept", keptId).param("merged", mergedId).update();
        }
    }

    void deleteAllOf(UUID personId) {
        jdbc.sql("delete from care.follow_up where person_id = ?")
                .param(personId)
                .update();
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        Array flags = rs.getArray("risk_flags");
        String reason = rs.getString("closed_reason");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("person_id", UUID.class),
                rs.getObject("site_id", UUID.class),
                FollowUpProgramme.valueOf(rs.getString("programme")),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("last_visit_on", LocalDate.class),
                rs.getObject("next_visit_on", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("condition_code"),
                flags == null ? List.of() : Arrays.asList((String[]) flags.getArray()),
                Status.valueOf(rs.getString("status")),
                rs.getObject("closed_on", LocalDate.class),
                reason == null ? null : ClosedReason.valueOf(reason),
                rs.getLong("version"));
    }
}
