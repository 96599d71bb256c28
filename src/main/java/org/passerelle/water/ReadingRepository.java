package org.passerelle.water;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.Positioned;
import org.passerelle.water.WaterViews.WaterReading;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The readings taken at water points. */
@Repository
class ReadingRepository {

    private static final String COLUMNS =
            "id, point_id, measured_at, frc_mg_l, turbidity_ntu, volume_l, in_range, recorded_by_name";

    private final JdbcClient jdbc;

    ReadingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<WaterReading> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from water.reading where id = ? and deleted_at is null")
                .param(id)
                .query(ReadingRepository::reading)
                .optional();
    }

    boolean idTaken(UUID id) {
        return jdbc.sql("select exists (select 1 from water.reading where id = ?)")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    /** A point's readings, newest first. */
    List<WaterReading> ofPoint(UUID pointId, int limit) {
        return jdbc.sql("select " + COLUMNS + " from water.reading where point_id = ? and deleted_at is null"
                        + " order by measured_at desc limit ?")
                .params(pointId, limit)
                .query(ReadingRepository::reading)
                .list();
    }

    /** The last reading of each of these points that has one. */
    Map<UUID, WaterReading> latest(Collection<UUID> pointIds) {
        return jdbc
                .sql("select distinct on (point_id) " + COLUMNS + " from water.reading"
                        + " where point_id = any(?) and deleted_at is null order by point_id, measured_at desc")
                .param(pointIds.toArray(UUID[]::new))
                .query(ReadingRepository::reading)
                .list()
                .stream()
                .collect(Collectors.toMap(WaterReading::pointId, Function.identity()));
    }

    void insert(WaterReading reading, UUID siteId, UUID by) {
        jdbc.sql("""
                        insert into water.reading (id, point_id, site_id, measured_at, frc_mg_l, turbidity_ntu, volume_l,
                                                   in_range, recorded_by, recorded_by_name)
                        values (:id, :point, :site, :at, :chlorine, :turbidity, :volume, :inRange, :by, :byName)
                        """)
                .param("id", reading.id())
                .param("point", reading.pointId())
                .param("site", siteId)
                .param("at", OffsetDateTime.ofInstant(reading.measuredAt(), ZoneOffset.UTC))
                .param("chlorine", reading.chlorine())
                .param("turbidity", reading.turbidity())
                .param("volume", reading.volumeLitres())
                .param("inRange", reading.inRange())
                .param("by", by)
                .param("byName", reading.recordedBy())
                .update();
    }

    /** A reading changed since a pull's position, with its site, version, tombstone and position. */
    record Held(WaterReading reading, UUID siteId, long version, boolean removed, long transaction, long change)
            implements Positioned {}

    /** The readings changed after {@code after} by transactions older than every one still running. */
    List<Held> changedSince(Position after, int limit) {
        return SettledChanges.bind(
                        jdbc.sql("select " + COLUMNS + ", site_id, version, deleted_at is not null as removed, "
                                + SettledChanges.POSITION + " from water.reading where " + SettledChanges.AFTER),
                        after,
                        limit)
                .query((row, n) -> new Held(
                        reading(row, n),
                        row.getObject("site_id", UUID.class),
                        row.getLong("version"),
                        row.getBoolean("removed"),
                        row.getLong("transaction"),
                        row.getLong("change")))
                .list();
    }

    private static WaterReading reading(ResultSet row, int rowNumber) throws SQLException {
        Timestamp measured = row.getTimestamp("measured_at");
        BigDecimal chlorine = row.getBigDecimal("frc_mg_l");
        BigDecimal turbidity = row.getBigDecimal("turbidity_ntu");
        return new WaterReading(
                row.getObject("id", UUID.class),
                row.getObject("point_id", UUID.class),
                measured.toInstant(),
                chlorine,
                turbidity,
                row.getObject("volume_l", Integer.class),
                row.getBoolean("in_range"),
                row.getString("recorded_by_name"));
    }
}
