package org.passerelle.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditLog;
import org.passerelle.devices.Devices;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.sync.SyncViews.ChangeInput;
import org.passerelle.sync.SyncViews.MutationInput;
import org.passerelle.sync.SyncViews.MutationResult;
import org.passerelle.sync.SyncViews.Push;
import org.passerelle.sync.SyncViews.PushAnswer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;

/**
 * Applies a batch of mutations pushed by a device through the module that owns each record type. The
 * batch is written in a few transactions of up to {@link #CHUNK} mutations, each mutation within its
 * own savepoint: a bad mutation is rolled back to its savepoint, rejected on its own and changes
 * nothing, the others apply. A mutation applied once is remembered with its result ({@link
 * MutationLog}) in the same transaction, so a batch sent again, whole or cut, changes nothing: the
 * mutations of a batch applied before are found with one look-up of the log and answered from it,
 * without a transaction. Should a chunk's transaction fail as a whole (a deadlock, a lost connection),
 * its mutations are applied again one transaction each, as they were before batches. Within a chunk,
 * creations of new records of one type that follow one another (the registrations and consultations
 * made offline that fill most pushes) are applied together in one savepoint by the module that owns
 * them ({@link org.passerelle.platform.sync.SyncedRecords#applyAll}; persons in a few statements for
 * the lot) and remembered in one statement; if one of them is refused, the savepoint is rolled back
 * and each is applied in its own, as above.
 */
@Service
public class SyncService {

    /** The most mutations one push may hold. */
    static final int MAX_BATCH = 500;

    /**
     * The most mutations one transaction applies by default ({@code passerelle.sync.push-chunk}):
     * enough that commits stop costing more than the work, few enough that a pull is not held back
     * long by a push under way. 1 applies each mutation in a transaction of its own.
     */
    static final int CHUNK = 100;

    private final SyncedTypes types;
    private final MutationApplier applier;
    private final MutationLog log;
    private final Rejections rejections;
    private final CurrentUsers currentUsers;
    private final Devices devices;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final TransactionTemplate savepoints;
    private final JsonMapper json;
    private final Clock clock;
    private final int chunk;

    SyncService(
            SyncedTypes types,
            MutationApplier applier,
            MutationLog log,
            Rejections rejections,
            CurrentUsers currentUsers,
            Devices devices,
            AuditLog audit,
            PlatformTransactionManager transactionManager,
            JsonMapper json,
            Clock clock,
            @Value("${passerelle.sync.push-chunk:" + CHUNK + "}") int chunk) {
        this.types = types;
        this.applier = applier;
        this.log = log;
        this.rejections = rejections;
        this.currentUsers = currentUsers;
        this.devices = devices;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.savepoints = new TransactionTemplate(transactionManager);
        savepoints.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.json = json;
        this.clock = clock;
        this.chunk = Math.max(1, chunk);
    }

