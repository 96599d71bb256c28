package org.passerelle.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.stereotype.Component;

/**
 * The head of the sealed chain, written after each sealing into a file of the data directory,
 * outside the database, with its MAC by the audit key: {@code position chain written-at mac}. Whoever
 * removes the latest entries and their seals from the database cannot rewind this file without the
 * key, so verification finds the chain shorter than its last checkpoint. The file is a plain line
 * of text, to be copied with the logs or an export and checked later.
 */
@Component
class AuditCheckpoints {

    /** A checkpoint as read back; {@code signed} is false when its MAC does not match. */
    record Checkpoint(long position, byte[] chain, Instant writtenAt, boolean signed) {}

    private final Path file;
    private final AuditKey key;
    private final Clock clock;
    private long lastWritten = -1;

    AuditCheckpoints(DatabaseProperties database, AuditKey key, Clock clock) {
        this.file = database.dataDirectory().toAbsolutePath().resolve("audit").resolve(fileName(database.url()));
        this.key = key;
        this.clock = clock;
    }

    /**
     * One file per database: the embedded server's, or one named after the external server's URL, so
     * that pointing the same data directory at another database does not mix their heads.
     */
    private static String fileName(@Nullable String url) {
        if (url == null || url.isBlank()) {
            return "head.checkpoint";
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
            return "head-" + HexFormat.of().formatHex(digest, 0, 8) + ".checkpoint";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    Path file() {
        return file;
    }

    /** Records a new head; a head not past the one already recorded is ignored. */
    synchronized void write(long position, byte[] chain) {
        if (lastWritten < 0) {
            Checkpoint current = read();
            lastWritten = current == null ? 0 : current.position();
        }
        if (position <= lastWritten) {
            return;
        }
        Instant now = clock.instant();
        HexFormat hex = HexFormat.of();
        String line = position + " " + hex.formatHex(chain) + " " + now + " "
                + hex.formatHex(key.mac(encoding(position, chain, now)));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, line + "\n", StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastWritten = position;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit checkpoint " + file, e);
        }
    }

    /** Forgets the head recorded: the whole log was replaced by a restore, whose head comes next. */
    synchronized void forget() {
        try {
            Files.deleteIfExists(file);
            lastWritten = -1;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the audit checkpoint " + file, e);
        }
    }

    /** The last checkpoint, or null when none was ever written. */
    @Nullable
    Checkpoint read() {
        String line = line();
        return line == null ? null : parse(line, key);
    }

    /** The checkpoint file's line as it is, for an export; null when none was ever written. */
    @Nullable
    String line() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the audit checkpoint " + file, e);
        }
    }

    /** Reads a checkpoint line; one that cannot be read is returned as unsigned. */
    static Checkpoint parse(String line, AuditKey key) {
        try {
            List<String> fields = List.of(line.strip().split(" "));
            HexFormat hex = HexFormat.of();
            long position = Long.parseLong(fields.get(0));
            byte[] chain = hex.parseHex(fields.get(1));
            Instant at = Instant.parse(fields.get(2));
            boolean signed = key.verifies(encoding(position, chain, at), hex.parseHex(fields.get(3)));
            return new Checkpoint(position, chain, at, signed);
        } catch (RuntimeException unreadable) {
            return new Checkpoint(0, new byte[0], Instant.EPOCH, false);
        }
    }

    private static byte[] encoding(long position, byte[] chain, Instant at) {
        return AuditEncoding.of(AuditEncoding.CHECKPOINT)
                .field("position", position)
                .field("chain", chain)
                .field("written_at", at)
                .bytes();
    }
}
