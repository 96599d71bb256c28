package org.passerelle.sync;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.SyncedChange;
import tools.jackson.databind.JsonNode;

/** The records of the sync endpoints, as {@code docs/sync.md} describes them. */
public final class SyncViews {

    private SyncViews() {}

    /** A field changed on the device: its value before ({@code base}, absent for a creation) and after. */
    public record ChangeInput(
            @Nullable JsonNode base, @Nullable JsonNode value) {}

    /** One mutation as a device sends it; what is missing is reported per mutation, not for the batch. */
    public record MutationInput(
            @Nullable UUID mutationId,
            @Nullable String recordType,
            @Nullable UUID recordId,
            Mutation.@Nullable Operation operation,
            @Nullable Long baseVersion,
            @Nullable UUID siteId,
            @Nullable Instant deviceTime,
            @Nullable Map<String, ChangeInput> changes) {}

    /** A batch of mutations, in the order they were made. */
    public record Push(@NotNull @Valid List<MutationInput> mutations) {}

    /** What happened to one mutation. */
    public enum Outcome {
        APPLIED,
        MERGED,
        CONFLICT,
        REJECTED
    }

    /** A field kept in conflict, and the conflict to resolve. */
    public record ConflictRef(UUID conflictId, String field) {}

    /** The problem that rejected a mutation: a stable code and a message in the user's language. */
    public record MutationProblem(
            String code,
            String title,
            String detail,
            @Nullable String field) {}

    /**
     * The result of one mutation.
     *
     * @param version the record's version after it (none when rejected)
     * @param amendedRevision the revision a signed record was amended into
     * @param replayed whether the mutation had been applied already, by an earlier push
     */
    public record MutationResult(
            @Nullable UUID mutationId,
            @Nullable UUID recordId,
            Outcome outcome,
            @Nullable Long version,
            @Nullable Integer amendedRevision,
            List<ConflictRef> conflicts,
            @Nullable MutationProblem problem,
            boolean replayed) {

        MutationResult asReplay() {
            return new MutationResult(
                    mutationId, recordId, outcome, version, amendedRevision, conflicts, problem, true);
        }
    }

    /** The answer to a push: one result per mutation, in the same order. */
    public record PushAnswer(Instant receivedAt, List<MutationResult> results) {}

    /**
     * A page of changes.
     *
     * @param cursor where the next pull starts: store it with the changes written
     * @param more whether to pull again at once
     * @param scope a fingerprint of the user's sites and compartments: when it changes, pull again from no cursor
     */
    public record PullAnswer(List<SyncedChange> changes, String cursor, boolean more, String scope) {}

    /** A field changed on the server and on a device to different values, as a data officer reviews it. */
    public record SyncConflict(
            UUID id,
            String recordType,
            UUID recordId,
            String field,
            @Nullable JsonNode base,
            @Nullable JsonNode server,
            @Nullable JsonNode device,
            @Nullable UUID deviceId,
            String userName,
            UUID siteId,
            Instant deviceTime,
            Instant receivedAt,
            String status,
            @Nullable String kept,
            @Nullable Instant resolvedAt) {}

    /** Which value a resolution keeps. */
    public enum Keep {
        SERVER,
        DEVICE
    }

    /** Resolves a conflict by keeping one of its values. */
    public record ConflictResolution(@NotNull Keep keep) {}
}
