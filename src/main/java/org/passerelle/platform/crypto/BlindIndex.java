package org.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256, 16 bytes kept) of normalised name tokens, so that names can be found
 * without being stored in clear. Whoever holds both the database and the index key can confirm a
 * guessed token, but cannot list names; without the key the hashes say nothing. The key belongs to
 * a {@linkplain KeyEpochs key epoch} and is replaced at each rotation: entries computed under an
 * older key then confirm nothing, since that key no longer exists.
 */
@Component
public class BlindIndex {

    private static final int LENGTH = 16;

    private final KeyEpochs epochs;

    BlindIndex(KeyEpochs epochs) {
        this.epochs = epochs;
    }

    /**
     * The entry searched for a token of the given kind (for example {@code "prefix"} or {@code
     * "word"}), under the index key searches use.
     */
    public byte[] of(String kind, String token) {
        return hash(epochs.searchKeys().indexKey(), kind, token);
    }

    /**
     * The keys entries are written under: one normally, two during a rotation (the current and the
     * next), so that searches find every person whichever key they use.
     */
    public List<Key> writeKeys() {
        return epochs.indexEpochs().stream()
                .map(keys -> new Key(keys.epoch(), keys.indexKey()))
                .toList();
    }

    /**
     * The index key of one epoch, for writing entries under it: the HMAC is set up with the key once,
     * and each entry computed on a copy of it, as a person's names give dozens of entries.
     */
    public static final class Key {
        private final int epoch;
        private final Mac keyed;

        private Key(int epoch, byte[] key) {
            this.epoch = epoch;
            this.keyed = mac(key);
        }

        public int epoch() {
            return epoch;
        }

        /** The entry of a token of the given kind under this key. */
        public byte[] of(String kind, String token) {
            Mac mac;
            try {
                mac = (Mac) keyed.clone();
            } catch (CloneNotSupportedException e) {
                return hash(keyed, kind, token);
            }
            return hash(mac, kind, token);
        }
    }

    private static byte[] hash(byte[] key, String kind, String token) {
        return hash(mac(key), kind, token);
    }

    /** The entry of a token on an HMAC set up with its key (and used only here, not shared). */
    private static byte[] hash(Mac mac, String kind, String token) {
        synchronized (mac) {
            return Arrays.copyOf(mac.doFinal((kind + ":" + token).getBytes(StandardCharsets.UTF_8)), LENGTH);
        }
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
