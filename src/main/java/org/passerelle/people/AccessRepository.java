package org.passerelle.people;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sites where persons are in care, and the break-the-glass grants on their files (with the
 * takings into care from another site, listed for review beside them). A person's
 * sites include those of the records merged into theirs.
 */
@Repository
class AccessRepository {

    /** What a listed access is: a break-the-glass grant, or a taking into care from another site. */
    enum GrantKind {
        EMERGENCY,
        TAKEN_INTO_CARE
    }

    /** A grant as stored, its reason still sealed. */
    record StoredGrant(
            UUID id,
            GrantKind kind,
            UUID personId,
            String patientCode,
            UUID userId,
            String userName,
            @Nullable UUID siteId,
            byte[] reason,
            Instant grantedAt,
            Instant expiresAt,
            @Nullable String reviewedByName,
            @Nullable Instant reviewedAt) {}

    private final JdbcClient jdbc;

    AccessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Set<UUID> sitesOf(UUID personId) {
        return new HashSet<>(
                jdbc.sql("""
                        select ps.site_id from people.person_site ps join people.person p on p.id = ps.person_id
                         where p.id = :id or p.merged_into = :id
                        """).param("id", personId).query(UUID.class).list());
    }

    Map<UUID, Set<UUID>> sitesOf(Collection<UUID> personIds) {
        Map<UUID, Set<UUID>> sites = new HashMap<>();
        if (personIds.isEmpty()) {
            return sites;
        }
        jdbc.sql("""
                        select coalesce(p.merged_into, p.id), ps.site_id
                          from people.person_site ps join people.person p on p.id = ps.person_id
                         where p.id = any(:ids) or p.merged_into = any(:ids)
                        """)
                .param("ids", personIds.toArray(UUID[]::new))
                .query((rs, row) -> sites.computeIfAbsent(rs.getObject(1, UUID.class), id -> new HashSet<>())
                        .add(rs.getObject(2, UUID.class)))
                .list();
        return sites;
    }

