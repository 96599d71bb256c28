package org.passerelle.outreach;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Outreach sessions are kept ten years by default, as activity records of the programme; a session
 * last changed before the cutoff goes with the rows under it, tombstones included.
 */
@Component
class RetainedSessions implements RetainedRecords {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RetainedSessions(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String recordType() {
        return OutreachSessions.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 120;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql(
                        "select count(*) as expired, min(updated_at) as oldest from outreach.session where updated_at < ?")
                .param(cutoff.atOffset(ZoneOffset.UTC))
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new ExpiredRecords(row.getLong("expired"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        long removed = 0;
        int batch;
        do {
            batch = Objects.requireNonNull(transactions.execute(status ->
                    jdbc.sql("""
                            delete from outreach.session
                             where id in (select id from outreach.session where updated_at < ? limit ?)
                            """).params(cutoff.atOffset(ZoneOffset.UTC), BATCH).update()));
            removed += batch;
        } while (batch > 0);
        return removed;
    }
}
