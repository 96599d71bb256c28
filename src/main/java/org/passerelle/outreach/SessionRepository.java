package org.passerelle.outreach;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outreach.OutreachViews.SessionDistribution;
import org.passerelle.outreach.OutreachViews.SessionKind;
import org.passerelle.outreach.OutreachViews.SessionMember;
import org.passerelle.outreach.OutreachViews.SessionReachCell;
import org.passerelle.outreach.OutreachViews.SessionTally;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sessions and the rows under them (team, counts, needs, distributions, consultations). */
@Repository
class SessionRepository {

    /** A session's own row. */
    record StoredSession(
            UUID id,
            UUID siteId,
            UUID locationId,
            SessionKind kind,
            LocalDate day,
            Instant plannedStart,
            Instant plannedEnd,
            @Nullable Instant actualStart,
            @Nullable Instant actualEnd,
            @Nullable String note,
            long version,
            @Nullable Instant deletedAt) {}

    /** What a session holds once checked, written as a whole. */
    record SessionRow(
            UUID id,
            UUID siteId,
            UUID locationId,
            SessionKind kind,
            LocalDate day,
            Instant plannedStart,
            Instant plannedEnd,
            @Nullable Instant actualStart,
            @Nullable Instant actualEnd,
            @Nullable String note,
            List<SessionMember> team,
            List<SessionTally> tallies,
            List<String> needs,
            List<SessionDistribution> distributions) {}

    private static final String SELECT = """
            select id, site_id, location_id, kind, day, planned_start, planned_end, actual_start, actual_end,
                   note, version, deleted_at
              from outreach.session
            """;

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredSession> find(UUID id) {
        return jdbc.sql(SELECT + " where id = ?")
                .param(id)
                .query(StoredSession.class)
                .optional();
    }

    Optional<StoredSession> lock(UUID id) {
        return jdbc.sql(SELECT + " where id = ? for update")
                .param(id)
                .query(StoredSession.class)
                .optional();
    }

    List<StoredSession> ofDay(UUID siteId, LocalDate day) {
        return jdbc.sql(SELECT + " where site_id = ? and day = ? and deleted_at is null order by planned_start")
                .params(siteId, day)
                .query(StoredSession.class)
                .list();
    }

    /** Sessions of these sites (all sites when null) from {@code from} to {@code to}, days included. */
    List<StoredSession> between(@Nullable List<UUID> siteIds, LocalDate from, LocalDate to) {
        String where = siteIds == null ? "" : " and site_id = any(:sites)";
        var sql = jdbc.sql(SELECT + " where day between :from and :to and deleted_at is null" + where
                        + " order by planned_start")
                .param("from", from)
                .param("to", to);
        if (siteIds != null) {
            sql = sql.param("sites", siteIds.toArray(UUID[]::new));
        }
        return sql.query(StoredSession.class).list();
    }

    void insert(SessionRow row, UUID userId) {
        bind(jdbc.sql("""
                insert into outreach.session (id, site_id, location_id, kind, day, planned_start, planned_end,
                                              actual_start, actual_end, note, created_by, updated_by)
                values (:id, :site, :location, :kind, :day, :plannedStart, :plannedEnd, :actualStart, :actualEnd,
                        :note, :user, :user)
                """), row)
                .param("id", row.id())
                .param("site", row.siteId())
                .param("user", userId)
                .update();
        insertRows(row);
    }

    /** Rewrites a session and the rows under it, and moves its version on. */
    void update(SessionRow row, UUID userId) {
        bind(jdbc.sql("""
                update outreach.session
                   set location_id = :location, kind = :kind, day = :day, planned_start = :plannedStart,
                       planned_end = :plannedEnd, actual_start = :actualStart, actual_end = :actualEnd, note = :note,
                       version = version + 1, updated_at = now(), updated_by = :user
                 where id = :id
                """), row).param("id", row.id()).param("user", userId).update();
        for (String table : List.of("session_member", "session_tally", "session_need", "session_distribution")) {
            jdbc.sql("delete from outreach." + table + " where session_id = ?")
                    .param(row.id())
                    .update();
        }
        insertRows(row);
    }

    void bumpVersion(UUID id, UUID userId) {
        jdbc.sql("update outreach.session set version = version + 1, updated_at = now(), updated_by = ? where id = ?")
                .params(userId, id)
                .update();
    }

    void markDeleted(UUID id, UUID userId) {
        jdbc.sql("""
                update outreach.session set deleted_at = now(), version = version + 1, updated_at = now(), updated_by = ?
                 where id = ?
                """).params(userId, id).update();
    }

    private void insertRows(SessionRow row) {
        for (SessionMember member : row.team()) {
            jdbc.sql("insert into outreach.session_member (session_id, user_id, name) values (?, ?, ?)")
                    .params(row.id(), member.userId(), member.name())
                    .update();
        }
        for (SessionTally tally : row.tallies()) {
            jdbc.sql("insert into outreach.session_tally (session_id, sex, age_group, people) values (?, ?, ?, ?)")
                    .params(row.id(), tally.sex(), tally.ageGroup(), tally.people())
                    .update();
        }
        for (String need : row.needs()) {
            jdbc.sql("insert into outreach.session_need (session_id, need) values (?, ?)")
                    .params(row.id(), need)
                    .update();
        }
        for (SessionDistribution given : row.distributions()) {
            jdbc.sql("insert into outreach.session_distribution (session_id, item, quantity) values (?, ?, ?)")
                    .params(row.id(), given.item(), given.quantity())
                    .update();
        }
    }