    /** The site of each person's latest contact; for a tie, the site that saw them first is left out. */
    Map<UUID, UUID> lastSeenSites(Collection<UUID> personIds) {
        Map<UUID, UUID> sites = new HashMap<>();
        if (personIds.isEmpty()) {
            return sites;
        }
        jdbc.sql("""
                        select distinct on (coalesce(p.merged_into, p.id)) coalesce(p.merged_into, p.id), ps.site_id
                          from people.person_site ps join people.person p on p.id = ps.person_id
                         where p.id = any(:ids) or p.merged_into = any(:ids)
                         order by coalesce(p.merged_into, p.id), ps.last_contact_on desc, ps.first_contact_on desc,
                                  ps.site_id
                        """)
                .param("ids", personIds.toArray(UUID[]::new))
                .query((rs, row) -> sites.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        return sites;
    }

    /** Records that a site saw a person on a day: the first contact brings them into its care. */
    void recordContact(UUID personId, UUID siteId, LocalDate on) {
        jdbc.sql("""
                insert into people.person_site (person_id, site_id, first_contact_on, last_contact_on)
                values (:person, :site, :on, :on)
                on conflict (person_id, site_id) do update
                    set first_contact_on = least(person_site.first_contact_on, excluded.first_contact_on),
                        last_contact_on = greatest(person_site.last_contact_on, excluded.last_contact_on)
                """)
                .param("person", personId)
                .param("site", siteId)
                .param("on", Date.valueOf(on))
                .update();
    }

    /** Many contacts at once, for loaders: one statement over arrays. */
    void recordContacts(List<UUID> personIds, List<UUID> siteIds, List<LocalDate> days) {
        jdbc.sql("""
                insert into people.person_site (person_id, site_id, first_contact_on, last_contact_on)
                select person_id, site_id, min(day), max(day)
                  from unnest(:persons, :sites, :days) as contact (person_id, site_id, day)
                 group by person_id, site_id
                on conflict (person_id, site_id) do update
                    set first_contact_on = least(person_site.first_contact_on, excluded.first_contact_on),
                        last_contact_on = greatest(person_site.last_contact_on, excluded.last_contact_on)
                """)
                .param("persons", personIds.toArray(UUID[]::new))
                .param("sites", siteIds.toArray(UUID[]::new))
                .param("days", days.stream().map(Date::valueOf).toArray(Date[]::new))
                .update();
    }

    /**
     * What an access check needs to know of one person, in one round trip: whether they exist (and
     * are not merged into another), the sites where they are in care, and when the user's
     * break-the-glass on their file ends, if one is open.
     */
    record Reach(boolean exists, Set<UUID> sites, @Nullable Instant emergencyUntil) {}

    Reach reach(UUID userId, UUID personId, Instant now) {
        return jdbc.sql("""
                        select exists(select 1 from people.person p
                                       where p.id = :id and p.deleted_at is null and p.merged_into is null),
                               array(select ps.site_id from people.person_site ps
                                       join people.person p on p.id = ps.person_id
                                      where p.id = :id or p.merged_into = :id),
                               (select max(g.expires_at) from people.emergency_access g
                                 where g.user_id = :user and g.person_id = :id and g.expires_at > :now
                                   and g.kind = 'EMERGENCY')
                        """)
                .param("id", personId)
                .param("user", userId)
                .param("now", Timestamp.from(now))
                .query((rs, row) -> {
                    Set<UUID> sites = new HashSet<>();
                    for (Object site : (Object[]) rs.getArray(2).getArray()) {
                        sites.add((UUID) site);
                    }
                    Timestamp until = rs.getTimestamp(3);
                    return new Reach(rs.getBoolean(1), sites, until == null ? null : until.toInstant());
                })
                .single();
    }

    /** The persons among these whose file this user holds an unexpired emergency access to. */
    /** When the user's open break-the-glass on each of these persons ends, for those who have one. */
    Map<UUID, Instant> emergencyUntil(UUID userId, Collection<UUID> personIds, Instant now) {
        Map<UUID, Instant> until = new HashMap<>();
        if (personIds.isEmpty()) {
            return until;
        }
        jdbc.sql("""
                        select person_id, max(expires_at) from people.emergency_access
                         where user_id = ? and person_id = any(?) and expires_at > ? and kind = 'EMERGENCY'
                         group by person_id
                        """)
                .params(userId, personIds.toArray(UUID[]::new), Timestamp.from(now))
                .query((rs, row) -> until.put(
                        rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
        return until;
    }

    Set<UUID> emergencyPersons(UUID userId, Collection<UUID> personIds, Instant now) {
        if (personIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        select distinct person_id from people.emergency_access
                         where user_id = ? and person_id = any(?) and expires_at > ? and kind = 'EMERGENCY'
                        """)
                .params(userId, personIds.toArray(UUID[]::new), Timestamp.from(now))
                .query(UUID.class)
                .list());
    }

    void insertGrant(
            UUID id,
            GrantKind kind,
            UUID personId,
            UUID userId,
            String userName,
            @Nullable UUID siteId,
            byte[] reason,
            Instant grantedAt,
            Instant expiresAt) {
        jdbc.sql("""
                insert into people.emergency_access
                    (id, kind, person_id, user_id, user_name, site_id, reason, granted_at, expires_at)
                values (:id, :kind, :person, :user, :userName, :site, :reason, :grantedAt, :expiresAt)
                """)
                .param("id", id)
                .param("kind", kind.name())
                .param("person", personId)
                .param("user", userId)
                .param("userName", userName)
                .param("site", siteId)
                .param("reason", reason)
                .param("grantedAt", Timestamp.from(grantedAt))
                .param("expiresAt", Timestamp.from(expiresAt))
                .update();
    }

    List<StoredGrant> grants(boolean unreviewedOnly, int limit) {
        return jdbc.sql("""
                select g.id, g.kind, g.person_id, p.patient_code, g.user_id, g.user_name, g.site_id, g.reason, g.granted_at,
                       g.expires_at, g.reviewed_by_name, g.reviewed_at
                  from people.emergency_access g join people.person p on p.id = g.person_id
                 where not :unreviewedOnly or g.reviewed_at is null
                 order by g.granted_at desc
                 limit :limit
                """)
                .param("unreviewedOnly", unreviewedOnly)
                .param("limit", limit)
                .query((rs, row) -> new StoredGrant(
                        rs.getObject("id", UUID.class),
                        GrantKind.valueOf(rs.getString("kind")),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("patient_code"),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("user_name"),
                        rs.getObject("site_id", UUID.class),
                        rs.getBytes("reason"),
                        rs.getTimestamp("granted_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getString("reviewed_by_name"),
                        rs.getTimestamp("reviewed_at") == null
                                ? null
                                : rs.getTimestamp("reviewed_at").toInstant()))
                .list();
    }

    /** Who holds a grant. */
    Optional<UUID> grantHolder(UUID grantId) {
        return jdbc.sql("select user_id from people.emergency_access where id = ?")
                .param(grantId)
                .query(UUID.class)
                .optional();
    }

    boolean review(UUID grantId, UUID reviewerId, String reviewerName, Instant at) {
        return jdbc.sql("""
                        update people.emergency_access
                           set reviewed_by = ?, reviewed_by_name = ?, reviewed_at = ?
                         where id = ? and reviewed_at is null
                        """)
                        .params(reviewerId, reviewerName, Timestamp.from(at), grantId)
                        .update()
                == 1;
    }
}
