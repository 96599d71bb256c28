package org.passerelle.outbreaks;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakAccess.Scope;
import org.passerelle.outbreaks.OutbreakViews.Household;
import org.passerelle.outbreaks.OutbreakViews.HouseholdFollowUp;
import org.passerelle.outbreaks.OutbreakViews.NewHousehold;
import org.passerelle.outbreaks.OutbreakViews.Ring;
import org.passerelle.outbreaks.OutbreakViews.RingFigures;
import org.passerelle.platform.sync.PulledRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Case-area response rings and the households visited in them. */
@Repository
class RingRepository {

    private static final String RING = """
            select r.id, r.case_id, c.disease, c.case_number, r.site_id, r.latitude, r.longitude, r.radius_m,
                   r.opened_at, r.first_visit_at, r.version,
                   (r.deleted_at is not null or c.deleted_at is not null) as removed,
                   (select count(*) from outbreaks.household h where h.ring_id = r.id and h.deleted_at is null) as households,
                   (select coalesce(sum(people), 0) from outbreaks.household h
                     where h.ring_id = r.id and h.deleted_at is null) as people
              from outbreaks.ring r join outbreaks.outbreak_case c on c.id = r.case_id
            """;
    private static final String HOUSEHOLD = """
            select id, ring_id, marker, people, latitude, longitude, visited_at, water_treatment, soap, jerrycan,
                   disinfection, health_promotion, chlorine_at_visit, followed_up_at, chlorine_at_follow_up, version
              from outbreaks.household
            """;

    private final JdbcClient jdbc;
    private final CaseRepository cases;

    RingRepository(JdbcClient jdbc, CaseRepository cases) {
        this.jdbc = jdbc;
        this.cases = cases;
    }

    /** Opens the ring of a case unless it has one; true when opened. */
    boolean open(UUID id, UUID caseId, UUID siteId, double latitude, double longitude, int radius, Instant at) {
        return jdbc.sql("""
                        insert into outbreaks.ring (id, case_id, site_id, latitude, longitude, radius_m, opened_at)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing
                        """)
                        .params(id, caseId, siteId, latitude, longitude, radius, CaseRepository.utc(at))
                        .update()
                == 1;
    }

    Optional<Ring> find(UUID id) {
        return jdbc.sql(RING + " where r.id = ? and r.deleted_at is null")
                .param(id)
                .query(this::ring)
                .optional();
    }

    List<Ring> list(Scope scope) {
        return jdbc.sql(RING + """
                         where r.deleted_at is null and (:all or r.site_id = any(:sites))
                         order by r.opened_at desc
                        """)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query(this::ring)
                .list();
    }

