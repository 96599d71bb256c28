package org.passerelle.people;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Reauthentication;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.BlindIndex;
import org.passerelle.platform.crypto.KeyEpochs;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.database.WriteAheadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Carries erasures to every older copy of the vault and of the index: a new key epoch, every
 * remaining person's key re-wrapped in it, every person indexed again under its index key, then the
 * older epoch's keys destroyed and the old index entries deleted. A copy of the vault or of the data
 * taken before then holds keys wrapped, and name tokens computed, under keys that no longer exist.
 * Searches go on meanwhile. It runs when an erasure has waited {@link Settings#rotationMaxDelay} (see
 * {@link KeyRotationJob}), or when an administrator asks.
 */
@Service
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    static final String RECORD_TYPE = "key_epoch";

    /**
     * @param rotationMaxDelay the longest an erasure waits before it reaches older copies of the
     *     vault, of the data and of the WAL ({@code PASSERELLE_ERASURE_ROTATION_MAX_DELAY})
     */
    @ConfigurationProperties("passerelle.erasure")
    public record Settings(@DefaultValue("7d") Duration rotationMaxDelay) {}

    /**
     * Where the rotations stand.
     *
     * @param epoch the current key epoch
     * @param since when it began (the last rotation, or the first start)
     * @param erasurePendingSince the oldest erasure not yet carried to older copies, if any
     * @param dueAt when the scheduled rotation carries it, if one is pending
     * @param maxDelayDays the longest an erasure waits for a rotation, in days
     */
    @Schema(name = "KeyRotationStatus")
    public record Status(
            int epoch,
            Instant since,
            @Nullable Instant erasurePendingSince,
            @Nullable Instant dueAt,
            long maxDelayDays) {}

    /** What a rotation did, and how long it took in all, to re-wrap the keys and to index everyone. */
    @Schema(name = "KeyRotationResult")
    public record Rotation(
            int epoch, int keysRewrapped, int personsIndexed, long millis, long rewrapMillis, long indexMillis) {}

    private final KeyEpochs epochs;
    private final SubjectKeys keys;
    private final BlindIndex index;
    private final IndexRebuild rebuild;
    private final WriteAheadLog wal;
    private final CurrentUsers currentUsers;
    private final Reauthentication reauthentication;
    private final AuditLog audit;
    private final Settings settings;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    KeyRotation(
            KeyEpochs epochs,
            SubjectKeys keys,
            BlindIndex index,
            IndexRebuild rebuild,
            WriteAheadLog wal,
            CurrentUsers currentUsers,
            Reauthentication reauthentication,
            AuditLog audit,
            Settings settings,
            Clock clock,
            ApplicationEventPublisher events) {
        this.epochs = epochs;
        this.keys = keys;
        this.index = index;
        this.rebuild = rebuild;
        this.wal = wal;
        this.currentUsers = currentUsers;
        this.reauthentication = reauthentication;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.events = events;
    }

    /** Where the rotations stand, for administrators. */
    public Status status() {
        requireAdministrator();
        return currentStatus();
    }

    /** Rotates now, for an administrator who confirmed who they are in the last few minutes. */
    public Rotation rotateNow() {
        CurrentUser user = requireAdministrator();
        reauthentication.requireRecent();
        audit.recordSystem(user.id(), user.username(), AuditAction.UPDATE, "KEY_ROTATION_REQUESTED");
        return rotate();
    }

    /** Whether a rotation is due at {@code now}: an erasure waited long enough, or one was interrupted. */
    boolean due(Instant now) {
        Status status = currentStatus();
        return epochs.rotating() || (status.dueAt() != null && !now.isBefore(status.dueAt()));
    }

    /** Rotates the key epochs (one rotation at a time); an interrupted rotation is continued. */
    synchronized Rotation rotate() {
        long start = System.nanoTime();
        Optional<Instant> pending = keys.takePendingErasures();
        try {
            int epoch = epochs.begin(clock.instant());
            int rewrapped = keys.rewrapInto(epoch);
            long rewrapEnd = System.nanoTime();
            BlindIndex.Key next = index.writeKeys().getLast();
            int indexed = rebuild.indexAll(next);
            long indexEnd = System.nanoTime();
            epochs.finish();
            rebuild.deleteOtherEpochs(epoch);
            wal.flush();
            Rotation rotation = new Rotation(
                    epoch,
                    rewrapped,
                    indexed,
                    millisSince(start, System.nanoTime()),
                    millisSince(start, rewrapEnd),
                    millisSince(rewrapEnd, indexEnd));
            audit.recordBySystem(AuditAction.UPDATE, RECORD_TYPE, null, "ROTATED");
            log.info(
                    "Key epoch {} in use: {} keys re-wrapped, {} persons indexed again in {} ms; older epochs destroyed",
                    epoch,
                    rewrapped,
                    indexed,
                    rotation.millis());
            events.publishEvent(new KeyEpochsRotated(epoch));
            return rotation;
        } catch (RuntimeException e) {
            pending.ifPresent(keys::restorePendingErasures);
            throw e;
        }
    }

    /** Runs {@code work} while no rotation runs (a re-indexing that must not interleave with one). */
    synchronized void runBetweenRotations(Runnable work) {
        work.run();
    }

    private static long millisSince(long start, long end) {
        return Duration.ofNanos(end - start).toMillis();
    }

    private Status currentStatus() {
        Optional<Instant> pending = keys.erasurePendingSince();
        return new Status(
                epochs.searchEpoch(),
                epochs.currentSince(),
                pending.orElse(null),
                pending.map(since -> since.plus(settings.rotationMaxDelay())).orElse(null),
                settings.rotationMaxDelay().toDays());
    }

    private CurrentUser requireAdministrator() {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
