package org.passerelle.referrals;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Referrals not changed since the cutoff (ten years by default, like the persons they belong to),
 * removed with their steps and accompaniments; a batch per transaction. The partner directory is not
 * personal data and is kept.
 */
@Component
class RetainedReferrals implements RetainedRecords {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RetainedReferrals(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String recordType() {
        return Referrals.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 120;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return RetainedRows.count(jdbc, "referrals.referral", "updated_at", Dated.INSTANT, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        long removed = 0;
        while (true) {
            Integer batch = transactions.execute(status -> jdbc.sql("""
                            with expired as (
                                select id from referrals.referral where updated_at < :cutoff limit :batch
                            ), accompaniments as (
                                delete from referrals.accompaniment where referral_id in (select id from expired)
                            ), steps as (
                                delete from referrals.referral_step where referral_id in (select id from expired)
                            )
                            delete from referrals.referral where id in (select id from expired)
                            """)
                    .param("cutoff", OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                    .param("batch", BATCH)
                    .update());
            if (batch == null || batch == 0) {
                return removed;
            }
            removed += batch;
        }
    }
}