    List<SessionMember> team(UUID sessionId) {
        return jdbc.sql("select user_id, name from outreach.session_member where session_id = ? order by name")
                .param(sessionId)
                .query(SessionMember.class)
                .list();
    }

    List<SessionTally> tallies(UUID sessionId) {
        return jdbc.sql(
                        "select sex, age_group, people from outreach.session_tally where session_id = ? order by sex, age_group")
                .param(sessionId)
                .query(SessionTally.class)
                .list();
    }

    List<String> needs(UUID sessionId) {
        return jdbc.sql("select need from outreach.session_need where session_id = ? order by need")
                .param(sessionId)
                .query(String.class)
                .list();
    }

    List<SessionDistribution> distributions(UUID sessionId) {
        return jdbc.sql("select item, quantity from outreach.session_distribution where session_id = ? order by item")
                .param(sessionId)
                .query(SessionDistribution.class)
                .list();
    }

    List<UUID> consultations(UUID sessionId) {
        return jdbc.sql(
                        "select encounter_id from outreach.session_consultation where session_id = ? order by linked_at")
                .param(sessionId)
                .query(UUID.class)
                .list();
    }

    /** The session this consultation is linked to, if any. */
    Optional<UUID> sessionOf(UUID encounterId) {
        return jdbc.sql("select session_id from outreach.session_consultation where encounter_id = ?")
                .param(encounterId)
                .query(UUID.class)
                .optional();
    }

    void linkConsultation(UUID sessionId, UUID encounterId, UUID personId, String sex, String ageGroup) {
        jdbc.sql("""
                insert into outreach.session_consultation (session_id, encounter_id, person_id, person_key, sex, age_group)
                values (?, ?, ?, ?, ?, ?)
                """)
                .params(sessionId, encounterId, personId, personId, sex, ageGroup)
                .update();
    }

    /** Registered persons seen in the session, each once, by sex and age group. */
    List<SessionReachCell> registeredReach(UUID sessionId) {
        return jdbc.sql("""
                select sex, age_group, count(*)::int as people
                  from (select person_key, min(sex) as sex, min(age_group) as age_group
                          from outreach.session_consultation where session_id = ? group by person_key) p
                 group by sex, age_group
                """).param(sessionId).query(SessionReachCell.class).list();
    }

    /** Leaves an erased person out of the sessions: counted under one random key, nothing points to them. */
    void forgetPerson(UUID personId) {
        jdbc.sql("""
                update outreach.session_consultation
                   set person_id = null, person_key = gen_random_uuid(), merged_from = null
                 where person_id = ?
                """).param(personId).update();
        jdbc.sql("update outreach.session_consultation set merged_from = null where merged_from = ?")
                .param(personId)
                .update();
    }

    /** The links of a merged record follow the kept one, remembering where each came from. */
    void movePerson(UUID mergedId, UUID keptId) {
        jdbc.sql("""
                update outreach.session_consultation set person_id = :kept, person_key = :kept, merged_from = :merged
                 where person_id = :merged
                """).param("kept", keptId).param("merged", mergedId).update();
    }

    /** Undoes {@link #movePerson}: the links that came from the merged record go back to it. */
    void givePersonBack(UUID keptId, UUID mergedId) {
        jdbc.sql("""
                update outreach.session_consultation set person_id = :merged, person_key = :merged, merged_from = null
                 where person_id = :kept and merged_from = :merged
                """).param("kept", keptId).param("merged", mergedId).update();
    }

    /** Sessions held and people reached per location of these sites (all when null) over a period. */
    List<LocationCount> reachByLocation(@Nullable List<UUID> siteIds, LocalDate from, LocalDate to) {
        String where = siteIds == null ? "" : " and site_id = any(:sites)";
        var sql = jdbc.sql("""
                        select location_id, sum(sessions)::int as sessions, sum(people)::int as people
                          from (select location_id, attendees as sessions, 0 as people from outreach.session_fact
                                 where occurred_on between :from and :to %1$s
                                union all
                                select location_id, 0, attendees from outreach.reach_fact
                                 where occurred_on between :from and :to %1$s) f
                         group by location_id
                        """.formatted(where)).param("from", from).param("to", to);
        if (siteIds != null) {
            sql = sql.param("sites", siteIds.toArray(UUID[]::new));
        }
        return sql.query(LocationCount.class).list();
    }

    record LocationCount(UUID locationId, int sessions, int people) {}

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, SessionRow row) {
        return sql.param("location", row.locationId())
                .param("kind", row.kind().name())
                .param("day", row.day())
                .param("plannedStart", utc(row.plannedStart()))
                .param("plannedEnd", utc(row.plannedEnd()))
                .param("actualStart", row.actualStart() == null ? null : utc(row.actualStart()))
                .param("actualEnd", row.actualEnd() == null ? null : utc(row.actualEnd()))
                .param("note", row.note());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
