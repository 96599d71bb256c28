package org.passerelle.platform.crypto;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.stereotype.Component;

/** The master keys: the current one first, then older ones after a rotation of the master key. */
@Component
class Keyring {

    private final Map<String, SecretKey> masterKeys = new LinkedHashMap<>();
    private final String currentMasterKeyId;

    Keyring(KeyProperties properties, DatabaseProperties database) {
        Path directory = database.dataDirectory().toAbsolutePath().resolve("keys");
        List<byte[]> masters = new ArrayList<>();
        masters.add(KeyFile.load(properties.masterKey(), directory.resolve("master.key"), "PASSERELLE_MASTER_KEY"));
        properties
                .previousMasterKeys()
                .forEach(previous -> masters.add(KeyFile.decode(previous, "a previous master key")));
        for (byte[] master : masters) {
            masterKeys.put(idOf(master), new SecretKeySpec(master, "AES"));
        }
        this.currentMasterKeyId = idOf(masters.getFirst());
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

    /** A short public name for a key: the first 8 bytes of its SHA-256, in hex. */
    static String idOf(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