    /**
     * Applies the mutations in order; one result each, in the same order. The device must be
     * enrolled for the signed-in user and not revoked ({@code device-revoked} otherwise).
     */
    public PushAnswer push(Push push, @Nullable UUID deviceId) {
        CurrentUser user = requireCarer(currentUsers.current());
        UUID device = requireEnrolled(devices, deviceId, user);
        if (push.mutations().size() > MAX_BATCH) {
            throw SyncProblems.batchTooLarge();
        }
        audit.attributeToDevice(device);
        Instant receivedAt = clock.instant();
        List<MutationInput> inputs = push.mutations();
        @Nullable MutationResult[] results = replays(inputs);
        List<Integer> fresh = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            if (results[i] == null) {
                fresh.add(i);
            }
        }
        for (int start = 0; start < fresh.size(); start += chunk) {
            List<Integer> positions = fresh.subList(start, Math.min(fresh.size(), start + chunk));
            List<MutationResult> applied =
                    pushChunk(positions.stream().map(inputs::get).toList(), user, device, receivedAt);
            for (int i = 0; i < positions.size(); i++) {
                results[positions.get(i)] = applied.get(i);
            }
        }
        return new PushAnswer(
                receivedAt, Arrays.stream(results).map(Objects::requireNonNull).toList());
    }

    /**
     * The results of the mutations applied before (a batch sent again after its answer was lost, or
     * cut), read from the mutation log in one query and given as the first time; null for the others,
     * which are applied in chunks. A mutation applied meanwhile by another request is still found by
     * its chunk, which looks each one up again where it applies it.
     */
    private @Nullable MutationResult[] replays(List<MutationInput> inputs) {
        Map<UUID, MutationLog.Applied> known = log.findAll(inputs.stream()
                .map(MutationInput::mutationId)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        @Nullable MutationResult[] results = new MutationResult[inputs.size()];
        for (int i = 0; i < inputs.size(); i++) {
            MutationInput input = inputs.get(i);
            MutationLog.Applied applied = input.mutationId() == null ? null : known.get(input.mutationId());
            if (applied != null) {
                try {
                    results[i] = MutationApplier.replayed(applied, hash(input));
                } catch (DomainException e) {
                    results[i] = rejections.rejected(input, e);
                }
            }
        }
        return results;
    }

    /** The mutations of one chunk in one transaction, each in its savepoint; one by one if it fails whole. */
    private List<MutationResult> pushChunk(
            List<MutationInput> chunk, CurrentUser user, UUID device, Instant receivedAt) {
        if (this.chunk == 1) {
            return oneByOne(chunk, user, device, receivedAt);
        }
        try {
            List<MutationResult> results =
                    transactions.execute(status -> inOneTransaction(chunk, user, device, receivedAt));
            return Objects.requireNonNull(results);
        } catch (TransientDataAccessException | TransactionException e) {
            return oneByOne(chunk, user, device, receivedAt);
        }
    }

    /**
     * The mutations of a chunk in the current transaction: the creations of new records that follow one
     * another, of one type, at once in a savepoint ({@link #pushRun}); the others each in its savepoint.
     */
    private List<MutationResult> inOneTransaction(
            List<MutationInput> chunk, CurrentUser user, UUID device, Instant receivedAt) {
        Set<UUID> applied = log.knownAmong(chunk.stream()
                .map(MutationInput::mutationId)
                .filter(Objects::nonNull)
                .toList());
        List<MutationResult> results = new ArrayList<>(chunk.size());
        int start = 0;
        while (start < chunk.size()) {
            List<Mutation> run = creationRun(chunk, start, applied, user, device);
            if (run.size() >= 2) {
                results.addAll(pushRun(chunk.subList(start, start + run.size()), run, user, device, receivedAt));
                start += run.size();
            } else {
                results.add(pushOne(chunk.get(start), user, device, receivedAt, savepoints));
                start++;
            }
        }
        return results;
    }

    /**
     * The creations from {@code start} that can be applied together: well formed, of one known type, at
     * one site the user works at, none applied before, no mutation or record twice.
     */
    private List<Mutation> creationRun(
            List<MutationInput> chunk, int start, Set<UUID> applied, CurrentUser user, UUID device) {
        List<Mutation> run = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (int i = start; i < chunk.size(); i++) {
            Mutation mutation = creation(chunk.get(i), device);
            if (mutation == null
                    || applied.contains(mutation.mutationId())
                    || !user.mayWorkAt(mutation.siteId())
                    || !seen.add(mutation.mutationId())
                    || !seen.add(mutation.recordId())
                    || (!run.isEmpty()
                            && !(run.getFirst().recordType().equals(mutation.recordType())
                                    && run.getFirst().siteId().equals(mutation.siteId())))) {
                break;
            }
            run.add(mutation);
        }
        return run;
    }

    /** The input as a creation of a record of a known type; null if it is anything else. */
    private @Nullable Mutation creation(MutationInput input, UUID device) {
        try {
            Mutation mutation = mutation(input, device);
            types.of(mutation.recordType());
            return mutation.operation() == Mutation.Operation.CREATE ? mutation : null;
        } catch (DomainException e) {
            return null;
        }
    }

    /**
     * A run of creations applied at once in a savepoint; if any is refused, or the run fails, the
     * savepoint is rolled back and each is applied on its own, so that only what is wrong is refused.
     */
    private List<MutationResult> pushRun(
            List<MutationInput> inputs, List<Mutation> run, CurrentUser user, UUID device, Instant receivedAt) {
        try {
            List<byte[]> hashes = inputs.stream().map(this::hash).toList();
            List<MutationResult> results = savepoints.execute(status ->
                    applier.applyAll(types.of(run.getFirst().recordType()), run, hashes, user, device, receivedAt));
            return Objects.requireNonNull(results);
        } catch (DomainException | DataAccessException e) {
            return inputs.stream()
                    .map(input -> pushOne(input, user, device, receivedAt, savepoints))
                    .toList();
        } finally {
            UUID chosen = user.currentSiteId();
            if (chosen != null) {
                currentUsers.actAt(chosen);
            }
        }
    }

    private List<MutationResult> oneByOne(
            List<MutationInput> mutations, CurrentUser user, UUID device, Instant receivedAt) {
        return mutations.stream()
                .map(input -> pushOne(input, user, device, receivedAt, transactions))
                .toList();
    }

    /** The device named by the request, enrolled for this user and not revoked. */
    static UUID requireEnrolled(Devices devices, @Nullable UUID deviceId, CurrentUser user) {
        if (deviceId == null) {
            throw SyncProblems.deviceRequired();
        }
        devices.requireEnrolled(deviceId, user.id());
        return deviceId;
    }

    static CurrentUser requireCarer(CurrentUser user) {
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    /** One mutation in a transaction (or savepoint) of its own made by {@code scope}. */
    private MutationResult pushOne(
            MutationInput input, CurrentUser user, UUID deviceId, Instant receivedAt, TransactionTemplate scope) {
        try {
            Mutation mutation = mutation(input, deviceId);
            byte[] hash = hash(input);
            try {
                return within(
                        scope,
                        () -> applier.applyOnce(types.of(mutation.recordType()), mutation, hash, user, receivedAt));
            } catch (DuplicateKeyException e) {
                // the same mutation, pushed at the same time by another request, was applied first
                return within(scope, () -> applier.replay(mutation.mutationId(), hash));
            }
        } catch (DomainException e) {
            return rejections.rejected(input, e);
        } catch (DataIntegrityViolationException e) {
            return rejections.rejected(input, SyncProblems.malformed("changes"));
        } finally {
            UUID chosen = user.currentSiteId();
            if (chosen != null) {
                currentUsers.actAt(chosen);
            }
        }
    }

    private static MutationResult within(TransactionTemplate scope, Supplier<MutationResult> work) {
        MutationResult result = scope.execute(status -> work.get());
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return result;
    }

    private static Mutation mutation(MutationInput input, UUID deviceId) {
        UUID mutationId = required(input.mutationId(), "mutationId");
        Mutation.Operation operation = required(input.operation(), "operation");
        Map<String, ChangeInput> changes = required(input.changes(), "changes");
        Map<String, FieldChange> fields = new TreeMap<>();
        changes.forEach((field, change) -> {
            if (change == null) {
                throw SyncProblems.malformed("changes." + field);
            }
            fields.put(field, new FieldChange(orNull(change.base()), orNull(change.value())));
        });
        return new Mutation(
                mutationId,
                required(input.recordType(), "recordType"),
                required(input.recordId(), "recordId"),
                operation,
                input.baseVersion(),
                required(input.siteId(), "siteId"),
                required(input.deviceTime(), "deviceTime"),
                deviceId,
                fields);
    }

    private static tools.jackson.databind.JsonNode orNull(tools.jackson.databind.@Nullable JsonNode value) {
        return value == null ? NullNode.getInstance() : value;
    }

    private static <T> T required(@Nullable T value, String field) {
        if (value == null) {
            throw SyncProblems.malformed(field);
        }
        return value;
    }

    /** What identifies a mutation's content, so that an id sent again with another content is noticed. */
    private byte[] hash(MutationInput input) {
        try {
            MutationInput canonical = new MutationInput(
                    input.mutationId(),
                    input.recordType(),
                    input.recordId(),
                    input.operation(),
                    input.baseVersion(),
                    input.siteId(),
                    input.deviceTime(),
                    input.changes() == null ? null : new TreeMap<>(input.changes()));
            return MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(canonical));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
