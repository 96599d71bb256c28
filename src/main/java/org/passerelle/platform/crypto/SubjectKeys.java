package org.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.database.VaultDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The key vault: creates, finds and destroys each data subject's key. Keys are wrapped with the key
 * of the current {@linkplain KeyEpochs key epoch} and kept in the vault database, never with the
 * data; unwrapped keys are cached in memory for speed and forgotten when destroyed. A destroyed key
 * is gone from the live vault at once, and from every older copy of the vault once the epoch it was
 * wrapped in is destroyed by the next rotation; the vault remembers since when one awaits it.
 */
@Service
public class SubjectKeys {

    private static final Logger log = LoggerFactory.getLogger(SubjectKeys.class);
    private static final int CACHE_SIZE = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final int BATCH = 2_000;
    private static final String COLUMNS = "subject_id, master_key_id, epoch, wrapped_key";

    private final JdbcTemplate vault;
    private final Keyring keyring;
    private final KeyEpochs epochs;
    private final Clock clock;
    private final Map<UUID, DataKey> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, DataKey> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    SubjectKeys(VaultDatabase vault, Keyring keyring, KeyEpochs epochs, Clock clock) {
        this.vault = new JdbcTemplate(vault.dataSource());
        this.keyring = keyring;
        this.epochs = epochs;
        this.clock = clock;
        int migrated = rewrapInto(epochs.wrappingEpoch());
        if (migrated > 0) {
            log.info(
                    "{} keys wrapped with the master key re-wrapped in key epoch {}", migrated, epochs.wrappingEpoch());
        }
    }

    /** The subject's key, created on first use. */
    public DataKey keyFor(UUID subjectId) {
        return existingKey(subjectId)
                .orElseGet(() -> createAll(List.of(subjectId)).get(subjectId));
    }

    /**
     * The key of a subject being created (a person registered), in one call to the vault: a new key
     * is stored and kept, or, when the subject already has one (a registration sent again), that one.
     * The vault is written before the data and outside its transaction; a key whose data was then
     * rolled back seals nothing and serves the same subject if it comes again.
     */
    public DataKey newKeyFor(UUID subjectId) {
        int epoch = epochs.wrappingEpoch();
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        int stored = vault.update(
                "insert into vault.subject_key (subject_id, epoch, wrapped_key) values (?, ?, ?) "
                        + "on conflict (subject_id) do nothing",
                subjectId,
                epoch,
                Aead.seal(epochs.kek(epoch), raw, wrappingData(subjectId)));
        if (stored == 1) {
            return remember(new DataKey(subjectId, new SecretKeySpec(raw, "AES")));
        }
        return existingKey(subjectId).orElseThrow();
    }

    /** The subject's key, or none when it was never created or has been destroyed. */
    public Optional<DataKey> existingKey(UUID subjectId) {
        synchronized (cache) {
            DataKey cached = cache.get(subjectId);
            if (cached != null) {
                return Optional.of(cached);
            }
        }
        return vault
                .query(
                        "select " + COLUMNS + " from vault.subject_key where subject_id = ?",
                        (rs, row) -> unwrap(Wrapped.of(rs)),
                        subjectId)
                .stream()
                .findFirst()
                .map(this::remember);
    }

    /**
     * Loads the keys of many subjects in one query, so that opening a page of search results does not
     * ask the vault once per person.
     */
    public void preload(Collection<UUID> subjectIds) {
        List<UUID> missing;
        synchronized (cache) {
            missing = subjectIds.stream()
                    .distinct()
                    .filter(id -> !cache.containsKey(id))
                    .toList();
        }
        if (missing.isEmpty()) {
            return;
        }
        vault.query(
                        "select " + COLUMNS + " from vault.subject_key where subject_id = any(?)",
                        (rs, row) -> unwrap(Wrapped.of(rs)),
                        (Object) missing.toArray(UUID[]::new))
                .forEach(this::remember);
    }

    /**
     * The keys of many subjects, without keeping them in the cache: for a pass over the whole
     * registry (the duplicate scan), which must neither evict the keys in daily use nor keep a
     * million keys in memory. Subjects without a key are left out.
     */
    public Map<UUID, DataKey> keysOf(Collection<UUID> subjectIds) {
        if (subjectIds.isEmpty()) {
            return Map.of();
        }
        List<Wrapped> wrapped = vault.query(
                "select " + COLUMNS + " from vault.subject_key where subject_id = any(?)",
                (rs, row) -> Wrapped.of(rs),
                (Object) subjectIds.stream().distinct().toArray(UUID[]::new));
        return wrapped.parallelStream().map(this::unwrap).collect(Collectors.toMap(DataKey::subjectId, key -> key));
    }

