package org.passerelle.backup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Makes backups and says where they stand. A backup is written beside its final name, read back
 * whole (checksum, every sealed segment, the compressed stream), then given its name; only then
 * are backups beyond the number kept deleted, oldest first. One backup at a time.
 */
@Service
public class Backups {

    static final String RECORD_TYPE = "backup";
    private static final Logger log = LoggerFactory.getLogger(Backups.class);
    private static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final String PREFIX = "passerelle-";

    /** What made a backup. */
    public enum MadeBy {
        SCHEDULE,
        COMMAND,
        ADMINISTRATOR,
        KEY_ROTATION
    }

    /**
     * A backup made here. {@code present}: its file is still in the backup directory; {@code
     * restorable}: present and its key epoch still exists, so that it can be restored.
     */
    public record BackupView(
            UUID id,
            String fileName,
            Instant createdAt,
            long sizeBytes,
            int epoch,
            long millis,
            boolean verified,
            MadeBy madeBy,
            boolean present,
            boolean restorable) {}

    /** The backup directory, the schedule, how many are kept, the last backup and the latest ones. */
    public record Overview(
            String directory,
            String schedule,
            int keep,
            @Nullable BackupView last,
            List<BackupView> backups) {}

    private final BackupWriter writer;
    private final BackupReader reader;
    private final BackupRepository repository;
    private final BackupSettings settings;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final Clock clock;

    Backups(
            BackupWriter writer,
            BackupReader reader,
            BackupRepository repository,
            BackupSettings settings,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            Clock clock) {
        this.writer = writer;
        this.reader = reader;
        this.repository = repository;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.clock = clock;
    }

    /** Where the backups stand, for administrators. */
    public Overview overview() {
        requireAdministrator();
        List<BackupView> backups =
                repository.latest(settings.keep() * 2).stream().map(this::view).toList();
        return new Overview(
                settings.directory().toAbsolutePath().normalize().toString(),
                settings.cron(),
                settings.keep(),
                backups.isEmpty() ? null : backups.getFirst(),
                backups);
    }

    /** Backs up now, for an administrator who confirmed who they are in the last few minutes. */
    public BackupView backUpNow() {
        CurrentUser user = requireAdministrator();
        reauthentication.requireRecent();
        audit.recordSystem(user.id(), user.username(), AuditAction.EXPORT, "BACKUP_REQUESTED");
        return view(backUp(MadeBy.ADMINISTRATOR));
    }

    /** Makes a backup into the backup directory, verifies it and prunes the oldest beyond those kept. */
    synchronized BackupRepository.Run backUp(MadeBy madeBy) {
        Instant start = clock.instant();
        long started = System.nanoTime();
        Path directory = settings.directory().toAbsolutePath().normalize();
        String name = PREFIX + NAME.format(start) + BackupFile.EXTENSION;
        Path partial = directory.resolve(name + ".partial");
        try {
            Files.createDirectories(directory);
            BackupWriter.Written written = writer.write(partial, start);
            reader.verify(partial);
            Files.move(partial, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            BackupRepository.Run run = new BackupRepository.Run(
                    UUID.randomUUID(),
                    name,
                    start,
                    Files.size(directory.resolve(name)),
                    written.header().epoch(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis(),
                    true,
                    madeBy);
            repository.insert(run);
            audit.recordBySystem(AuditAction.EXPORT, RECORD_TYPE, run.id(), "SUCCESS " + madeBy);
            prune(directory);
            log.info(
                    "Backup {} written ({} bytes, {} ms, key epoch {})",
                    name,
                    run.sizeBytes(),
                    run.millis(),
                    run.epoch());
            return run;
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not write the backup " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    /** Deletes the backup files beyond the number kept, oldest first (their names sort by time). */
    private void prune(Path directory) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(directory)) {
            files = listed.filter(Backups::isBackup)
                    .sorted((a, b) ->
                            b.getFileName().toString().compareTo(a.getFileName().toString()))
                    .toList();
        }
        for (Path old : files.stream().skip(settings.keep()).toList()) {
            Files.deleteIfExists(old);
            log.info("Backup {} deleted: more than {} kept", old.getFileName(), settings.keep());
        }
    }

    static boolean isBackup(Path file) {
        String name = file.getFileName().toString();
        return name.startsWith(PREFIX) && name.endsWith(BackupFile.EXTENSION);
    }

    private BackupView view(BackupRepository.Run run) {
        Path file = settings.directory().toAbsolutePath().normalize().resolve(run.fileName());
        boolean present = Files.isRegularFile(file);
        boolean restorable = present && restorable(file);
        return new BackupView(
                run.id(),
                run.fileName(),
                run.createdAt(),
                run.sizeBytes(),
                run.epoch(),
                run.millis(),
                run.verified(),
                run.madeBy(),
                present,
                restorable);
    }

    private boolean restorable(Path file) {
        try {
            return reader.restorable(reader.header(file));
        } catch (BackupException e) {
            return false;
        }
    }

    private CurrentUser requireAdministrator() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete the unfinished backup {}", file.getFileName());
        }
    }
}
