package org.passerelle.shelters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.shelters.ShelterViews.BedOutage;
import org.passerelle.shelters.ShelterViews.EmergencyOpening;
import org.passerelle.shelters.ShelterViews.NewBedOutage;
import org.passerelle.shelters.ShelterViews.NewEmergencyOpening;
import org.passerelle.shelters.ShelterViews.NewShelterBed;
import org.passerelle.shelters.ShelterViews.NewShelterRoom;
import org.passerelle.shelters.ShelterViews.OpeningReason;
import org.passerelle.shelters.ShelterViews.OutageReason;
import org.passerelle.shelters.ShelterViews.RoomRule;
import org.passerelle.shelters.ShelterViews.ShelterBed;
import org.passerelle.shelters.ShelterViews.ShelterRoom;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rooms, beds, beds out of service and emergency openings. */
@Repository
class BedRepository {

    private static final String ROOM = """
            select id, site_id, name, girls_only, minors_only, adults_only, families, accessible, version
              from shelters.room where deleted_at is null
            """;
    private static final String BED = """
            select id, room_id, site_id, label, emergency, in_service_from, version
              from shelters.bed where deleted_at is null
            """;
    private static final String OUTAGE =
            "select id, bed_id, lower(nights) as first, upper(nights) as until, reason, version from shelters.bed_outage"
                    + " where deleted_at is null";
    private static final String OPENING =
            "select id, site_id, lower(nights) as first, upper(nights) as until, reason, version"
                    + " from shelters.emergency_opening where deleted_at is null";

    private final JdbcClient jdbc;

    BedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean insertRoom(NewShelterRoom room, String name, Set<RoomRule> rules, UUID by) {
        return jdbc.sql("""
                        insert into shelters.room (id, site_id, name, girls_only, minors_only, adults_only, families,
                                                   accessible, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .param(room.id())
                        .param(room.siteId())
                        .param(name)
                        .param(rules.contains(RoomRule.GIRLS_ONLY))
                        .param(rules.contains(RoomRule.MINORS_ONLY))
                        .param(rules.contains(RoomRule.ADULTS_ONLY))
                        .param(rules.contains(RoomRule.FAMILIES))
                        .param(rules.contains(RoomRule.ACCESSIBLE))
                        .param(by)
                        .param(by)
                        .update()
                == 1;
    }

    Optional<ShelterRoom> room(UUID id) {
        return jdbc.sql(ROOM + " and id = ?")
                .param(id)
                .query(BedRepository::room)
                .optional();
    }

    List<ShelterRoom> rooms(UUID siteId) {
        return jdbc.sql(ROOM + " and site_id = ? order by lower(name)")
                .param(siteId)
                .query(BedRepository::room)
                .list();
    }

    boolean insertBed(NewShelterBed bed, UUID siteId, String label, LocalDate from, UUID by) {
        return jdbc.sql("""
                        insert into shelters.bed (id, room_id, site_id, label, emergency, in_service_from,
                                                  created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .param(bed.id())
                        .param(bed.roomId())
                        .param(siteId)
                        .param(label)
                        .param(bed.emergency())
                        .param(from)
                        .param(by)
                        .param(by)
                        .update()
                == 1;
    }

    Optional<ShelterBed> bed(UUID id) {
        return jdbc.sql(BED + " and id = ?").param(id).query(BedRepository::bed).optional();
    }

    /** The bed, locked until the transaction ends, so that two admissions to it are taken one after the other. */
    Optional<ShelterBed> lockBed(UUID id) {
        return jdbc.sql(BED + " and id = ? for update")
                .param(id)
                .query(BedRepository::bed)
                .optional();
    }

    List<ShelterBed> beds(UUID siteId) {
        return jdbc.sql(BED + " and site_id = ? order by lower(label)")
                .param(siteId)
                .query(BedRepository::bed)
                .list();
    }

    void insertOutage(NewBedOutage outage, UUID bedId, UUID siteId, UUID by) {
        jdbc.sql("""
                        insert into shelters.bed_outage (id, bed_id, site_id, nights, reason, created_by, updated_by)
                        values (?, ?, ?, daterange(?, ?, '[)'), ?, ?, ?)
                        """)
                .param(outage.id())
                .param(bedId)
                .param(siteId)
                .param(outage.from())
                .param(outage.until())
                .param(outage.reason().name())
                .param(by)
                .param(by)
                .update();
    }

    Optional<BedOutage> outage(UUID id) {
        return jdbc.sql(OUTAGE + " and id = ?")
                .param(id)
                .query(BedRepository::outage)
                .optional();
    }

    /** The outage of the bed on any of the nights [from, until), if one. */
    Optional<BedOutage> outageDuring(UUID bedId, LocalDate from, @Nullable LocalDate until) {
        return jdbc.sql(OUTAGE + " and bed_id = ? and nights && daterange(?, ?, '[)') limit 1")
                .param(bedId)
                .param(from)
                .param(until)
                .query(BedRepository::outage)
                .optional();
    }

    List<BedOutage> outagesOn(UUID siteId, LocalDate night) {
        return jdbc.sql(OUTAGE + " and site_id = ? and nights @> ?::date")
                .param(siteId)
                .param(night)
                .query(BedRepository::outage)
                .list();
    }

    /** Sets the end of a range, refusing (false) when the version is stale. */
    boolean end(String table, UUID id, LocalDate until, long version, UUID by) {
        return jdbc.sql("update shelters." + table
                                + """
                         set nights = daterange(lower(nights), ?, '[)'), version = version + 1, updated_at = now(),
                             updated_by = ?, change_seq = nextval('shelters.%s')
                         where id = ? and version = ? and deleted_at is null
                        """.formatted(
                                        table.equals("bed_outage") ? "outage_change_seq" : "opening_change_seq"))
                        .param(until)
                        .param(by)
                        .param(id)
                        .param(version)
                        .update()
                == 1;
    }

    void insertOpening(NewEmergencyOpening opening, UUID by) {
        jdbc.sql("""
                        insert into shelters.emergency_opening (id, site_id, nights, reason, created_by, updated_by)
                        values (?, ?, daterange(?, ?, '[)'), ?, ?, ?)
                        """)
                .param(opening.id())
                .param(opening.siteId())
                .param(opening.from())
                .param(opening.until())
                .param(opening.reason().name())
                .param(by)
                .param(by)
                .update();
    }

    Optional<EmergencyOpening> opening(UUID id) {
        return jdbc.sql(OPENING + " and id = ?")
                .param(id)
                .query(BedRepository::opening)
                .optional();
    }

    List<EmergencyOpening> openings(UUID siteId) {
        return jdbc.sql(OPENING + " and site_id = ? order by lower(nights) desc")
                .param(siteId)
                .query(BedRepository::opening)
                .list();
    }

    /** Whether emergency openings of the site cover every night of [from, until). */
    boolean openCovers(UUID siteId, LocalDate from, @Nullable LocalDate until) {
        return jdbc.sql("""
                        select coalesce(range_agg(nights) @> daterange(?, ?, '[)'), false)
                          from shelters.emergency_opening where site_id = ? and deleted_at is null
                        """)
                .param(from)
                .param(until)
                .param(siteId)
                .query(Boolean.class)
                .single();
    }

    static ShelterRoom room(ResultSet row, int number) throws SQLException {
        Set<RoomRule> rules = EnumSet.noneOf(RoomRule.class);
        for (RoomRule rule : RoomRule.values()) {
            if (row.getBoolean(rule.name().toLowerCase(java.util.Locale.ROOT))) {
                rules.add(rule);
            }
        }
        return new ShelterRoom(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getString("name"),
                rules,
                row.getLong("version"));
    }

    static ShelterBed bed(ResultSet row, int number) throws SQLException {
        return new ShelterBed(
                row.getObject("id", UUID.class),
                row.getObject("room_id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getString("label"),
                row.getBoolean("emergency"),
                row.getObject("in_service_from", LocalDate.class),
                row.getLong("version"));
    }

    static BedOutage outage(ResultSet row, int number) throws SQLException {
        return new BedOutage(
                row.getObject("id", UUID.class),
                row.getObject("bed_id", UUID.class),
                row.getObject("first", LocalDate.class),
                row.getObject("until", LocalDate.class),
                OutageReason.valueOf(row.getString("reason")),
                row.getLong("version"));
    }

    static EmergencyOpening opening(ResultSet row, int number) throws SQLException {
        return new EmergencyOpening(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getObject("first", LocalDate.class),
                row.getObject("until", LocalDate.class),
                OpeningReason.valueOf(row.getString("reason")),
                row.getLong("version"));
    }
}