    /**
     * Creates keys for many subjects at once (bulk import, a batch of registrations) in one statement
     * to the vault; existing keys are kept and returned. The keys just created are kept as made, not
     * read back; only the subjects that already had one (a batch sent again) are looked up.
     */
    public Map<UUID, DataKey> createAll(Collection<UUID> subjectIds) {
        int epoch = epochs.wrappingEpoch();
        SecretKey kek = epochs.kek(epoch);
        List<UUID> ids = subjectIds.stream().distinct().toList();
        Map<UUID, byte[]> raws = new HashMap<>(ids.size() * 2);
        List<byte[]> wrapped = ids.stream()
                .map(subjectId -> {
                    byte[] raw = new byte[32];
                    RANDOM.nextBytes(raw);
                    raws.put(subjectId, raw);
                    return Aead.seal(kek, raw, wrappingData(subjectId));
                })
                .toList();
        Integer[] epochColumn = new Integer[ids.size()];
        java.util.Arrays.fill(epochColumn, epoch);
        List<UUID> stored = vault.query(
                "insert into vault.subject_key (subject_id, epoch, wrapped_key)"
                        + " select * from unnest(?::uuid[], ?::integer[], ?::bytea[])"
                        + " on conflict (subject_id) do nothing returning subject_id",
                (rs, row) -> rs.getObject(1, UUID.class),
                ids.toArray(UUID[]::new),
                epochColumn,
                wrapped.toArray(byte[][]::new));
        Map<UUID, DataKey> keys = new HashMap<>(ids.size() * 2);
        for (UUID subjectId : stored) {
            keys.put(subjectId, remember(new DataKey(subjectId, new SecretKeySpec(raws.get(subjectId), "AES"))));
        }
        List<UUID> existing = ids.stream().filter(id -> !keys.containsKey(id)).toList();
        if (!existing.isEmpty()) {
            preload(existing);
            for (UUID subjectId : existing) {
                keys.put(subjectId, existingKey(subjectId).orElseThrow());
            }
        }
        return keys;
    }

    /**
     * Destroys the subject's key: everything sealed with it becomes unreadable in the live data and
     * in every copy of the data; copies of the vault lose it at the next rotation of the key epochs.
     */
    public void destroy(UUID subjectId) {
        synchronized (cache) {
            cache.remove(subjectId);
        }
        vault.update("delete from vault.subject_key where subject_id = ?", subjectId);
        vault.update(
                "update vault.erasure_rotation set pending_since = coalesce(pending_since, ?)",
                Timestamp.from(clock.instant()));
    }

    /** Since when a destroyed key awaits the next rotation, if one does. */
    public Optional<Instant> erasurePendingSince() {
        return Optional.ofNullable(
                        vault.queryForObject("select pending_since from vault.erasure_rotation", Timestamp.class))
                .map(Timestamp::toInstant);
    }

    /**
     * Forgets the erasures awaiting a rotation, which begins now: erasures from now on await the next
     * one. Returns since when they awaited, to {@linkplain #restorePendingErasures give it back} if the
     * rotation fails.
     */
    public Optional<Instant> takePendingErasures() {
        Optional<Instant> since = erasurePendingSince();
        vault.update("update vault.erasure_rotation set pending_since = null");
        return since;
    }

    /** Puts back erasures taken by a rotation that did not finish. */
    public void restorePendingErasures(Instant since) {
        vault.update(
                "update vault.erasure_rotation set pending_since = least(coalesce(pending_since, ?), ?)",
                Timestamp.from(since),
                Timestamp.from(since));
    }

    /**
     * Re-wraps in the given epoch every key wrapped in another one (or still with a master key), a
     * batch at a time, until none is left; keys created meanwhile are already wrapped in it. Returns
     * how many were re-wrapped.
     */
    public int rewrapInto(int epoch) {
        SecretKey kek = epochs.kek(epoch);
        int rewrapped = 0;
        while (true) {
            List<Wrapped> stale = vault.query(
                    "select " + COLUMNS + " from vault.subject_key where epoch is distinct from ? limit ?",
                    (rs, row) -> Wrapped.of(rs),
                    epoch,
                    BATCH);
            if (stale.isEmpty()) {
                return rewrapped;
            }
            List<Object[]> rows = stale.parallelStream()
                    .map(w -> new Object[] {
                        epoch, Aead.seal(kek, open(w), wrappingData(w.subjectId())), w.subjectId(), w.key()
                    })
                    .toList();
            vault.batchUpdate(
                    "update vault.subject_key set master_key_id = null, epoch = ?, wrapped_key = ? "
                            + "where subject_id = ? and wrapped_key = ?",
                    rows);
            rewrapped += stale.size();
        }
    }

    private DataKey unwrap(Wrapped wrapped) {
        return new DataKey(wrapped.subjectId(), new SecretKeySpec(open(wrapped), "AES"));
    }

    private byte[] open(Wrapped wrapped) {
        SecretKey wrapping = wrapped.epoch() == null
                ? keyring.masterKey(Objects.requireNonNull(wrapped.masterKeyId()))
                : epochs.kek(wrapped.epoch());
        return Aead.open(wrapping, wrapped.key(), wrappingData(wrapped.subjectId()));
    }

    private DataKey remember(DataKey key) {
        synchronized (cache) {
            cache.put(key.subjectId(), key);
        }
        return key;
    }

    private static byte[] wrappingData(UUID subjectId) {
        return ("subject-key|" + subjectId).getBytes(StandardCharsets.UTF_8);
    }

    /** A key as the vault keeps it: wrapped in an epoch, or (before the epochs) with a master key. */
    private record Wrapped(
            UUID subjectId,
            @Nullable String masterKeyId,
            @Nullable Integer epoch,
            byte[] key) {
        static Wrapped of(ResultSet rs) throws SQLException {
            return new Wrapped(
                    rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, Integer.class), rs.getBytes(4));
        }
    }
}
