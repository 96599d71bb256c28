package org.passerelle.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The audit log's entries past their retention period. They are removed from the start of the
 * chain only, by {@code audit.purge_expired}, which checks their links, keeps an anchor for
 * {@link AuditChain#verify} and removes a batch of entries per call (one transaction each).
 */
@Component
class RetainedAuditEvents implements RetainedRecords {

    static final int BATCH = 10_000;

    private final JdbcClient jdbc;

    RetainedAuditEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql("""
                        select count(*) as expired, min(e.occurred_at) as oldest
                          from audit.audit_event e, (select audit.expired_prefix(:cutoff) as last) prefix
                         where e.position <= prefix.last
                        """)
                .param("cutoff", cutoff.atOffset(ZoneOffset.UTC))
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new ExpiredRecords(row.getLong("expired"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        long removed = 0;
        long batch;
        do {
            batch = jdbc.sql("select audit.purge_expired(?, ?)")
                    .params(cutoff.atOffset(ZoneOffset.UTC), BATCH)
                    .query(Long.class)
                    .single();
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }
}
