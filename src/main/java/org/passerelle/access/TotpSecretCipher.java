package org.passerelle.access;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.crypto.KeyFile;
import org.passerelle.platform.crypto.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts TOTP secrets at rest with AES-256-GCM, bound to their user. The key comes from
 * {@code passerelle.security.totp-key} (base64 of 32 bytes, e.g. from {@code PASSERELLE_TOTP_KEY});
 * without it, one is generated at first start and kept in {@code <data directory>/keys/totp.key},
 * readable by the owner only. Losing the key means every user must enrol again.
 */
@Component
class TotpSecretCipher {

    static final String KEY_FILE = "keys/totp.key";

    private final SecretBox box;

    TotpSecretCipher(
            @Value("${passerelle.security.totp-key:}") @Nullable String configuredKey,
            @Value("${passerelle.database.data-directory:./data}") Path dataDirectory) {
        this.box = new SecretBox(KeyFile.load(configuredKey, dataDirectory.resolve(KEY_FILE), "PASSERELLE_TOTP_KEY"));
    }

    byte[] encrypt(byte[] secret, UUID userId) {
        return box.seal(secret, owner(userId));
    }

    byte[] decrypt(byte[] stored, UUID userId) {
        return box.open(stored, owner(userId));
    }

    private static byte[] owner(UUID userId) {
        return ("totp|" + userId).getBytes(StandardCharsets.US_ASCII);
    }
}
