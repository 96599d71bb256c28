package org.passerelle.imports;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.passerelle.imports.ImportViews.ImportJobStatus;
import org.passerelle.imports.ImportViews.ImportRefusal;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.springframework.stereotype.Component;

/**
 * The files uploaded for an import, kept in memory (never on disk, never in the database) for an
 * hour, each visible only to the user who uploaded it. A restart forgets them: the user uploads the
 * file again.
 */
@Component
class ImportStore {

    static final Duration KEPT = Duration.ofHours(1);

    /** One uploaded file and what became of it. */
    static final class Upload {
        final UUID id;
        final UUID ownerId;
        final Instant uploadedAt;
        final ImportFile.Table table;
        final AtomicInteger written = new AtomicInteger();
        volatile Map<Integer, Set<UUID>> proposed = Map.of();
        volatile @Nullable ImportJobStatus job;
        volatile List<ImportRefusal> refusals = List.of();

        Upload(UUID id, UUID ownerId, Instant uploadedAt, ImportFile.Table table) {
            this.id = id;
            this.ownerId = ownerId;
            this.uploadedAt = uploadedAt;
            this.table = table;
        }
    }

    private final Map<UUID, Upload> uploads = new ConcurrentHashMap<>();
    private final Clock clock;

    ImportStore(Clock clock) {
        this.clock = clock;
    }

    Upload add(UUID ownerId, ImportFile.Table table) {
        forgetExpired();
        Upload upload = new Upload(Ids.newId(), ownerId, clock.instant(), table);
        uploads.put(upload.id, upload);
        return upload;
    }

    /** The user's upload; {@code not-found} when it is another user's, expired or unknown. */
    Upload get(UUID id, UUID ownerId) {
        forgetExpired();
        return Optional.ofNullable(uploads.get(id))
                .filter(upload -> upload.ownerId.equals(ownerId))
                .orElseThrow(() -> DomainException.notFound("import"));
    }

    private void forgetExpired() {
        Instant oldest = clock.instant().minus(KEPT);
        uploads.values()
                .removeIf(upload -> upload.uploadedAt.isBefore(oldest)
                        && (upload.job == null || upload.job.status() != ImportViews.ImportStatus.RUNNING));
    }
}