    RingFigures figures(Scope scope) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where first_visit_at <= opened_at + interval '48 hours')
                          from outbreaks.ring
                         where deleted_at is null and (:all or site_id = any(:sites))
                        """)
                .param("all", scope.all())
                .param("sites", scope.sites().toArray(UUID[]::new))
                .query((rs, row) -> {
                    int rings = rs.getInt(1);
                    int answered = rs.getInt(2);
                    return new RingFigures(rings, answered, rings == 0 ? null : Figures.percent(answered, rings));
                })
                .single();
    }

    /** Inserts a household; false when its id is there already. */
    boolean insertHousehold(UUID ringId, NewHousehold household, Instant visitedAt, Instant now, UUID by) {
        Map<String, @Nullable Object> values = new HashMap<>();
        values.put("id", household.id());
        values.put("ring", ringId);
        values.put("marker", household.marker().strip());
        values.put("people", household.people());
        values.put("lat", household.latitude());
        values.put("lon", household.longitude());
        values.put("visited", CaseRepository.utc(visitedAt));
        values.put("water", household.waterTreatment());
        values.put("soap", household.soap());
        values.put("jerrycan", household.jerrycan());
        values.put("disinfection", household.disinfection());
        values.put("promotion", household.healthPromotion());
        values.put("chlorine", household.chlorineAtVisit());
        values.put("now", CaseRepository.utc(now));
        values.put("by", by);
        return jdbc.sql("""
                        insert into outbreaks.household (id, ring_id, marker, people, latitude, longitude, visited_at,
                            water_treatment, soap, jerrycan, disinfection, health_promotion, chlorine_at_visit,
                            created_at, created_by, updated_by)
                        values (:id, :ring, :marker, :people, :lat, :lon, :visited, :water, :soap, :jerrycan,
                            :disinfection, :promotion, :chlorine, :now, :by, :by)
                        on conflict (id) do nothing
                        """).params(values).update() == 1;
    }

    /** Keeps the earliest visit of the ring's households as its response. */
    void visited(UUID ringId, Instant visitedAt) {
        jdbc.sql("""
                        update outbreaks.ring
                           set first_visit_at = least(coalesce(first_visit_at, :at), :at), version = version + 1,
                               change_seq = nextval('outbreaks.ring_change_seq')
                         where id = :id
                        """)
                .param("at", CaseRepository.utc(visitedAt))
                .param("id", ringId)
                .update();
    }

    boolean followUp(UUID id, HouseholdFollowUp followUp, Instant at, UUID by) {
        return jdbc.sql("""
                        update outbreaks.household
                           set followed_up_at = :at, chlorine_at_follow_up = :chlorine, version = version + 1,
                               change_seq = nextval('outbreaks.household_change_seq'), updated_by = :by
                         where id = :id and version = :version and deleted_at is null
                        """)
                        .param("at", CaseRepository.utc(at))
                        .param("chlorine", followUp.chlorineAtFollowUp())
                        .param("by", by)
                        .param("id", id)
                        .param("version", followUp.version())
                        .update()
                == 1;
    }

    Optional<Household> household(UUID id) {
        return jdbc.sql(HOUSEHOLD + " where id = ? and deleted_at is null")
                .param(id)
                .query(RingRepository::household)
                .optional();
    }

    List<Household> households(UUID ringId) {
        return jdbc.sql(HOUSEHOLD + " where ring_id = ? and deleted_at is null order by visited_at, marker")
                .param(ringId)
                .query(RingRepository::household)
                .list();
    }

    /** These rings as devices hold them, those removed with their case included. */
    List<PulledRecords.Held> heldRings(List<UUID> ids) {
        return jdbc.sql(RING + " where r.id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> {
                    Ring ring = ring(rs, row);
                    return new PulledRecords.Held(
                            ring.id(), List.of(ring.siteId()), ring.version(), rs.getBoolean("removed"), ring);
                })
                .list();
    }

    /**
     * These households as devices hold them, at the site of their ring, those removed with their
     * ring or case included.
     */
    List<PulledRecords.Held> heldHouseholds(List<UUID> ids) {
        return jdbc.sql("""
                        select h.id, h.ring_id, h.marker, h.people, h.latitude, h.longitude, h.visited_at,
                               h.water_treatment, h.soap, h.jerrycan, h.disinfection, h.health_promotion,
                               h.chlorine_at_visit, h.followed_up_at, h.chlorine_at_follow_up, h.version, r.site_id,
                               (h.deleted_at is not null or r.deleted_at is not null or c.deleted_at is not null)
                                   as removed
                          from outbreaks.household h
                          join outbreaks.ring r on r.id = h.ring_id
                          join outbreaks.outbreak_case c on c.id = r.case_id
                         where h.id = any(?)
                        """)
                .param(ids.toArray(UUID[]::new))
                .query((rs, row) -> {
                    Household household = household(rs, row);
                    return new PulledRecords.Held(
                            household.id(),
                            List.of(rs.getObject("site_id", UUID.class)),
                            household.version(),
                            rs.getBoolean("removed"),
                            household);
                })
                .list();
    }

    private Ring ring(ResultSet rs, int row) throws SQLException {
        Instant opened = rs.getObject("opened_at", OffsetDateTime.class).toInstant();
        OffsetDateTime first = rs.getObject("first_visit_at", OffsetDateTime.class);
        Long minutes = first == null
                ? null
                : Duration.between(opened, first.toInstant()).toMinutes();
        return new Ring(
                rs.getObject("id", UUID.class),
                rs.getObject("case_id", UUID.class),
                cases.caseNumber(rs.getString("disease"), rs.getLong("case_number")),
                rs.getObject("site_id", UUID.class),
                rs.getDouble("latitude"),
                rs.getDouble("longitude"),
                rs.getInt("radius_m"),
                opened,
                first == null ? null : first.toInstant(),
                minutes,
                minutes != null && minutes <= Duration.ofHours(48).toMinutes(),
                rs.getInt("households"),
                rs.getInt("people"),
                rs.getLong("version"));
    }

    private static Household household(ResultSet rs, int row) throws SQLException {
        OffsetDateTime followed = rs.getObject("followed_up_at", OffsetDateTime.class);
        return new Household(
                rs.getObject("id", UUID.class),
                rs.getObject("ring_id", UUID.class),
                rs.getString("marker"),
                rs.getInt("people"),
                rs.getObject("latitude", Double.class),
                rs.getObject("longitude", Double.class),
                rs.getObject("visited_at", OffsetDateTime.class).toInstant(),
                rs.getBoolean("water_treatment"),
                rs.getBoolean("soap"),
                rs.getBoolean("jerrycan"),
                rs.getBoolean("disinfection"),
                rs.getBoolean("health_promotion"),
                rs.getObject("chlorine_at_visit", BigDecimal.class),
                followed == null ? null : followed.toInstant(),
                rs.getObject("chlorine_at_follow_up", BigDecimal.class),
                rs.getLong("version"));
    }
}
