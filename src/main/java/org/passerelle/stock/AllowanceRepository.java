package org.passerelle.stock;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.platform.Ids;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The allowances of devices: each kept as a place of its own beside the place its goods were set
 * aside from (same site, kind and name), one per device and place.
 */
@Repository
class AllowanceRepository {

    /** An allowance's row, without its lots. */
    record Row(UUID id, UUID locationId, UUID siteId, UUID deviceId, String name, long version) {}

    /** An allowance changed, at its place in the changes devices pull. */
    private static final String COLUMNS = "id, parent_id as location_id, site_id, device_id, name, version";

    private final JdbcClient jdbc;

    AllowanceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The device's allowance at the place, opened when it has none yet. */
    UUID open(UUID placeId, UUID deviceId, UUID by) {
        jdbc.sql("""
                        insert into stock.location (id, site_id, kind, name, parent_id, device_id, created_by, updated_by)
                        select ?, site_id, kind, name, id, ?, ?, ? from stock.location where id = ?
                        on conflict do nothing
                        """).params(Ids.newId(), deviceId, by, by, placeId).update();
        return find(placeId, deviceId).orElseThrow().id();
    }

    Optional<Row> find(UUID placeId, UUID deviceId) {
        return jdbc.sql("select " + COLUMNS
                        + " from stock.location where parent_id = ? and device_id = ? and deleted_at is null")
                .params(placeId, deviceId)
                .query(Row.class)
                .optional();
    }

    List<Row> ofPlace(UUID placeId) {
        return jdbc.sql("select " + COLUMNS
                        + " from stock.location where parent_id = ? and deleted_at is null order by created_at")
                .param(placeId)
                .query(Row.class)
                .list();
    }

    /** Every allowance of a device, at any place. */
    List<Row> ofDevice(UUID deviceId) {
        return jdbc.sql("select " + COLUMNS
                        + " from stock.location where device_id = ? and deleted_at is null order by created_at, id")
                .param(deviceId)
                .query(Row.class)
                .list();
    }

    List<Row> findAll(Collection<UUID> ids) {
        return jdbc.sql("select " + COLUMNS + " from stock.location where id = any(?) and device_id is not null")
                .param(ids.toArray(UUID[]::new))
                .query(Row.class)
                .list();
    }

    /** The allowances changed after a position, from settled transactions only. */
    List<ChangedRow> changedSince(Position after, int limit) {
        return SettledChanges.ids(jdbc, "stock.location", "device_id is not null", after, limit);
    }

    /** A new version of each allowance among the places whose lots changed, for devices to pull. */
    void touch(Collection<UUID> locationIds) {
        jdbc.sql("""
                        update stock.location set version = version + 1,
                               change_seq = nextval('stock.location_change_seq'), updated_at = now()
                         where id = any(?) and device_id is not null
                        """).param(locationIds.toArray(UUID[]::new)).update();
    }
}
