package org.passerelle.shelters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.shelters.ShelterViews.Attendance;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What devices pull of a shelter: the rows changed after a position (through {@link SettledChanges})
 * and those rows as they are now, removed ones included.
 */
@Repository
class SyncReads {

    /** A row as a device holds it, with the site that decides who may hold it. */
    record Held(UUID id, UUID siteId, boolean removed, long version, Object value) {}

    /** A stay as a device holds it: the stay and its marks of the last nights, by night. */
    record SyncedStay(ShelterViews.ShelterStay stay, Map<LocalDate, Attendance> marks) {}

    private final JdbcClient jdbc;

    SyncReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChangedRow> changed(String table, String filter, Position after, int limit) {
        return SettledChanges.ids(jdbc, "shelters." + table, filter, after, limit);
    }

    List<Held> rooms(List<UUID> ids) {
        return held("select *, deleted_at is not null as removed from shelters.room", ids, BedRepository::room);
    }

    List<Held> beds(List<UUID> ids) {
        return held("select *, deleted_at is not null as removed from shelters.bed", ids, BedRepository::bed);
    }

    List<Held> outages(List<UUID> ids) {
        return held(
                "select *, lower(nights) as first, upper(nights) as until, deleted_at is not null as removed"
                        + " from shelters.bed_outage",
                ids,
                BedRepository::outage);
    }

    List<Held> openings(List<UUID> ids) {
        return held(
                "select *, lower(nights) as first, upper(nights) as until, deleted_at is not null as removed"
                        + " from shelters.emergency_opening",
                ids,
                BedRepository::opening);
    }

    /** The stays with their marks from the night {@code marksFrom} on. */
    List<Held> stays(List<UUID> ids, LocalDate marksFrom) {
        Map<UUID, Map<LocalDate, Attendance>> marks = new HashMap<>();
        jdbc.sql("select stay_id, night, status from shelters.night where stay_id = any(?) and night >= ?")
                .param(ids.toArray(UUID[]::new))
                .param(marksFrom)
                .query((row, number) -> marks.computeIfAbsent(
                                row.getObject("stay_id", UUID.class), id -> new HashMap<>())
                        .put(row.getObject("night", LocalDate.class), Attendance.valueOf(row.getString("status"))))
                .list();
        return held("""
                select s.id, s.site_id, s.person_id, s.household_id, s.mode, s.reason, s.planned_nights,
                       s.admitted_on, s.discharged_on, s.destination, s.version, s.deleted_at is not null as removed,
                       (select p.bed_id from shelters.placement p
                         where p.stay_id = s.id and p.deleted_at is null
                         order by lower(p.nights) desc limit 1) as bed_id
                  from shelters.stay s where s.id = any(?)
                """, ids, (row, number) -> {
            ShelterViews.ShelterStay stay = StayRepository.stay(row, number);
            return new SyncedStay(stay, marks.getOrDefault(stay.id(), Map.of()));
        });
    }

    private List<Held> held(String select, List<UUID> ids, RowMapper<?> value) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String sql = select.contains("any(?)") ? select : select + " where id = any(?)";
        return jdbc.sql(sql)
                .param(ids.toArray(UUID[]::new))
                .query((row, number) -> held(row, number, value))
                .list();
    }

    private static Held held(ResultSet row, int number, RowMapper<?> value) throws SQLException {
        return new Held(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                row.getBoolean("removed"),
                row.getLong("version"),
                java.util.Objects.requireNonNull(value.mapRow(row, number)));
    }
}
