package org.passerelle.outbreaks;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Cases of the line lists not changed since the cutoff (ten years by default: outbreak data serve
 * later comparisons), removed with their classification history and, for cholera, their ring and
 * its households; a batch per transaction.
 */
@Component
class RetainedCases implements RetainedRecords {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RetainedCases(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String recordType() {
        return Cases.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 120;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql("select count(*), min(updated_at) from outbreaks.outbreak_case where updated_at < ?")
                .param(CaseRepository.utc(cutoff))
                .query((rs, row) -> {
                    OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                    return new ExpiredRecords(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        long removed = 0;
        while (true) {
            Integer batch = transactions.execute(status ->
                    jdbc.sql("""
                            delete from outbreaks.outbreak_case
                             where id in (select id from outbreaks.outbreak_case where updated_at < ? limit ?)
                            """).params(CaseRepository.utc(cutoff), BATCH).update());
            if (batch == null || batch == 0) {
                return removed;
            }
            removed += batch;
        }
    }
}
