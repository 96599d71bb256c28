package org.passerelle.devices;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.devices.DeviceViews.Device;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The enrolled devices. */
@Repository
class DeviceRepository {

    /** A stored device, with the hash of its token. */
    record StoredDevice(Device device, byte[] tokenHash) {}

    /** A new enrolment to store. */
    record NewDevice(
            UUID id,
            UUID installationId,
            UUID userId,
            String username,
            String name,
            boolean allSites,
            List<UUID> sites,
            byte[] tokenHash,
            Instant at) {}

    private static final String COLUMNS = """
            id, installation_id, user_id, username, name, all_sites, site_ids, token_hash,
            enrolled_at, last_contact_at, revoked_at, version
            """;

    private final JdbcClient jdbc;

    DeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredDevice> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from devices.device where id = ? and deleted_at is null")
                .param(id)
                .query(DeviceRepository::stored)
                .optional();
    }

    List<Device> ofUser(UUID userId) {
        return jdbc
                .sql("select " + COLUMNS
                        + " from devices.device where user_id = ? and deleted_at is null order by enrolled_at desc")
                .param(userId)
                .query(DeviceRepository::stored)
                .list()
                .stream()
                .map(StoredDevice::device)
                .toList();
    }

    List<Device> all() {
        return jdbc
                .sql("select " + COLUMNS
                        + " from devices.device where deleted_at is null order by enrolled_at desc limit 1000")
                .query(DeviceRepository::stored)
                .list()
                .stream()
                .map(StoredDevice::device)
                .toList();
    }

    /** The live enrolment of this user on this installation, if any. */
    Optional<UUID> liveEnrolment(UUID installationId, UUID userId) {
        return jdbc.sql("""
                        select id from devices.device
                         where installation_id = ? and user_id = ? and revoked_at is null and deleted_at is null
                        """).params(installationId, userId).query(UUID.class).optional();
    }

    void insert(NewDevice device) {
        jdbc.sql("""
                        insert into devices.device (id, installation_id, user_id, username, name, all_sites, site_ids,
                                                    token_hash, enrolled_at, last_contact_at, created_by, updated_by)
                        values (:id, :installation, :user, :username, :name, :allSites, :sites,
                                :token, :at, :at, :user, :user)
                        """)
                .param("id", device.id())
                .param("installation", device.installationId())
                .param("user", device.userId())
                .param("username", device.username())
                .param("name", device.name())
                .param("allSites", device.allSites())
                .param("sites", device.sites().toArray(UUID[]::new))
                .param("token", device.tokenHash())
                .param("at", OffsetDateTime.ofInstant(device.at(), java.time.ZoneOffset.UTC))
                .update();
    }

    /** Revokes a device still enrolled; false when it was revoked already. */
    boolean revoke(UUID id, UUID by, Instant at) {
        return jdbc.sql("""
                        update devices.device
                           set revoked_at = :at, revoked_by = :by, version = version + 1,
                               change_seq = nextval('devices.device_change_seq'), updated_at = :at, updated_by = :by
                         where id = :id and revoked_at is null and deleted_at is null
                        """)
                        .param("id", id)
                        .param("by", by)
                        .param("at", OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                        .update()
                == 1;
    }

    /** Notes the time of a device's contact (not a change of the record: its version stays). */
    void contacted(UUID id, Instant at) {
        jdbc.sql("update devices.device set last_contact_at = ? where id = ?")
                .params(OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC), id)
                .update();
    }

    private static StoredDevice stored(ResultSet row, int rowNumber) throws SQLException {
        Device device = new Device(
                row.getObject("id", UUID.class),
                row.getObject("installation_id", UUID.class),
                row.getObject("user_id", UUID.class),
                row.getString("username"),
                row.getString("name"),
                row.getBoolean("all_sites"),
                uuids(row.getArray("site_ids")),
                instant(row, "enrolled_at"),
                instant(row, "last_contact_at"),
                nullableInstant(row, "revoked_at"),
                row.getLong("version"));
        return new StoredDevice(device, row.getBytes("token_hash"));
    }

    private static List<UUID> uuids(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(UUID.class::cast).toList();
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        return row.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
