package org.passerelle.rights;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Steps of the rights files recorded (or withdrawn) before the cutoff, ten years by default: a right
 * granted that long ago has long expired, and the persons themselves are kept as long. A batch per
 * transaction. Pass de ville decisions, vouchers and claims are accounts of the organisation's
 * spending and are kept with its accounts, not here.
 */
@Component
class RetainedRightsSteps implements RetainedRecords {

    static final int BATCH = 1_000;
    private static final String EXPIRED = "coalesce(deleted_at, created_at) < ?";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    RetainedRightsSteps(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String recordType() {
        return RightsFile.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 120;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql("select count(*), min(coalesce(deleted_at, created_at)) from rights.rights_step where "
                        + EXPIRED)
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
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
            Integer batch = transactions.execute(status -> jdbc.sql("""
                            delete from rights.rights_step
                             where id in (select id from rights.rights_step where %s limit ?)
                            """.formatted(EXPIRED))
                    .params(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), BATCH)
                    .update());
            if (batch == null || batch == 0) {
                return removed;
            }
            removed += batch;
        }
    }
}
