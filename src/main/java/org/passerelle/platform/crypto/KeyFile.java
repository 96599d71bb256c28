package org.passerelle.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 256-bit key given in configuration (Base64), or else generated once into a file of the data
 * directory readable by its owner only. Production installations configure their keys and keep a
 * copy apart from the database backups.
 */
public final class KeyFile {

    static final int KEY_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(KeyFile.class);

    private KeyFile() {}

    /**
     * The configured key, or the one kept in {@code file}, created there on first use.
     *
     * @param variable the environment variable that configures it, named in messages
     */
    public static byte[] load(@Nullable String configured, Path file, String variable) {
        if (configured != null && !configured.isBlank()) {
            return decode(configured, variable);
        }
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            Files.createDirectories(file.getParent(), ownerOnly("rwx------"));
            byte[] generated = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(generated);
            try {
                Files.createFile(file, ownerOnly("rw-------"));
            } catch (FileAlreadyExistsException createdMeanwhile) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII), file.toString());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated) + "\n", StandardCharsets.US_ASCII);
            log.warn(
                    "Generated a new key in {} because {} is not set: keep a copy apart from database backups",
                    file,
                    variable);
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the key file " + file, e);
        }
    }

    static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The key in " + source + " is not valid Base64", e);
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalStateException("The key in " + source + " must be 32 bytes (44 Base64 characters)");
        }
        return key;
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }
}
