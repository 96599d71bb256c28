package org.passerelle.sync;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonErased;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.sync.SyncViews.Keep;
import org.passerelle.sync.SyncViews.SyncConflict;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The conflicts kept when a field changed on the server and on a device: listed for the data
 * officers of the sites where they arose, each resolved once by keeping the server's value or
 * writing the device's through the module's write path. Reads and resolutions are audited; a
 * person's conflicts go with their erasure.
 */
@Service
@Transactional
public class Conflicts {

    static final String RECORD_TYPE = "sync-conflict";
    private static final int MAX_LISTED = 200;

    private final ConflictRepository repository;
    private final SyncedTypes types;
    private final CurrentUsers currentUsers;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    Conflicts(
            ConflictRepository repository,
            SyncedTypes types,
            CurrentUsers currentUsers,
            SubjectKeys keys,
            AuditLog audit,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.types = types;
        this.currentUsers = currentUsers;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The open conflicts of the data officer's sites, oldest first. */
    public List<SyncConflict> open() {
        CurrentUser user = requireDataOfficer();
        List<SyncConflict> listed = repository.open(user.allSites() ? null : user.siteIds(), MAX_LISTED).stream()
                .map(this::view)
                .flatMap(Optional::stream)
                .toList();
        listed.forEach(conflict -> audit.record(AuditAction.READ, conflict.recordType(), conflict.recordId()));
        return listed;
    }

    /** Resolves an open conflict by keeping the server's value, or writing the device's. */
    public SyncConflict resolve(UUID id, Keep keep) {
        CurrentUser user = requireDataOfficer();
        ConflictRepository.Stored stored = repository
                .find(id)
                .filter(conflict -> user.mayWorkAt(conflict.siteId()))
                .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (!stored.status().equals("OPEN")) {
            throw SyncProblems.conflictResolved();
        }
        if (keep == Keep.DEVICE) {
            DataKey key = keys.existingKey(stored.subjectId()).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
            types.of(stored.recordType()).resolve(stored.recordId(), stored.field(), open(key, stored.device()));
        }
        if (!repository.resolve(id, keep.name(), user.id(), clock.instant())) {
            throw SyncProblems.conflictResolved();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return repository.find(id).flatMap(this::view).orElseThrow();
    }

    @EventListener
    void on(PersonErased erased) {
        repository.deleteAllAbout(erased.personId());
    }

    private CurrentUser requireDataOfficer() {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    private Optional<SyncConflict> view(ConflictRepository.Stored stored) {
        return keys.existingKey(stored.subjectId())
                .map(key -> new SyncConflict(
                        stored.id(),
                        stored.recordType(),
                        stored.recordId(),
                        stored.field(),
                        open(key, stored.base()),
                        open(key, stored.server()),
                        open(key, stored.device()),
                        stored.deviceId(),
                        stored.userName(),
                        stored.siteId(),
                        stored.deviceTime(),
                        stored.receivedAt(),
                        stored.status(),
                        stored.kept(),
                        stored.resolvedAt()));
    }

    private JsonNode open(DataKey key, byte[] sealed) {
        return json.readTree(key.open(MutationApplier.CONFLICT_VALUE, sealed));
    }
}
