package org.passerelle.audit;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditChain.Kind;
import org.passerelle.audit.AuditChain.Problem;
import org.passerelle.audit.AuditChain.Verification;
import org.passerelle.audit.AuditCheckpoints.Checkpoint;

/**
 * The one verification of the audit log, whatever it is read from (the database, or an export
 * checked offline): fed the retention anchors, then the seals in position order with the entry each
 * one seals ({@link #endOfChain} after the last), then the entries not sealed yet, it checks every MAC with the audit key, the keyed
 * chain from the latest anchor and the head checkpoint kept outside the database, and reports
 * everything found wrong (up to {@value #KEPT} problems kept).
 */
final class ChainWalk {

    static final int KEPT = 100;

    private final AuditKey key;
    private final @Nullable Checkpoint checkpoint;
    private final Instant sealingDeadline;
    private final Duration sealingBound;
    private final ArrayList<Problem> kept = new ArrayList<>();
    private long problemCount;
    private long anchorPosition;
    private long entries;
    private long expected = 1;
    private byte[] previous = new byte[0];
    private boolean checkpointSeen;
    private long unsealed;

    /**
     * @param checkpoint the head recorded outside the database, or null if none was ever written
     * @param now the time against which an unsealed entry is judged to have waited too long
     */
    ChainWalk(AuditKey key, @Nullable Checkpoint checkpoint, Instant now, Duration sealingBound) {
        this.key = key;
        this.checkpoint = checkpoint;
        this.sealingDeadline = now.minus(sealingBound);
        this.sealingBound = sealingBound;
    }

    /** A retention anchor, in position order; the walk starts after the last one. */
    void anchor(long position, byte[] chain, byte @Nullable [] mac) {
        if (!key.verifies(SignedEntry.anchorEncoding(position, chain), mac)) {
            add(
                    Kind.FORGED_ANCHOR,
                    position,
                    null,
                    "retention anchor not signed by the audit key: entries up to position " + position
                            + " were removed without authority");
        }
        anchorPosition = position;
        expected = position + 1;
        previous = chain;
    }

    /** A seal, in position order after the anchors, with the entry it seals (null if the entry is gone). */
    void seal(long position, long eventId, byte[] stored, @Nullable SignedEntry entry) {
        entries++;
        if (position < expected) {
            add(
                    Kind.CHANGED,
                    position,
                    eventId,
                    "seal " + position + " out of order, after position " + (expected - 1));
            return;
        }
        if (position != expected) {
            add(
                    Kind.REMOVED,
                    expected,
                    null,
                    "sealed entries removed from position " + expected + " to " + (position - 1));
        } else if (entry == null) {
            add(Kind.REMOVED, position, eventId, "entry " + eventId + " removed");
        } else {
            byte[] entryMac = key.mac(entry.encode());
            byte[] chain = key.mac(SignedEntry.sealEncoding(previous, position, eventId, entryMac));
            if (entry.id() != eventId || !MessageDigest.isEqual(chain, stored)) {
                add(Kind.CHANGED, position, eventId, "entry " + eventId + " or its seal was changed");
            }
        }
        if (checkpoint != null && checkpoint.position() == position) {
            checkpointSeen = true;
            if (!MessageDigest.isEqual(checkpoint.chain(), stored)) {
                add(Kind.CHECKPOINT, position, null, "the chain differs from the checkpoint at position " + position);
            }
        }
        previous = stored;
        expected = position + 1;
    }

    /**
     * An entry not sealed yet, with its stored MAC. One written before the audit key (a legacy entry,
     * without MAC) is judged by {@code legacyChain}, which only the database can check.
     */
    void unsealed(SignedEntry entry, byte @Nullable [] mac, boolean legacy, Supplier<LegacyChain.Result> legacyChain) {
        unsealed++;
        if (mac == null && legacy) {
            LegacyChain.Result result = legacyChain.get();
            if (!result.intact()) {
                add(
                        Kind.LEGACY_CHAIN,
                        result.brokenAt(),
                        entry.id(),
                        "the chain written before the audit key is broken: " + result.problem());
            }
        } else if (!key.verifies(entry.encode(), mac)) {
            add(
                    Kind.INSERTED,
                    null,
                    entry.id(),
                    "entry " + entry.id() + " was inserted or changed without the audit key");
        } else if (entry.occurredAt().isBefore(sealingDeadline)) {
            add(
                    Kind.UNSEALED,
                    null,
                    entry.id(),
                    "entry " + entry.id() + " has waited longer than " + sealingBound + " to be sealed");
        }
    }

    /** An entry that was waiting to be sealed and is gone. */
    void removedBeforeSealing(long eventId) {
        add(Kind.REMOVED, null, eventId, "entry " + eventId + " removed before it was sealed");
    }

    /** A problem only the reader of the log can see (an export's own framing, for instance). */
    void add(Kind kind, @Nullable Long position, @Nullable Long entryId, String detail) {
        problemCount++;
        if (kept.size() < KEPT) {
            kept.add(new Problem(kind, position, entryId, detail));
        }
    }

    /** The position after the last seal walked, where the next one is expected. */
    long expected() {
        return expected;
    }

    /** The chain value of the last seal walked (or of the anchor). */
    byte[] head() {
        return previous;
    }

    /** After the last seal: checks the walk reached the head checkpoint. */
    void endOfChain() {
        if (checkpoint != null) {
            if (!checkpoint.signed()) {
                add(Kind.CHECKPOINT, null, null, "the checkpoint file is not signed by the audit key");
            } else if (!checkpointSeen && checkpoint.position() >= expected) {
                add(
                        Kind.REMOVED,
                        expected,
                        null,
                        "entries removed from the end of the log: the checkpoint of " + checkpoint.writtenAt()
                                + " names position " + checkpoint.position() + ", the chain ends at " + (expected - 1));
            }
        }
    }

    /** The outcome, once everything was fed. */
    Verification finish() {
        Problem first = kept.isEmpty() ? null : kept.getFirst();
        return new Verification(
                entries + unsealed,
                first == null,
                first == null ? null : first.position(),
                first == null ? null : first.detail(),
                HexFormat.of().formatHex(previous),
                anchorPosition == 0 ? null : anchorPosition,
                unsealed,
                checkpoint == null ? null : checkpoint.position(),
                problemCount,
                List.copyOf(kept));
    }
}
