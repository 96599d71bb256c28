package org.passerelle.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The key epochs: each has a key-encryption key, which wraps the persons' keys in the vault, and a
 * blind-index key, kept in {@code <data directory>/keys/epochs/<n>.key} wrapped with the master
 * key, outside the vault and the data. A rotation {@linkplain #begin() begins} a new epoch, every
 * key is re-wrapped and every person indexed again under it, then it is {@linkplain #finish()
 * finished}: the older epoch files are overwritten and deleted, so a copy of the vault or of the
 * index taken before can no longer be opened with any key that exists.
 *
 * <p>Normally one epoch exists. During a rotation (or after one was interrupted) two do: new keys
 * are wrapped in the newer, index entries are written under both, and searches use the older until
 * the rotation finishes.
 */
@Component
public class KeyEpochs {

    private static final Logger log = LoggerFactory.getLogger(KeyEpochs.class);

    private final Keyring keyring;
    private final Path directory;
    private final Path legacyIndexKey;
    private final NavigableMap<Integer, EpochFile.Keys> epochs = new TreeMap<>();

    KeyEpochs(Keyring keyring, KeyProperties properties, DatabaseProperties database, Clock clock) {
        this.keyring = keyring;
        Path keys = database.dataDirectory().toAbsolutePath().resolve("keys");
        this.directory = keys.resolve("epochs");
        this.legacyIndexKey = keys.resolve("index.key");
        for (Path file : files()) {
            EpochFile stored = EpochFile.read(file);
            epochs.put(stored.epoch(), stored.unwrap(keyring.masterKey(stored.masterKeyId())));
        }
        if (epochs.isEmpty()) {
            create(1, clock.instant(), adoptedIndexKey(properties));
        } else if (properties.indexKey() != null && !properties.indexKey().isBlank()) {
            log.warn("PASSERELLE_INDEX_KEY is no longer used: the index keys live in the key epochs; remove it");
        }
    }

    /** The epoch new keys are wrapped in: the newest. */
    public synchronized int wrappingEpoch() {
        return epochs.lastKey();
    }

    /** The epoch whose index key searches use: the oldest still kept. */
    public synchronized int searchEpoch() {
        return epochs.firstKey();
    }

    /** Whether a rotation has begun and not finished. */
    public synchronized boolean rotating() {
        return epochs.size() > 1;
    }

    /** When the current epoch began: the time of the last rotation (or of the first start). */
    public synchronized Instant currentSince() {
        return epochs.firstEntry().getValue().created();
    }

    /**
     * Begins a rotation: a new epoch whose key wraps the new keys from now on; returns its number. A
     * rotation already begun (for example before a restart) is continued rather than begun again.
     */
    public synchronized int begin(Instant now) {
        if (rotating()) {
            return wrappingEpoch();
        }
        byte[] indexKey = new byte[KeyFile.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(indexKey);
        int next = wrappingEpoch() + 1;
        create(next, now, indexKey);
        return next;
    }

    /**
     * Finishes a rotation once every key is wrapped in the newest epoch and every person indexed
     * under its key: searches use the new index key, and the older epochs' files are overwritten and
     * deleted (with the index key of installations from before the epochs).
     */
    public synchronized void finish() {
        int newest = wrappingEpoch();
        for (Integer old : new ArrayList<>(epochs.headMap(newest).keySet())) {
            EpochFile.destroy(EpochFile.path(directory, old));
            epochs.remove(old);
            log.info("Key epoch {} destroyed", old);
        }
        EpochFile.destroy(legacyIndexKey);
    }

    /** Re-wraps the epoch files with the current master key; returns how many were re-wrapped. */
    public synchronized int rewrapWithCurrentMasterKey() {
        int rewrapped = 0;
        for (Path file : files()) {
            EpochFile stored = EpochFile.read(file);
            if (!stored.masterKeyId().equals(keyring.currentMasterKeyId())) {
                EpochFile.wrap(
                                Objects.requireNonNull(epochs.get(stored.epoch()), "an epoch file that was not loaded"),
                                keyring.currentMasterKeyId(),
                                keyring.currentMasterKey())
                        .write(directory);
                rewrapped++;
            }
        }
        return rewrapped;
    }

    /** Whether the epoch's file still exists, so that what was sealed under it can be opened. */
    public synchronized boolean alive(int epoch) {
        return epochs.containsKey(epoch);
    }

    /**
     * A key for one backup file, derived with HKDF-SHA-256 from the epoch's key-encryption key and
     * the file's random {@code salt}: it exists only as long as the epoch does, so a backup cannot
     * be read once a rotation destroyed its epoch.
     */
    public synchronized SecretKey backupKey(int epoch, byte[] salt) {
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(SHA256Digest.newInstance());
        hkdf.init(new HKDFParameters(
                kek(epoch).getEncoded(), salt, ("passerelle backup, epoch " + epoch).getBytes(StandardCharsets.UTF_8)));
        byte[] key = new byte[KeyFile.KEY_BYTES];
        hkdf.generateBytes(key, 0, key.length);
        return new SecretKeySpec(key, "AES");
    }

    synchronized SecretKey kek(int epoch) {
        EpochFile.Keys keys = epochs.get(epoch);
        if (keys == null) {
            throw new CryptoException("the key epoch " + epoch + " was destroyed");
        }
        return keys.kek();
    }

    /** The index keys entries are written under: the current epoch's, and the next one's in a rotation. */
    synchronized List<EpochFile.Keys> indexEpochs() {
        return List.copyOf(epochs.values());
    }

    synchronized EpochFile.Keys searchKeys() {
        return epochs.firstEntry().getValue();
    }

    private void create(int epoch, Instant created, byte[] indexKey) {
        EpochFile.Keys keys = EpochFile.generate(epoch, created, indexKey);
        EpochFile.wrap(keys, keyring.currentMasterKeyId(), keyring.currentMasterKey())
                .write(directory);
        epochs.put(epoch, keys);
        log.info("Key epoch {} created", epoch);
    }

    /**
     * The first epoch of an installation from before the epochs keeps its index key, so that its name
     * tokens stay valid until the first rotation; a new installation gets a random one.
     */
    private byte[] adoptedIndexKey(KeyProperties properties) {
        @Nullable String configured = properties.indexKey();
        if ((configured != null && !configured.isBlank()) || Files.exists(legacyIndexKey)) {
            return KeyFile.load(configured, legacyIndexKey, "PASSERELLE_INDEX_KEY");
        }
        byte[] random = new byte[KeyFile.KEY_BYTES];
        new java.security.SecureRandom().nextBytes(random);
        return random;
    }

    private List<Path> files() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().matches("[0-9]+\\.key"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the key epochs in " + directory, e);
        }
    }
}
