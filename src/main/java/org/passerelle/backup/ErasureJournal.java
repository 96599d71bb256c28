package org.passerelle.backup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.people.PersonErased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The erasures made since the backups, kept beside them and outside the database: a line per
 * erased record, once the erasure is committed — the record's id, when, and the id of the user who
 * erased it (none for retention). No name, nothing else about the person. A restore erases again
 * every record it names that the backup still holds, so an erased person does not come back.
 */
@Component
class ErasureJournal {

    static final String FILE = "erasures.journal";
    private static final Logger log = LoggerFactory.getLogger(ErasureJournal.class);

    private final BackupSettings settings;
    private final CurrentUsers currentUsers;
    private final Clock clock;

    ErasureJournal(BackupSettings settings, CurrentUsers currentUsers, Clock clock) {
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** One erasure in the journal. */
    record Entry(UUID personId, @Nullable UUID erasedBy) {}

    @TransactionalEventListener
    synchronized void erased(PersonErased erased) {
        Path file = file();
        String by = currentUsers
                .currentIfAny()
                .map(CurrentUser::id)
                .map(UUID::toString)
                .orElse("-");
        String line = erased.personId() + " " + clock.instant() + " " + by + "\n";
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file,
                    line,
                    StandardCharsets.US_ASCII,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND,
                    StandardOpenOption.SYNC);
        } catch (IOException e) {
            log.error("Could not write to the erasure journal beside the backups: {}", e.getMessage());
        }
    }

    /**
     * Removes the lines of erasures journalled before {@code cutoff}, which every kept backup holds
     * already; the journal is written anew beside and moved over the old one, so a crash leaves one or
     * the other whole. Returns how many lines went.
     */
    synchronized int pruneBefore(Instant cutoff) throws IOException {
        Path file = file();
        if (!Files.exists(file)) {
            return 0;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
        List<String> kept =
                lines.stream().filter(line -> !journalledBefore(line, cutoff)).toList();
        if (kept.size() == lines.size()) {
            return 0;
        }
        Path rewritten = file.resolveSibling(FILE + ".tmp");
        try (FileChannel channel = FileChannel.open(
                rewritten, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(kept.stream()
                    .map(line -> line + "\n")
                    .collect(Collectors.joining())
                    .getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        Files.move(rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return lines.size() - kept.size();
    }

    private static boolean journalledBefore(String line, Instant cutoff) {
        String[] fields = line.trim().split(" ");
        if (fields.length != 3) {
            return false;
        }
        try {
            return Instant.parse(fields[1]).isBefore(cutoff);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private Path file() {
        return settings.directory().toAbsolutePath().normalize().resolve(FILE);
    }

    /** Reads a journal; an absent file is an empty journal. */
    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(file)) {
            return entries;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split(" ");
                if (fields.length == 3) {
                    entries.add(new Entry(
                            UUID.fromString(fields[0]), fields[2].equals("-") ? null : UUID.fromString(fields[2])));
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw BackupException.unreadable("The erasure journal " + file + " cannot be read: " + e.getMessage());
        }
        return entries;
    }
}
