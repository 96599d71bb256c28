package org.passerelle.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
    private static final Logger log = LoggerFactory.getLogger(TotpSecretCipher.class);
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final SecretKey key;

    TotpSecretCipher(
            @Value("${passerelle.security.totp-key:}") @Nullable String configuredKey,
            @Value("${passerelle.database.data-directory:./data}") Path dataDirectory) {
        byte[] bytes = configuredKey == null || configuredKey.isBlank()
                ? keptKey(dataDirectory.resolve(KEY_FILE))
                : decode(configuredKey, "passerelle.security.totp-key");
        this.key = new SecretKeySpec(bytes, "AES");
    }

    byte[] encrypt(byte[] secret, UUID userId) {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, iv, userId, secret);
        return ByteBuffer.allocate(1 + IV_BYTES + sealed.length)
                .put(FORMAT)
                .put(iv)
                .put(sealed)
                .array();
    }

    byte[] decrypt(byte[] stored, UUID userId) {
        if (stored.length <= 1 + IV_BYTES || stored[0] != FORMAT) {
            throw new IllegalStateException("Unknown format of a stored TOTP secret");
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored, 1, stored.length - 1);
        byte[] iv = new byte[IV_BYTES];
        buffer.get(iv);
        byte[] sealed = new byte[buffer.remaining()];
        buffer.get(sealed);
        return run(Cipher.DECRYPT_MODE, iv, userId, sealed);
    }

    private byte[] run(int mode, byte[] iv, UUID userId, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(userId.toString().getBytes(StandardCharsets.US_ASCII));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A TOTP secret could not be encrypted or decrypted (wrong key?)", e);
        }
    }

    private byte[] keptKey(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file), file.toString());
            }
            Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
            byte[] generated = new byte[KEY_BYTES];
            random.nextBytes(generated);
            try {
                Files.createFile(file, ownerOnly("rw-------"));
            } catch (FileAlreadyExistsException createdMeanwhile) {
                return decode(Files.readString(file), file.toString());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated) + "\n");
            log.warn(
                    "Generated the key that encrypts TOTP secrets in {}: back it up, or set PASSERELLE_TOTP_KEY", file);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the TOTP key file " + file, e);
        }
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = java.nio.file.FileSystems.getDefault()
                .supportedFileAttributeViews()
                .contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    private static byte[] decode(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The TOTP key in " + source + " is not base64", e);
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The TOTP key in " + source + " must be 32 bytes in base64");
        }
        return bytes;
    }
}
