package org.passerelle.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The conflicts kept, their three values sealed with the key of the person they are about. */
@Repository
class ConflictRepository {

    /** A conflict as stored, values still sealed. */
    record Stored(
            UUID id,
            String recordType,
            UUID recordId,
            UUID subjectId,
            String field,
            byte[] base,
            byte[] server,
            byte[] device,
            @Nullable UUID deviceId,
            String userName,
            UUID siteId,
            Instant deviceTime,
            Instant receivedAt,
            String status,
            @Nullable String kept,
            @Nullable Instant resolvedAt) {}

    /** A new conflict, values sealed. */
    record NewConflict(
            UUID id,
            String recordType,
            UUID recordId,
            UUID subjectId,
            String field,
            byte[] base,
            byte[] server,
            byte[] device,
            UUID mutationId,
            @Nullable UUID deviceId,
            UUID userId,
            String userName,
            UUID siteId,
            Instant deviceTime,
            Instant receivedAt) {}

    private static final String COLUMNS = """
            id, record_type, record_id, subject_id, field, base_value, server_value, device_value, device_id,
            user_name, site_id, device_time, received_at, status, kept, resolved_at
            """;

    private final JdbcClient jdbc;

    ConflictRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(NewConflict conflict) {
        jdbc.sql("""
                        insert into sync.conflict (id, record_type, record_id, subject_id, field, base_value,
                            server_value, device_value, mutation_id, device_id, user_id, user_name, site_id, device_time,
                            received_at)
                        values (:id, :recordType, :recordId, :subjectId, :field, :base, :server, :device, :mutationId,
                            :deviceId, :userId, :userName, :siteId, :deviceTime, :receivedAt)
                        """)
                .param("id", conflict.id())
                .param("recordType", conflict.recordType())
                .param("recordId", conflict.recordId())
                .param("subjectId", conflict.subjectId())
                .param("field", conflict.field())
                .param("base", conflict.base())
                .param("server", conflict.server())
                .param("device", conflict.device())
                .param("mutationId", conflict.mutationId())
                .param("deviceId", conflict.deviceId())
                .param("userId", conflict.userId())
                .param("userName", conflict.userName())
                .param("siteId", conflict.siteId())
                .param("deviceTime", Timestamp.from(conflict.deviceTime()))
                .param("receivedAt", Timestamp.from(conflict.receivedAt()))
                .update();
    }

    /** The open conflicts at these sites (all when null), oldest first. */
    List<Stored> open(@Nullable Set<UUID> sites, int limit) {
        JdbcClient.StatementSpec statement = jdbc.sql("select " + COLUMNS + " from sync.conflict where status = 'OPEN'"
                        + (sites == null ? "" : " and site_id = any(:sites)")
                        + " order by received_at, id limit :limit")
                .param("limit", limit);
        if (sites != null) {
            statement = statement.param("sites", sites.toArray(UUID[]::new));
        }
        return statement.query(ConflictRepository::map).list();
    }

    Optional<Stored> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from sync.conflict where id = ?")
                .param(id)
                .query(ConflictRepository::map)
                .optional();
    }

    /** Marks an open conflict resolved; false when it was resolved meanwhile. */
    boolean resolve(UUID id, String kept, UUID userId, Instant at) {
        return jdbc.sql("""
                        update sync.conflict set status = 'RESOLVED', kept = ?, resolved_by = ?, resolved_at = ?
                         where id = ? and status = 'OPEN'
                        """).params(kept, userId, Timestamp.from(at), id).update() == 1;
    }

    void deleteAllAbout(UUID subjectId) {
        jdbc.sql("delete from sync.conflict where subject_id = ?")
                .param(subjectId)
                .update();
    }

    private static Stored map(ResultSet rs, int row) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Stored(
                rs.getObject("id", UUID.class),
                rs.getString("record_type"),
                rs.getObject("record_id", UUID.class),
                rs.getObject("subject_id", UUID.class),
                rs.getString("field"),
                rs.getBytes("base_value"),
                rs.getBytes("server_value"),
                rs.getBytes("device_value"),
                rs.getObject("device_id", UUID.class),
                rs.getString("user_name"),
                rs.getObject("site_id", UUID.class),
                rs.getTimestamp("device_time").toInstant(),
                rs.getTimestamp("received_at").toInstant(),
                rs.getString("status"),
                rs.getString("kept"),
                resolved == null ? null : resolved.toInstant());
    }
}
