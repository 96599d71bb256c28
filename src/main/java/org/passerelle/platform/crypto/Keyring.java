package org.passerelle.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.database.DatabaseProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The master keys (current first, then older ones after a rotation) and the blind-index key. */
@Component
class Keyring {

    private static final Logger log = LoggerFactory.getLogger(Keyring.class);
    private static final int KEY_BYTES = 32;

    private final Map<String, SecretKey> masterKeys = new LinkedHashMap<>();
    private final String currentMasterKeyId;
    private final byte[] indexKey;

    Keyring(KeyProperties properties, DatabaseProperties database) {
        Path directory = database.dataDirectory().toAbsolutePath().resolve("keys");
        List<byte[]> masters = new ArrayList<>();
        masters.add(keyFrom(properties.masterKey(), directory.resolve("master.key"), "PASSERELLE_MASTER_KEY"));
        properties.previousMasterKeys().forEach(previous -> masters.add(decode(previous, "previous master key")));
        for (byte[] master : masters) {
            masterKeys.put(idOf(master), new SecretKeySpec(master, "AES"));
        }
        this.currentMasterKeyId = idOf(masters.getFirst());
        this.indexKey = keyFrom(properties.indexKey(), directory.resolve("index.key"), "PASSERELLE_INDEX_KEY");
    }

    String currentMasterKeyId() {
        return currentMasterKeyId;
    }

    SecretKey currentMasterKey() {
        return masterKey(currentMasterKeyId);
    }

    SecretKey masterKey(String id) {
        SecretKey key = masterKeys.get(id);
        if (key == null) {
            throw new CryptoException("unknown master key " + id + ": configure it among the previous master keys");
        }
        return key;
    }

    byte[] indexKey() {
        return indexKey.clone();
    }

    /** A short public name for a key: the first 8 bytes of its SHA-256, in hex. */
    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] keyFrom(@Nullable String configured, Path file, String variable) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, variable);
        }
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
            restrict(file);
            log.warn(
                    "Generated a new key in {} because {} is not set: keep a copy apart from database backups",
                    file.getFileName(),
                    variable);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            log.warn("Could not restrict the permissions of {} on this file system", file.getFileName());
        }
    }

    private static byte[] decode(String base64, String what) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not valid Base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException(what + " must be 32 bytes (44 Base64 characters)");
        }
        return key;
    }
}
