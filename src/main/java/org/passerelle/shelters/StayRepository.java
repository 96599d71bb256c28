package org.passerelle.shelters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.ShelterViews.AdmissionReason;
import org.passerelle.shelters.ShelterViews.Attendance;
import org.passerelle.shelters.ShelterViews.Destination;
import org.passerelle.shelters.ShelterViews.Mode;
import org.passerelle.shelters.ShelterViews.ShelterStay;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stays, the beds they hold night after night (placements), and attendance. */
@Repository
class StayRepository {

    private static final String STAY = """
            select s.id, s.site_id, s.person_id, s.household_id, s.mode, s.reason, s.planned_nights, s.admitted_on,
                   s.discharged_on, s.destination, s.version,
                   (select p.bed_id from shelters.placement p
                     where p.stay_id = s.id and p.deleted_at is null
                     order by lower(p.nights) desc limit 1) as bed_id
              from shelters.stay s where s.deleted_at is null
            """;

    /** What a new stay records of its person at admission. */
    record Admitted(
            UUID id,
            UUID siteId,
            UUID personId,
            @Nullable UUID householdId,
            String sex,
            String ageGroup,
            boolean minor,
            Mode mode,
            AdmissionReason reason,
            @Nullable Integer plannedNights,
            LocalDate admittedOn,
            @Nullable UUID requestId) {}

    /** A placement: a stay in a bed for the nights [from, until). */
    record Placement(
            UUID id,
            UUID stayId,
            UUID bedId,
            LocalDate from,
            @Nullable LocalDate until) {}

    private final JdbcClient jdbc;

    StayRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insert(Admitted stay, UUID by) {
        return jdbc.sql("""
                        insert into shelters.stay (id, site_id, person_id, person_key, household_id, sex, age_group,
                                                   minor, mode, reason, planned_nights, admitted_on, request_id,
                                                   created_by, updated_by)
                        values (:id, :site, :person, :person, :household, :sex, :age, :minor, :mode, :reason,
                                :planned, :on, :request, :by, :by)
                        on conflict (id) do nothing
                        """)
                        .param("id", stay.id())
                        .param("site", stay.siteId())
                        .param("person", stay.personId())
                        .param("household", stay.householdId())
                        .param("sex", stay.sex())
                        .param("age", stay.ageGroup())
                        .param("minor", stay.minor())
                        .param("mode", stay.mode().name())
                        .param("reason", stay.reason().name())
                        .param("planned", stay.plannedNights())
                        .param("on", stay.admittedOn())
                        .param("request", stay.requestId())
                        .param("by", by)
                        .update()
                == 1;
    }

    void insertPlacement(UUID stayId, UUID bedId, UUID siteId, LocalDate from, UUID by) {
        jdbc.sql("""
                        insert into shelters.placement (id, stay_id, bed_id, site_id, nights, created_by)
                        values (?, ?, ?, ?, daterange(?, null, '[)'), ?)
                        """)
                .param(org.passerelle.platform.Ids.newId())
                .param(stayId)
                .param(bedId)
                .param(siteId)
                .param(from)
                .param(by)
                .update();
    }

    Optional<ShelterStay> find(UUID id) {
        return jdbc.sql(STAY + " and s.id = ?")
                .param(id)
                .query(StayRepository::stay)
                .optional();
    }

    /** The stay, locked until the transaction ends. */
    Optional<ShelterStay> lock(UUID id) {
        jdbc.sql("select 1 from shelters.stay where id = ? for update")
                .param(id)
                .query(Integer.class)
                .optional();
        return find(id);
    }

    List<ShelterStay> ofPerson(UUID personId) {
        return jdbc.sql(STAY + " and s.person_id = ? order by s.admitted_on desc")
                .param(personId)
                .query(StayRepository::stay)
                .list();
    }

    /** The stays holding a bed of the site on this night. */
    List<ShelterStay> onNight(UUID siteId, LocalDate night) {
        return jdbc.sql("""
                        select s.id, s.site_id, s.person_id, s.household_id, s.mode, s.reason, s.planned_nights,
                               s.admitted_on, s.discharged_on, s.destination, s.version, p.bed_id
                          from shelters.placement p join shelters.stay s on s.id = p.stay_id and s.deleted_at is null
                         where p.site_id = ? and p.deleted_at is null and p.nights @> ?::date
                        """)
                .param(siteId)
                .param(night)
                .query(StayRepository::stay)
                .list();
    }

    /** Whether another stay holds the bed on one of the nights [from, until). */
    boolean bedHeld(UUID bedId, LocalDate from, @Nullable LocalDate until) {
        return jdbc.sql("""
                        select exists(select 1 from shelters.placement
                                       where bed_id = ? and deleted_at is null and nights && daterange(?, ?, '[)'))
                        """)
                .param(bedId)
                .param(from)
                .param(until)
                .query(Boolean.class)
                .single();
    }

    List<Placement> placements(UUID stayId) {
        return jdbc.sql("""
                        select id, stay_id, bed_id, lower(nights) as first, upper(nights) as until
                          from shelters.placement where stay_id = ? and deleted_at is null order by lower(nights)
                        """)
                .param(stayId)
                .query((row, number) -> new Placement(
                        row.getObject("id", UUID.class),
                        row.getObject("stay_id", UUID.class),
                        row.getObject("bed_id", UUID.class),
                        row.getObject("first", LocalDate.class),
                        row.getObject("until", LocalDate.class)))
                .list();
    }

