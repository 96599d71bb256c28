package org.passerelle.stock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LocationKind;
import org.passerelle.stock.StockViews.NewLocation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The places goods are kept. */
@Repository
class LocationRepository {

    private static final String COLUMNS = "id, site_id, kind, name, version";

    private final JdbcClient jdbc;

    LocationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Location> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from stock.location where id = ? and deleted_at is null")
                .param(id)
                .query(LocationRepository::location)
                .optional();
    }

    List<Location> atSites(Collection<UUID> sites) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from stock.location where site_id = any(?) and deleted_at is null and device_id is null order by name")
                .param(sites.toArray(UUID[]::new))
                .query(LocationRepository::location)
                .list();
    }

    List<Location> all() {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from stock.location where deleted_at is null and device_id is null order by name limit 1000")
                .query(LocationRepository::location)
                .list();
    }

    /** Inserts a place; false when its id is taken already. */
    boolean insert(NewLocation location, String name, UUID by) {
        return jdbc.sql("""
                        insert into stock.location (id, site_id, kind, name, created_by, updated_by)
                        values (?, ?, ?, ?, ?, ?) on conflict (id) do nothing
                        """)
                        .params(
                                location.id(),
                                location.siteId(),
                                location.kind().name(),
                                name,
                                by,
                                by)
                        .update()
                == 1;
    }

    /** Renames a place read at {@code version}; the row is locked by {@code holdsGoods} or the caller's read. */
    void rename(UUID id, String name, long version, UUID by) {
        jdbc.sql("""
                        update stock.location set name = ?, version = version + 1,
                               change_seq = nextval('stock.location_change_seq'), updated_at = now(), updated_by = ?
                         where id = ? and version = ? and deleted_at is null
                        """).params(name, by, id, version).update();
    }

    /** Whether any lot at the place holds goods; locks the place's row so no receipt races the closing. */
    boolean holdsGoods(UUID id) {
        jdbc.sql("select id from stock.location where id = ? for update")
                .param(id)
                .query(UUID.class)
                .list();
        return jdbc.sql("""
                        select exists (select 1 from stock.balance where quantity > 0 and location_id in
                                       (select id from stock.location where id = ? or parent_id = ?))
                        """).params(id, id).query(Boolean.class).single();
    }

    /** Closes a place: a tombstone, so devices learn it is gone. */
    void close(UUID id, long version, UUID by) {
        jdbc.sql("""
                        update stock.location set deleted_at = now(), version = version + 1,
                               change_seq = nextval('stock.location_change_seq'), updated_at = now(), updated_by = ?
                         where id = ? and version = ? and deleted_at is null
                        """).params(by, id, version).update();
    }

    private static Location location(ResultSet row, int rowNumber) throws SQLException {
        return new Location(
                row.getObject("id", UUID.class),
                row.getObject("site_id", UUID.class),
                LocationKind.valueOf(row.getString("kind")),
                row.getString("name"),
                row.getLong("version"));
    }
}
