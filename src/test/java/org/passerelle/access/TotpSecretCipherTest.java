package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.platform.crypto.CryptoException;

class TotpSecretCipherTest {

    private static final byte[] SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dataDirectory;

    @Test
    void decryptsWhatItEncryptedForTheSameUserOnly() {
        TotpSecretCipher cipher = new TotpSecretCipher("", dataDirectory);
        UUID user = UUID.randomUUID();

        byte[] stored = cipher.encrypt(SECRET, user);

        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("1234567890");
        assertThat(cipher.decrypt(stored, user)).isEqualTo(SECRET);
        assertThatThrownBy(() -> cipher.decrypt(stored, UUID.randomUUID())).isInstanceOf(CryptoException.class);
    }

    @Test
    void keepsAGeneratedKeyReadableByTheOwnerOnlyAndUsesItAfterARestart() throws Exception {
        UUID user = UUID.randomUUID();
        byte[] stored = new TotpSecretCipher(null, dataDirectory).encrypt(SECRET, user);

        Path file = dataDirectory.resolve(TotpSecretCipher.KEY_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(new TotpSecretCipher(null, dataDirectory).decrypt(stored, user))
                .isEqualTo(SECRET);
    }

    @Test
    void usesTheConfiguredKeyWithoutWritingAFile() {
        String key = Base64.getEncoder().encodeToString(new byte[32]);
        UUID user = UUID.randomUUID();

        byte[] stored = new TotpSecretCipher(key, dataDirectory).encrypt(SECRET, user);

        assertThat(new TotpSecretCipher(key, dataDirectory.resolve("elsewhere")).decrypt(stored, user))
                .isEqualTo(SECRET);
        assertThat(dataDirectory.resolve(TotpSecretCipher.KEY_FILE)).doesNotExist();
    }

    @Test
    void refusesAConfiguredKeyOfTheWrongLength() {
        String key = Base64.getEncoder().encodeToString(new byte[16]);

        assertThatThrownBy(() -> new TotpSecretCipher(key, dataDirectory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("32 bytes");
    }
}
