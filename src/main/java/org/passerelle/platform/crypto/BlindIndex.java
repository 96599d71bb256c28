package org.passerelle.platform.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * Keyed hashes (HMAC-SHA-256, 16 bytes kept) of normalised name tokens, so that names can be found
 * without being stored in clear. Whoever holds both the database and the index key can confirm a
 * guessed token, but cannot list names; without the key the hashes say nothing.
 */
@Component
public class BlindIndex {

    private static final int LENGTH = 16;

    private final SecretKeySpec key;

    BlindIndex(Keyring keyring) {
        this.key = new SecretKeySpec(keyring.indexKey(), "HmacSHA256");
    }

    /** The index entry of a token of the given kind (for example {@code "prefix"} or {@code "word"}). */
    public byte[] of(String kind, String token) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal((kind + ":" + token).getBytes(StandardCharsets.UTF_8)), LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
