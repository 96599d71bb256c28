package org.passerelle.platform.crypto;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Properties;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * One key epoch as kept on disk ({@code keys/epochs/<n>.key}, readable by its owner only): its
 * key-encryption key, which wraps the data subjects' keys of the vault, and its blind-index key,
 * both wrapped with a master key. The file is the only copy of these keys: destroying it makes
 * every copy of the vault wrapped in this epoch, and every index entry computed in it, useless.
 */
record EpochFile(int epoch, Instant created, String masterKeyId, byte[] wrappedKek, byte[] wrappedIndexKey) {

    /** A new epoch with fresh random keys (or the given index key, when adopting an older one). */
    static Keys generate(int epoch, Instant created, byte[] indexKey) {
        byte[] kek = new byte[KeyFile.KEY_BYTES];
        new SecureRandom().nextBytes(kek);
        return new Keys(epoch, created, new SecretKeySpec(kek, "AES"), indexKey.clone());
    }

    static EpochFile wrap(Keys keys, String masterKeyId, SecretKey master) {
        int epoch = keys.epoch();
        return new EpochFile(
                epoch,
                keys.created(),
                masterKeyId,
                Aead.seal(master, keys.kek().getEncoded(), associatedData(epoch, "kek")),
                Aead.seal(master, keys.indexKey(), associatedData(epoch, "index")));
    }

    Keys unwrap(SecretKey master) {
        byte[] kek = Aead.open(master, wrappedKek, associatedData(epoch, "kek"));
        byte[] index = Aead.open(master, wrappedIndexKey, associatedData(epoch, "index"));
        return new Keys(epoch, created, new SecretKeySpec(kek, "AES"), index);
    }

    static Path path(Path directory, int epoch) {
        return directory.resolve(epoch + ".key");
    }

    static EpochFile read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the key epoch file " + file, e);
        }
        Base64.Decoder base64 = Base64.getDecoder();
        return new EpochFile(
                Integer.parseInt(required(properties, "epoch", file)),
                Instant.parse(required(properties, "created", file)),
                required(properties, "master-key", file),
                base64.decode(required(properties, "key-encryption-key", file)),
                base64.decode(required(properties, "index-key", file)));
    }

    /** Writes the file whole or not at all (a temporary file moved into place). */
    void write(Path directory) {
        Properties properties = new Properties();
        Base64.Encoder base64 = Base64.getEncoder();
        properties.setProperty("epoch", Integer.toString(epoch));
        properties.setProperty("created", created.toString());
        properties.setProperty("master-key", masterKeyId);
        properties.setProperty("key-encryption-key", base64.encodeToString(wrappedKek));
        properties.setProperty("index-key", base64.encodeToString(wrappedIndexKey));
        try {
            Files.createDirectories(directory, ownerOnly("rwx------"));
            Path temporary = directory.resolve(epoch + ".key.new");
            Files.deleteIfExists(temporary);
            Files.createFile(temporary, ownerOnly("rw-------"));
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
                properties.store(writer, "Passerelle key epoch: keep a copy of the newest epoch only");
            }
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(
                    temporary,
                    path(directory, epoch),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the key epoch file in " + directory, e);
        }
    }

    /** Overwrites a key file with random bytes, forces that to disk, then deletes it. */
    static void destroy(Path file) {
        try {
            if (!Files.exists(file)) {
                return;
            }
            byte[] noise = new byte[(int) Math.max(Files.size(file), 1)];
            new SecureRandom().nextBytes(noise);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.write(java.nio.ByteBuffer.wrap(noise), 0);
                channel.force(true);
            }
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not destroy the key file " + file, e);
        }
    }

    private static String required(Properties properties, String name, Path file) {
        return Objects.requireNonNull(properties.getProperty(name), () -> name + " missing in " + file);
    }

    private static byte[] associatedData(int epoch, String purpose) {
        return ("key-epoch|" + epoch + "|" + purpose).getBytes(StandardCharsets.UTF_8);
    }

    private static FileAttribute<?>[] ownerOnly(String permissions) {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        return posix
                ? new FileAttribute<?>[] {
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
                }
                : new FileAttribute<?>[0];
    }

    /** An epoch's keys, unwrapped: held in memory only. */
    record Keys(int epoch, Instant created, SecretKey kek, byte[] indexKey) {
        @Override
        public String toString() {
            return "Keys[epoch=" + epoch + "]";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Keys keys && keys.epoch == epoch;
        }

        @Override
        public int hashCode() {
            return epoch;
        }
    }
}
