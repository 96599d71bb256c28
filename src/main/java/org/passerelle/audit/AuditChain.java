package org.passerelle.audit;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditCheckpoints.Checkpoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verifies the audit log with the audit key, which the database does not hold: every entry's MAC
 * over its canonical encoding, the keyed chain of seals from the latest retention anchor (whose own
 * MAC must hold), the last checkpoint of the head kept outside the database, and that no entry
 * waited unsealed longer than the sealing bound. Reports every changed, removed and inserted entry
 * it finds (up to {@value Findings#KEPT}), not only the first.
 */
@Service
public class AuditChain {

    private static final int FETCH_SIZE = 5_000;

    private final JdbcTemplate jdbc;
    private final AuditKey key;
    private final AuditCheckpoints checkpoints;
    private final LegacyChain legacy;
    private final Clock clock;
    private final Duration sealingBound;

    AuditChain(
            JdbcTemplate jdbc,
            AuditKey key,
            AuditCheckpoints checkpoints,
            LegacyChain legacy,
            Clock clock,
            @Value("${passerelle.audit.sealing-bound:10m}") Duration sealingBound) {
        this.jdbc = jdbc;
        this.key = key;
        this.checkpoints = checkpoints;
        this.legacy = legacy;
        this.clock = clock;
        this.sealingBound = sealingBound;
    }

    /** One thing found wrong: its kind, where (chain position, entry id, when known) and what. */
    public record Problem(
            Kind kind, @Nullable Long position, @Nullable Long entryId, String detail) {}

    /** What verification can find. */
    public enum Kind {
        CHANGED,
        REMOVED,
        INSERTED,
        UNSEALED,
        FORGED_ANCHOR,
        CHECKPOINT,
        LEGACY_CHAIN
    }

    /**
     * The outcome of a verification. {@code firstBrokenPosition} and {@code problem} describe the
     * first problem; {@code anchorPosition} is the last position removed by retention, where the walk
     * started; {@code unsealed} counts entries not sealed yet; {@code checkpointPosition} is the head
     * recorded outside the database that the chain was checked against.
     */
    public record Verification(
            long entries,
            boolean intact,
            @Nullable Long firstBrokenPosition,
            @Nullable String problem,
            String headHash,
            @Nullable Long anchorPosition,
            long unsealed,
            @Nullable Long checkpointPosition,
            long problemCount,
            List<Problem> problems) {}

    private record Anchor(long position, byte[] chain) {}

    /** Walks the whole log in one snapshot and reports everything found wrong. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        Checkpoint checkpoint = checkpoints.read();
        Findings findings = new Findings();
        Anchor anchor = anchors(findings);
        SealWalk walk = new SealWalk(anchor, checkpoint, findings);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select s.position, s.event_id, s.chain, "
                            + SignedEntry.COLUMNS + ", e.mac from audit.audit_seal s"
                            + " left join audit.audit_event e on e.id = s.event_id"
                            + " where s.position > ? order by s.position");
                    statement.setLong(1, anchor.position());
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                walk::check);
        walk.finish();
        long unsealed = unsealed(findings);
        removedBeforeSealing(findings);
        Problem first = findings.first();
        return new Verification(
                walk.entries + unsealed,
                first == null,
                first == null ? null : first.position(),
                first == null ? null : first.detail(),
                HexFormat.of().formatHex(walk.previous),
                anchor.position() == 0 ? null : anchor.position(),
                unsealed,
                checkpoint == null ? null : checkpoint.position(),
                findings.count,
                List.copyOf(findings.kept));
    }

    private Anchor anchors(Findings findings) {
        List<Anchor> anchors =
                jdbc.query("select position, chain, mac from audit.audit_anchor order by position", (row, number) -> {
                    Anchor anchor = new Anchor(row.getLong("position"), row.getBytes("chain"));
                    if (!key.verifies(
                            SignedEntry.anchorEncoding(anchor.position(), anchor.chain()), row.getBytes("mac"))) {
                        findings.add(
                                Kind.FORGED_ANCHOR,
                                anchor.position(),
                                null,
                                "retention anchor not signed by the audit key: entries up to position "
                                        + anchor.position() + " were removed without authority");
                    }
                    return anchor;
                });
        return anchors.isEmpty() ? new Anchor(0, new byte[0]) : anchors.getLast();
    }

    private final class SealWalk {
        private final @Nullable Checkpoint checkpoint;
        private final Findings findings;
        private long entries;
        private long expected;
        private byte[] previous;
        private boolean checkpointSeen;

        SealWalk(Anchor anchor, @Nullable Checkpoint checkpoint, Findings findings) {
            this.expected = anchor.position() + 1;
            this.previous = anchor.chain();
            this.checkpoint = checkpoint;
            this.findings = findings;
        }

        void check(ResultSet row) throws SQLException {
            entries++;
            long position = row.getLong("position");
            long eventId = row.getLong("event_id");
            byte[] stored = row.getBytes("chain");
            if (position != expected) {
                findings.add(
                        Kind.REMOVED,
                        expected,
                        null,
                        "sealed entries removed from position " + expected + " to " + (position - 1));
            } else if (row.getObject("id") == null) {
                findings.add(Kind.REMOVED, position, eventId, "entry " + eventId + " removed");
            } else {
                byte[] entryMac = key.mac(SignedEntry.read(row).encode());
                byte[] chain = key.mac(SignedEntry.sealEncoding(previous, position, eventId, entryMac));
                if (!MessageDigest.isEqual(chain, stored)) {
                    findings.add(Kind.CHANGED, position, eventId, "entry " + eventId + " or its seal was changed");
                }
            }
            if (checkpoint != null && checkpoint.position() == position) {
                checkpointSeen = true;
                if (!MessageDigest.isEqual(checkpoint.chain(), stored)) {
                    findings.add(
                            Kind.CHECKPOINT,
                            position,
                            null,
                            "the chain differs from the checkpoint at position " + position);
                }
            }
            previous = stored;
            expected = position + 1;
        }

        void finish() {
            if (checkpoint == null) {
                return;
            }
            if (!checkpoint.signed()) {
                findings.add(Kind.CHECKPOINT, null, null, "the checkpoint file is not signed by the audit key");
            } else if (!checkpointSeen && checkpoint.position() >= expected) {
                findings.add(
                        Kind.REMOVED,
                        expected,
                        null,
                        "entries removed from the end of the log: the checkpoint of " + checkpoint.writtenAt()
                                + " names position " + checkpoint.position() + ", the chain ends at " + (expected - 1));
            }
        }
    }

    private long unsealed(Findings findings) {
        Instant bound = clock.instant().minus(sealingBound);
        long[] count = {0};
        jdbc.query(
                "select " + SignedEntry.COLUMNS + ", e.mac, e.legacy_hash is not null as legacy"
                        + " from audit.audit_event e"
                        + " where not exists (select 1 from audit.audit_seal s where s.event_id = e.id) order by e.id",
                (ResultSet row) -> {
                    count[0]++;
                    SignedEntry entry = SignedEntry.read(row);
                    byte[] mac = row.getBytes("mac");
                    if (mac == null && row.getBoolean("legacy")) {
                        LegacyChain.Result result = legacy.check();
                        if (!result.intact()) {
                            findings.add(
                                    Kind.LEGACY_CHAIN,
                                    result.brokenAt(),
                                    entry.id(),
                                    "the chain written before the audit key is broken: " + result.problem());
                        }
                    } else if (!key.verifies(entry.encode(), mac)) {
                        findings.add(
                                Kind.INSERTED,
                                null,
                                entry.id(),
                                "entry " + entry.id() + " was inserted or changed without the audit key");
                    } else if (entry.occurredAt().isBefore(bound)) {
                        findings.add(
                                Kind.UNSEALED,
                                null,
                                entry.id(),
                                "entry " + entry.id() + " has waited longer than " + sealingBound + " to be sealed");
                    }
                });
        return count[0];
    }

    private void removedBeforeSealing(Findings findings) {
        jdbc.query(
                "select p.event_id from audit.audit_pending p"
                        + " where not exists (select 1 from audit.audit_event e where e.id = p.event_id)",
                (ResultSet row) -> {
                    long id = row.getLong("event_id");
                    findings.add(Kind.REMOVED, null, id, "entry " + id + " removed before it was sealed");
                });
    }

    /** The problems found, the first {@value #KEPT} kept. */
    private static final class Findings {
        static final int KEPT = 100;
        private final ArrayList<Problem> kept = new ArrayList<>();
        private long count;

        void add(Kind kind, @Nullable Long position, @Nullable Long entryId, String detail) {
            count++;
            if (kept.size() < KEPT) {
                kept.add(new Problem(kind, position, entryId, detail));
            }
        }

        @Nullable
        Problem first() {
            return kept.isEmpty() ? null : kept.getFirst();
        }
    }
}
