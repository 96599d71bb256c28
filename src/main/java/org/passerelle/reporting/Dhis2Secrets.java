package org.passerelle.reporting;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.crypto.KeyFile;
import org.passerelle.platform.crypto.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the DHIS2 server's password at rest with AES-256-GCM. The key comes from {@code
 * passerelle.reporting.dhis2-key} (base64 of 32 bytes, e.g. from {@code PASSERELLE_DHIS2_KEY});
 * without it, one is generated at first start and kept in {@code <data directory>/keys/dhis2.key},
 * readable by the owner only, apart from the database.
 */
@Component
class Dhis2Secrets {

    static final String KEY_FILE = "keys/dhis2.key";
    private static final byte[] CONTEXT = "dhis2-password".getBytes(StandardCharsets.US_ASCII);

    private final SecretBox box;

    Dhis2Secrets(
            @Value("${passerelle.reporting.dhis2-key:}") @Nullable String configuredKey,
            @Value("${passerelle.database.data-directory:./data}") Path dataDirectory) {
        this.box = new SecretBox(KeyFile.load(configuredKey, dataDirectory.resolve(KEY_FILE), "PASSERELLE_DHIS2_KEY"));
    }

    byte[] seal(String password) {
        return box.seal(password.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    String open(byte[] sealed) {
        return new String(box.open(sealed, CONTEXT), StandardCharsets.UTF_8);
    }
}
