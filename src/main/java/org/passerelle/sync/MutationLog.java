package org.passerelle.sync;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.sync.SyncViews.MutationResult;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mutations applied, with the result given the first time: a mutation pushed again gets that
 * result and changes nothing. Written in the transaction that applies the mutation, so a mutation is
 * either applied and remembered, or neither.
 */
@Repository
class MutationLog {

    /** A mutation already applied: what it was (by its hash) and what it gave. */
    record Applied(byte[] contentHash, MutationResult result) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MutationLog(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Applied> find(UUID mutationId) {
        return jdbc.sql("select content_hash, result::text from sync.mutation where mutation_id = ?")
                .param(mutationId)
                .query((rs, row) -> new Applied(rs.getBytes(1), json.readValue(rs.getString(2), MutationResult.class)))
                .optional();
    }

    /**
     * The mutations among these that were applied already, with what they gave, in one query: a batch
     * sent again is answered from it without a round trip per mutation.
     */
    Map<UUID, Applied> findAll(List<UUID> mutationIds) {
        if (mutationIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, Applied> found = new HashMap<>();
        jdbc.sql("select mutation_id, content_hash, result::text from sync.mutation where mutation_id = any(?)")
                .param(mutationIds.toArray(UUID[]::new))
                .query(row -> {
                    found.put(
                            row.getObject(1, UUID.class),
                            new Applied(row.getBytes(2), json.readValue(row.getString(3), MutationResult.class)));
                });
        return found;
    }

    void insert(
            Mutation mutation,
            byte[] contentHash,
            UUID userId,
            @Nullable UUID deviceId,
            Instant receivedAt,
            MutationResult result) {
        jdbc.sql("""
                        insert into sync.mutation (mutation_id, content_hash, device_id, user_id, site_id, record_type,
                            record_id, device_time, received_at, outcome, result)
                        values (:mutation, :hash, :device, :user, :site, :type, :record, :deviceTime, :receivedAt,
                            :outcome, cast(:result as jsonb))
                        """)
                .param("mutation", mutation.mutationId())
                .param("hash", contentHash)
                .param("device", deviceId)
                .param("user", userId)
                .param("site", mutation.siteId())
                .param("type", mutation.recordType())
                .param("record", mutation.recordId())
                .param("deviceTime", Timestamp.from(mutation.deviceTime()))
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("outcome", result.outcome().name())
                .param("result", json.writeValueAsString(result))
                .update();
    }

    /** Which of these mutations were applied already, in one query. */
    Set<UUID> knownAmong(List<UUID> mutationIds) {
        if (mutationIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select mutation_id from sync.mutation where mutation_id = any(?)")
                .param(mutationIds.toArray(UUID[]::new))
                .query(UUID.class)
                .list());
    }

    /** Remembers many mutations applied together, with their results, in one statement. */
    void insertAll(
            List<Mutation> mutations,
            List<byte[]> contentHashes,
            UUID userId,
            @Nullable UUID deviceId,
            Instant receivedAt,
            List<MutationResult> results) {
        int size = mutations.size();
        UUID[] devices = new UUID[size];
        UUID[] users = new UUID[size];
        String[] received = new String[size];
        Arrays.fill(devices, deviceId);
        Arrays.fill(users, userId);
        Arrays.fill(received, receivedAt.toString());
        jdbc.sql("""
                        insert into sync.mutation (mutation_id, content_hash, device_id, user_id, site_id, record_type,
                            record_id, device_time, received_at, outcome, result)
                        select mutation_id, content_hash, device_id, user_id, site_id, record_type, record_id,
                               cast(device_time as timestamptz), cast(received_at as timestamptz), outcome,
                               cast(result as jsonb)
                          from unnest(?::uuid[], ?::bytea[], ?::uuid[], ?::uuid[], ?::uuid[], ?::text[], ?::uuid[],
                                      ?::text[], ?::text[], ?::text[], ?::text[])
                               as m(mutation_id, content_hash, device_id, user_id, site_id, record_type, record_id,
                                    device_time, received_at, outcome, result)
                        """)
                .params(
                        mutations.stream().map(Mutation::mutationId).toArray(UUID[]::new),
                        contentHashes.toArray(byte[][]::new),
                        devices,
                        users,
                        mutations.stream().map(Mutation::siteId).toArray(UUID[]::new),
                        mutations.stream().map(Mutation::recordType).toArray(String[]::new),
                        mutations.stream().map(Mutation::recordId).toArray(UUID[]::new),
                        mutations.stream()
                                .map(mutation -> mutation.deviceTime().toString())
                                .toArray(String[]::new),
                        received,
                        results.stream().map(result -> result.outcome().name()).toArray(String[]::new),
                        results.stream().map(json::writeValueAsString).toArray(String[]::new))
                .update();
    }
}
