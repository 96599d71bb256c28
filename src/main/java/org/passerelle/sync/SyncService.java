package org.passerelle.sync;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * MutationLog}) in the same transaction, so a batch sent again, whole or cut, changes nothing. Should a
 * chunk's transaction fail as a whole (a deadlock, a lost connection), its mutations are applied
 * again one transaction each, as they were before batches.
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
        List<MutationResult> results = new ArrayList<>(inputs.size());
        for (int start = 0; start < inputs.size(); start += chunk) {
            results.addAll(
                    pushChunk(inputs.subList(start, Math.min(inputs.size(), start + chunk)), user, device, receivedAt));
        }
        return new PushAnswer(receivedAt, results);
    }

    /** The mutations of one chunk in one transaction, each in its savepoint; one by one if it fails whole. */
    private List<MutationResult> pushChunk(
            List<MutationInput> chunk, CurrentUser user, UUID device, Instant receivedAt) {
        if (this.chunk == 1) {
            return oneByOne(chunk, user, device, receivedAt);
        }
        try {
            List<MutationResult> results = transactions.execute(status -> chunk.stream()
                    .map(input -> pushOne(input, user, device, receivedAt, savepoints))
                    .toList());
            return Objects.requireNonNull(results);
        } catch (TransientDataAccessException | TransactionException e) {
            return oneByOne(chunk, user, device, receivedAt);
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
