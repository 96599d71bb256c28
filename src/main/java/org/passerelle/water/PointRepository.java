package org.passerelle.water;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.Positioned;
import org.passerelle.water.WaterViews.NewWaterPoint;
import org.passerelle.water.WaterViews.PointKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The water points, with the last reading of each. */
@Repository
class PointRepository {

    /** A point as stored, and the id of its last reading if it has one. */
    record Row(
            UUID id,
            UUID siteId,
            PointKind kind,
            String name,
            double lat,
            double lon,
            @Nullable Integer capacityLitres,
            long version) {}

    private static final String COLUMNS = "id, site_id, kind, name, lat, lon, capacity_l, version";

    private final JdbcClient jdbc;

    PointRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from water.point where id = ? and deleted_at is null")
                .param(id)
                .query(PointRepository::row)
                .optional();
    }

    /** The points at these sites (at every site when null), by name. */
    List<Row> atSites(@Nullable Collection<UUID> sites) {
        if (sites == null) {
            return jdbc.sql("select " + COLUMNS + " from water.point where deleted_at is null order by name limit 2000")
                    .query(PointRepository::row)
                    .list();
        }
        return jdbc.sql("select " + COLUMNS
                        + " from water.point where site_id = any(?) and deleted_at is null order by name limit 2000")
                .param(sites.toArray(UUID[]::new))
                .query(PointRepository::row)
                .list();
    }

    /** Inserts a point; false when its id is taken already. */
    boolean insert(NewWaterPoint point, String name, UUID by) {
        return jdbc.sql("""
                        insert into water.point (id, site_id, kind, name, lat, lon, capacity_l, created_by, updated_by)
                        values (:id, :site, :kind, :name, :lat, :lon, :capacity, :by, :by) on conflict (id) do nothing
                        """)
                        .param("id", point.id())
                        .param("site", point.siteId())
                        .param("kind", point.kind().name())
                        .param("name", name)
                        .param("lat", point.lat())
                        .param("lon", point.lon())
                        .param("capacity", point.capacityLitres())
                        .param("by", by)
                        .update()
                == 1;
    }

    /** A point changed since a pull's position, with its tombstone and position. */
    record Held(Row point, boolean removed, long transaction, long change) implements Positioned {}

    /** The points changed after {@code after} by transactions older than every one still running. */
    List<Held> changedSince(Position after, int limit) {
        return SettledChanges.bind(
                        jdbc.sql("select " + COLUMNS + ", deleted_at is not null as removed, " + SettledChanges.POSITION
                                + " from water.point where " + SettledChanges.AFTER),
                        after,
                        limit)
                .query((row, n) -> new Held(
                        row(row, n), row.getBoolean("removed"), row.getLong("transaction"), row.getLong("change")))
                .list();
    }

    private static Row row(ResultSet row, int rowNumber) throws SQLException {
        return new Row(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                PointKind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getDouble("lat"),
                row.getDouble("lon"),
                row.getObject("capacity_l", Integer.class),
                row.getLong("version"));
    }
}
