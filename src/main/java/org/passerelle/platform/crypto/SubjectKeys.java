package org.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.platform.database.VaultDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The key vault: creates, finds and destroys each data subject's key. Keys are wrapped with the
 * current master key and kept in the vault database, never with the data; unwrapped keys are
 * cached in memory for speed and forgotten when destroyed.
 */
@Service
public class SubjectKeys {

    private static final int CACHE_SIZE = 20_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate vault;
    private final Keyring keyring;
    private final Map<UUID, DataKey> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, DataKey> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    SubjectKeys(VaultDatabase vault, Keyring keyring) {
        this.vault = new JdbcTemplate(vault.dataSource());
        this.keyring = keyring;
    }

    /** The subject's key, created on first use. */
    public DataKey keyFor(UUID subjectId) {
        return existingKey(subjectId)
                .orElseGet(() -> createAll(List.of(subjectId)).get(subjectId));
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
                        "select master_key_id, wrapped_key from vault.subject_key where subject_id = ?",
                        (rs, row) -> unwrap(subjectId, rs.getString(1), rs.getBytes(2)),
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
                        "select subject_id, master_key_id, wrapped_key from vault.subject_key where subject_id = any(?)",
                        (rs, row) -> unwrap(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)),
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
        record Wrapped(UUID subjectId, String masterKeyId, byte[] key) {}
        List<Wrapped> wrapped = vault.query(
                "select subject_id, master_key_id, wrapped_key from vault.subject_key where subject_id = any(?)",
                (rs, row) -> new Wrapped(rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)),
                (Object) subjectIds.stream().distinct().toArray(UUID[]::new));
        return wrapped.parallelStream()
                .map(w -> unwrap(w.subjectId(), w.masterKeyId(), w.key()))
                .collect(Collectors.toMap(DataKey::subjectId, key -> key));
    }

    /** Creates keys for many subjects at once (bulk import); existing keys are kept and returned. */
    public Map<UUID, DataKey> createAll(Collection<UUID> subjectIds) {
        Map<UUID, DataKey> keys = new HashMap<>();
        List<Object[]> rows = subjectIds.stream()
                .map(subjectId -> {
                    byte[] raw = new byte[32];
                    RANDOM.nextBytes(raw);
                    byte[] wrapped = Aead.seal(keyring.currentMasterKey(), raw, wrappingData(subjectId));
                    return new Object[] {subjectId, keyring.currentMasterKeyId(), wrapped};
                })
                .toList();
        vault.batchUpdate(
                "insert into vault.subject_key (subject_id, master_key_id, wrapped_key) values (?, ?, ?) "
                        + "on conflict (subject_id) do nothing",
                rows);
        for (UUID subjectId : subjectIds) {
            keys.put(subjectId, existingKey(subjectId).orElseThrow());
        }
        return keys;
    }

    /** Destroys the subject's key: everything sealed with it becomes unreadable, in every copy. */
    public void destroy(UUID subjectId) {
        synchronized (cache) {
            cache.remove(subjectId);
        }
        vault.update("delete from vault.subject_key where subject_id = ?", subjectId);
    }

    /** Re-wraps every key still wrapped with an older master key; returns how many were re-wrapped. */
    public int rewrapWithCurrentMasterKey() {
        List<Object[]> stale = vault.query(
                "select subject_id, master_key_id, wrapped_key from vault.subject_key where master_key_id <> ?",
                (rs, row) -> new Object[] {rs.getObject(1, UUID.class), rs.getString(2), rs.getBytes(3)},
                keyring.currentMasterKeyId());
        for (Object[] row : stale) {
            UUID subjectId = (UUID) row[0];
            byte[] raw = Aead.open(keyring.masterKey((String) row[1]), (byte[]) row[2], wrappingData(subjectId));
            vault.update(
                    "update vault.subject_key set master_key_id = ?, wrapped_key = ? where subject_id = ?",
                    keyring.currentMasterKeyId(),
                    Aead.seal(keyring.currentMasterKey(), raw, wrappingData(subjectId)),
                    subjectId);
        }
        return stale.size();
    }

    private DataKey unwrap(UUID subjectId, String masterKeyId, byte[] wrapped) {
        byte[] raw = Aead.open(keyring.masterKey(masterKeyId), wrapped, wrappingData(subjectId));
        SecretKey key = new SecretKeySpec(raw, "AES");
        return new DataKey(subjectId, key);
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
}
