package org.passerelle.audit;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log's entries past their retention period. They are removed from the start of the
 * sealed chain only, a batch per transaction: the links of the batch are checked with the audit key,
 * then {@code audit.purge_prefix} writes an anchor MAC'd by that key and removes the batch.
 * Verification rejects an anchor without that MAC, so nobody without the key can remove entries
 * unnoticed, even through this function.
 */
@Component
class RetainedAuditEvents implements RetainedRecords {

    static final int BATCH = 10_000;

    private static final String EXPIRED_PREFIX = """
            coalesce((select min(s.position) - 1 from audit.audit_seal s join audit.audit_event e on e.id = s.event_id
                       where e.occurred_at >= :cutoff),
                     (select max(position) from audit.audit_seal), 0)
            """;

    private record Link(long position, @Nullable SignedEntry entry, byte[] chain) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AuditKey key;
    private final AuditSealer sealer;

    RetainedAuditEvents(JdbcClient jdbc, TransactionTemplate transactions, AuditKey key, AuditSealer sealer) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.key = key;
        this.sealer = sealer;
    }

    @Override
    public String recordType() {
        return "audit";
    }

    @Override
    public int defaultMonths() {
        return 72;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql("select count(*) as expired, min(e.occurred_at) as oldest"
                        + " from audit.audit_seal s join audit.audit_event e on e.id = s.event_id"
                        + " where s.position <= " + EXPIRED_PREFIX)
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new ExpiredRecords(row.getLong("expired"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        sealer.sealNow();
        long removed = 0;
        long batch;
        do {
            batch = Objects.requireNonNull(transactions.execute(status -> purgeBatch(cutoff)));
            removed += batch;
        } while (batch > 0);
        return removed;
    }

    private long purgeBatch(Instant cutoff) {
        Long first = jdbc.sql("select min(position) from audit.audit_seal")
                .query(Long.class)
                .optional()
                .orElse(null);
        if (first == null) {
            return 0;
        }
        long last = Math.min(
                jdbc.sql("select " + EXPIRED_PREFIX)
                        .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                        .query(Long.class)
                        .single(),
                first + BATCH - 1);
        if (last < first) {
            return 0;
        }
        byte[] chain = checkedChainUpTo(first, last);
        byte[] mac = key.mac(SignedEntry.anchorEncoding(last, chain));
        return jdbc.sql("select audit.purge_prefix(?, ?, ?)")
                .params(last, chain, mac)
                .query(Long.class)
                .single();
    }

    /** Checks the links from the anchor before {@code first} to {@code last}; returns the chain value at {@code last}. */
    private byte[] checkedChainUpTo(long first, long last) {
        byte[] previous = jdbc.sql("select chain from audit.audit_anchor where position = ?")
                .param(first - 1)
                .query(byte[].class)
                .optional()
                .orElse(new byte[0]);
        long expected = first;
        for (var row : jdbc.sql("select s.position, s.event_id, s.chain, " + SignedEntry.COLUMNS
                        + " from audit.audit_seal s left join audit.audit_event e on e.id = s.event_id"
                        + " where s.position between ? and ? order by s.position")
                .params(first, last)
                .query((result, number) -> new Link(
                        result.getLong("position"),
                        result.getObject("id") == null ? null : SignedEntry.read(result),
                        result.getBytes("chain")))
                .list()) {
            long position = row.position();
            byte[] stored = row.chain();
            boolean intact = position == expected
                    && row.entry() instanceof SignedEntry entry
                    && MessageDigest.isEqual(
                            stored,
                            key.mac(SignedEntry.sealEncoding(previous, position, entry.id(), key.mac(entry.encode()))));
            if (!intact) {
                throw new DataIntegrityViolationException("the audit chain is broken at position "
                        + Math.min(position, expected) + ": nothing was removed");
            }
            previous = stored;
            expected = position + 1;
        }
        return previous;
    }
}