    /** Ends a placement before the night {@code until}; one left without a night becomes a tombstone. */
    void endPlacement(UUID placementId, LocalDate until) {
        jdbc.sql("""
                        update shelters.placement
                           set nights = case when lower(nights) < :until then daterange(lower(nights), :until, '[)')
                                             else nights end,
                               deleted_at = case when lower(nights) >= :until then now() end,
                               version = version + 1, updated_at = now(),
                               change_seq = nextval('shelters.placement_change_seq')
                         where id = :id
                        """).param("until", until).param("id", placementId).update();
    }

    void discharge(UUID stayId, LocalDate on, Destination destination, @Nullable UUID by) {
        jdbc.sql("""
                        update shelters.stay
                           set discharged_on = ?, destination = ?, version = version + 1, updated_at = now(),
                               updated_by = ?, change_seq = nextval('shelters.stay_change_seq')
                         where id = ?
                        """)
                .param(on)
                .param(destination.name())
                .param(by)
                .param(stayId)
                .update();
    }

    /** Advances the stay's version and change sequence (a transfer or a mark changes what devices hold). */
    void touch(UUID stayId, @Nullable UUID by) {
        jdbc.sql("""
                        update shelters.stay set version = version + 1, updated_at = now(), updated_by = ?,
                               change_seq = nextval('shelters.stay_change_seq')
                         where id = ?
                        """).param(by).param(stayId).update();
    }

    /** Marks a night; the latest mark of a night is the one kept. */
    void mark(UUID markId, UUID stayId, LocalDate night, Attendance status, Instant at, @Nullable UUID by) {
        jdbc.sql("""
                        insert into shelters.night (id, stay_id, night, status, recorded_at, recorded_by)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (stay_id, night) do update
                           set status = excluded.status, recorded_at = excluded.recorded_at,
                               recorded_by = excluded.recorded_by, id = excluded.id,
                               version = shelters.night.version + 1,
                               change_seq = nextval('shelters.night_change_seq')
                        """)
                .param(markId)
                .param(stayId)
                .param(night)
                .param(status.name())
                .param(OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .param(by)
                .update();
    }

    /** Whether this mark (a device's id) was recorded already. */
    boolean markRecorded(UUID markId) {
        return jdbc.sql("select exists(select 1 from shelters.night where id = ?)")
                .param(markId)
                .query(Boolean.class)
                .single();
    }

    /** Tonight's marks of the site's stays, by stay. */
    java.util.Map<UUID, Attendance> marks(UUID siteId, LocalDate night) {
        java.util.Map<UUID, Attendance> marks = new java.util.HashMap<>();
        jdbc.sql("""
                        select n.stay_id, n.status from shelters.night n join shelters.stay s on s.id = n.stay_id
                         where s.site_id = ? and n.night = ?
                        """)
                .param(siteId)
                .param(night)
                .query((row, number) ->
                        marks.put(row.getObject("stay_id", UUID.class), Attendance.valueOf(row.getString("status"))))
                .list();
        return marks;
    }

    /** The open nightly stays holding a bed tonight and not marked for tonight, everywhere. */
    List<ShelterStay> unmarkedNightly(LocalDate night) {
        return jdbc.sql("""
                        select s.id, s.site_id, s.person_id, s.household_id, s.mode, s.reason, s.planned_nights,
                               s.admitted_on, s.discharged_on, s.destination, s.version, p.bed_id
                          from shelters.stay s join shelters.placement p on p.stay_id = s.id and p.deleted_at is null
                         where s.mode = 'NIGHTLY' and s.discharged_on is null and s.deleted_at is null
                           and p.nights @> ?::date
                           and not exists (select 1 from shelters.night n where n.stay_id = s.id and n.night = ?)
                         for update of s skip locked
                        """)
                .param(night)
                .param(night)
                .query(StayRepository::stay)
                .list();
    }

    /** Leaves an erased person out of their stays; the nights they slept stay counted under a random key. */
    void forgetPerson(UUID personId) {
        jdbc.sql("""
                        update shelters.stay
                           set person_id = null, person_key = :key, version = version + 1,
                               change_seq = nextval('shelters.stay_change_seq')
                         where person_id = :person
                        """).param("key", UUID.randomUUID()).param("person", personId).update();
    }

    static ShelterStay stay(ResultSet row, int number) throws SQLException {
        String destination = row.getString("destination");
        Object planned = row.getObject("planned_nights");
        return new ShelterStay(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getObject("person_id", UUID.class),
                row.getObject("household_id", UUID.class),
                Mode.valueOf(row.getString("mode")),
                AdmissionReason.valueOf(row.getString("reason")),
                planned == null ? null : ((Number) planned).intValue(),
                row.getObject("admitted_on", LocalDate.class),
                row.getObject("discharged_on", LocalDate.class),
                destination == null ? null : Destination.valueOf(destination),
                row.getObject("bed_id", UUID.class),
                row.getLong("version"));
    }
}
