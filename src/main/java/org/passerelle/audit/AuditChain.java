package org.passerelle.audit;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
 * it finds (up to {@value ChainWalk#KEPT}), not only the first.
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

    /** Walks the whole log in one snapshot and reports everything found wrong. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Verification verify() {
        ChainWalk walk = new ChainWalk(key, checkpoints.read(), clock.instant(), sealingBound);
        long from = anchors(walk);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("select s.position, s.event_id, s.chain, "
                            + SignedEntry.COLUMNS + ", e.mac from audit.audit_seal s"
                            + " left join audit.audit_event e on e.id = s.event_id"
                            + " where s.position > ? order by s.position");
                    statement.setLong(1, from);
                    statement.setFetchSize(FETCH_SIZE);
                    return statement;
                },
                (ResultSet row) -> walk.seal(
                        row.getLong("position"),
                        row.getLong("event_id"),
                        row.getBytes("chain"),
                        row.getObject("id") == null ? null : SignedEntry.read(row)));
        walk.endOfChain();
        jdbc.query(
                "select " + SignedEntry.COLUMNS + ", e.mac, e.legacy_hash is not null as legacy"
                        + " from audit.audit_event e"
                        + " where not exists (select 1 from audit.audit_seal s where s.event_id = e.id) order by e.id",
                (ResultSet row) -> walk.unsealed(
                        SignedEntry.read(row), row.getBytes("mac"), row.getBoolean("legacy"), legacy::check));
        jdbc.query(
                "select p.event_id from audit.audit_pending p"
                        + " where not exists (select 1 from audit.audit_event e where e.id = p.event_id) order by p.event_id",
                (ResultSet row) -> walk.removedBeforeSealing(row.getLong("event_id")));
        return walk.finish();
    }

    /** Feeds the retention anchors to the walk; returns the last position they removed (0 if none). */
    private long anchors(ChainWalk walk) {
        long[] last = {0};
        jdbc.query("select position, chain, mac from audit.audit_anchor order by position", (ResultSet row) -> {
            last[0] = row.getLong("position");
            walk.anchor(last[0], row.getBytes("chain"), row.getBytes("mac"));
        });
        return last[0];
    }
}
