package org.passerelle.backup;

import jakarta.annotation.PreDestroy;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
    static final DateTimeFormatter NAME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    static final String PREFIX = "passerelle-";

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

    /** A backup being made: since when, and what asked for it. */
    public record Running(Instant since, MadeBy madeBy) {}

    /** The last backup that failed, when it is later than the last one made: when, what asked, why (a code). */
    public record Failure(Instant failedAt, MadeBy madeBy, String code) {}

    /**
     * The backup directory, the schedule, how many are kept, the last backup and the latest ones, the
     * backup being made if any, and the last failure if no backup was made since.
     */
    public record Overview(
            String directory,
            String schedule,
            int keep,
            @Nullable BackupView last,
            List<BackupView> backups,
            @Nullable Running running,
            @Nullable Failure lastFailure) {}

    /**
     * What a coordinator needs of the backups: when the last was made, its size, whether it was read
     * back whole, and the last failure if none was made since (no directory, no file names).
     */
    public record BackupStatus(
            @Nullable Instant lastAt,
            long sizeBytes,
            boolean verified,
            @Nullable Failure lastFailure) {}

    private final BackupWriter writer;
    private final BackupReader reader;
    private final BackupRepository repository;
    private final BackupSettings settings;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final Clock clock;
    private final KeptBackups kept;
    /** Held while a backup is made: one at a time. */
    final ReentrantLock lock = new ReentrantLock();

    private final AtomicReference<@Nullable Running> running = new AtomicReference<>();
    private final ExecutorService now = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("backup-now").daemon().factory());

    Backups(
            BackupWriter writer,
            BackupReader reader,
            BackupRepository repository,
            BackupSettings settings,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            Clock clock,
            KeptBackups kept) {
        this.writer = writer;
        this.reader = reader;
        this.repository = repository;
        this.settings = settings;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.clock = clock;
        this.kept = kept;
    }

    /** Where the backups stand, for administrators. */
    public Overview overview() {
        requireAdministrator();
        List<BackupView> backups =
                repository.latest(settings.keep() * 2).stream().map(this::view).toList();
        BackupView last = backups.isEmpty() ? null : backups.getFirst();
        Failure failure = failureSince(last);
        return new Overview(
                settings.directory().toAbsolutePath().normalize().toString(),
                settings.cron(),
                settings.keep(),
                last,
                backups,
                running.get(),
                failure);
    }

    /**
     * Starts a backup now, for an administrator who confirmed who they are in the last few minutes,
     * and answers at once: the backup is made in the background (a large registry takes minutes) and
     * the overview says it is running, then shows it or why it failed. Refused while one is running.
     */
    public Overview backUpNow() {
        CurrentUser user = requireAdministrator();
        reauthentication.requireRecent();
        if (lock.isLocked() || !running.compareAndSet(null, new Running(clock.instant(), MadeBy.ADMINISTRATOR))) {
            throw BackupProblems.inProgress();
        }
        audit.recordSystem(user.id(), user.username(), AuditAction.EXPORT, "BACKUP_REQUESTED");
        now.execute(() -> {
            try {
                backUp(MadeBy.ADMINISTRATOR);
            } catch (RuntimeException e) {
                log.error("The backup asked for by an administrator failed: {}", e.getMessage());
            }
        });
        return overview();
    }

    @PreDestroy
    void stop() {
        now.shutdownNow();
    }

    /**
     * Makes a backup into the backup directory, verifies it and prunes the oldest beyond those kept;
     * one at a time (another waits). A failure is recorded with its code before it is thrown.
     */
    BackupRepository.Run backUp(MadeBy madeBy) {
        lock.lock();
        try {
            running.set(new Running(clock.instant(), madeBy));
            return write(madeBy);
        } catch (RuntimeException e) {
            recordFailure(madeBy, e);
            throw e;
        } finally {
            running.set(null);
            lock.unlock();
        }
    }

    private void recordFailure(MadeBy madeBy, RuntimeException e) {
        String code = e instanceof BackupException backup ? backup.code() : BackupProblems.WRITE_FAILED;
        try {
            repository.insertFailure(new BackupRepository.Failure(clock.instant(), madeBy, code));
        } catch (RuntimeException notRecorded) {
            log.error("Could not record the failed backup: {}", notRecorded.getMessage());
        }
    }

    private BackupRepository.Run write(MadeBy madeBy) {
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
            kept.prune(directory);
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

    /** Whether the data is backed up, for coordinators and administrators. */
    public BackupStatus status() {
        if (!currentUsers.current().hasAnyRole(Role.ADMINISTRATOR, Role.COORDINATOR)) {
            throw DomainException.roleNotAllowed();
        }
        BackupView last =
                repository.latest(1).stream().map(this::view).findFirst().orElse(null);
        return last == null
                ? new BackupStatus(null, 0, false, failureSince(null))
                : new BackupStatus(last.createdAt(), last.sizeBytes(), last.verified(), failureSince(last));
    }

    private @Nullable Failure failureSince(@Nullable BackupView last) {
        return repository
                .lastFailure()
                .filter(failed -> last == null || failed.failedAt().isAfter(last.createdAt()))
                .map(failed -> new Failure(failed.failedAt(), failed.madeBy(), failed.code()))
                .orElse(null);
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
