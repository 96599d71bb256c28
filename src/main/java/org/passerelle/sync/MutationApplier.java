package org.passerelle.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.Ids;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.FieldConflict;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.sync.SyncViews.ConflictRef;
import org.passerelle.sync.SyncViews.MutationResult;
import org.passerelle.sync.SyncViews.Outcome;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies one mutation in the caller's transaction, once: the module applies it, the conflicts it
 * reports are kept, and the mutation is remembered with its result.
 */
@Component
class MutationApplier {

    /** What a sealed conflict value is, for its authenticated encryption. */
    static final String CONFLICT_VALUE = "sync-conflict-value";

    private final MutationLog log;
    private final ConflictRepository conflicts;
    private final CurrentUsers currentUsers;
    private final SubjectKeys keys;
    private final JsonMapper json;

    MutationApplier(
            MutationLog log,
            ConflictRepository conflicts,
            CurrentUsers currentUsers,
            SubjectKeys keys,
            JsonMapper json) {
        this.log = log;
        this.conflicts = conflicts;
        this.currentUsers = currentUsers;
        this.keys = keys;
        this.json = json;
    }

    MutationResult applyOnce(
            SyncedRecords records, Mutation mutation, byte[] hash, CurrentUser user, Instant receivedAt) {
        var known = log.find(mutation.mutationId());
        if (known.isPresent()) {
            return replayed(known.get(), hash);
        }
        if (!user.mayWorkAt(mutation.siteId())) {
            throw SyncProblems.siteNotAllowed();
        }
        currentUsers.actAt(mutation.siteId());
        Applied applied = records.apply(mutation);
        MutationResult result = result(mutation, applied, user, receivedAt);
        log.insert(mutation, hash, user.id(), mutation.deviceId(), receivedAt, result);
        return result;
    }

    /** What applying a mutation gave, with the conflicts it reported kept. */
    private MutationResult result(Mutation mutation, Applied applied, CurrentUser user, Instant receivedAt) {
        List<ConflictRef> kept = new ArrayList<>();
        for (FieldConflict conflict : applied.conflicts()) {
            kept.add(keep(mutation, applied.subjectId(), conflict, user, receivedAt));
        }
        Outcome outcome = !kept.isEmpty()
                ? Outcome.CONFLICT
                : applied.merged() || applied.amendedRevision() != null ? Outcome.MERGED : Outcome.APPLIED;
        return new MutationResult(
                mutation.mutationId(),
                mutation.recordId(),
                outcome,
                applied.version(),
                applied.amendedRevision(),
                kept,
                null,
                false);
    }

    /**
     * Applies a run of creations of one record type at one site, none applied before, at once ({@link
     * SyncedRecords#applyAll}) in the caller's transaction, and remembers them all; throws as {@link
     * SyncedRecords#applyAll} does.
     */
    List<MutationResult> applyAll(
            SyncedRecords records,
            List<Mutation> mutations,
            List<byte[]> hashes,
            CurrentUser user,
            UUID deviceId,
            Instant receivedAt) {
        currentUsers.actAt(mutations.getFirst().siteId());
        List<Applied> applied = records.applyAll(mutations);
        List<MutationResult> results = new ArrayList<>(mutations.size());
        for (int i = 0; i < mutations.size(); i++) {
            results.add(result(mutations.get(i), applied.get(i), user, receivedAt));
        }
        log.insertAll(mutations, hashes, user.id(), deviceId, receivedAt, results);
        return results;
    }

    MutationResult replay(UUID mutationId, byte[] hash) {
        return replayed(log.find(mutationId).orElseThrow(), hash);
    }

    /** The result given the first time, as a replay; {@code sync-mutation-reused} if the content differs. */
    static MutationResult replayed(MutationLog.Applied known, byte[] hash) {
        if (!Arrays.equals(known.contentHash(), hash)) {
            throw SyncProblems.mutationReused();
        }
        return known.result().asReplay();
    }

    private ConflictRef keep(
            Mutation mutation, UUID subjectId, FieldConflict conflict, CurrentUser user, Instant receivedAt) {
        DataKey key = keys.keyFor(subjectId);
        UUID id = Ids.newId();
        conflicts.insert(new ConflictRepository.NewConflict(
                id,
                mutation.recordType(),
                mutation.recordId(),
                subjectId,
                conflict.field(),
                seal(key, conflict.base()),
                seal(key, conflict.server()),
                seal(key, conflict.device()),
                mutation.mutationId(),
                mutation.deviceId(),
                user.id(),
                user.displayName(),
                mutation.siteId(),
                mutation.deviceTime(),
                receivedAt));
        return new ConflictRef(id, conflict.field());
    }

    private byte[] seal(DataKey key, JsonNode value) {
        return key.seal(CONFLICT_VALUE, json.writeValueAsString(value));
    }
}
