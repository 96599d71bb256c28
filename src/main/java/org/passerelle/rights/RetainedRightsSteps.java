package org.passerelle.rights;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Steps of the rights files recorded (or withdrawn) before the cutoff, ten years by default: a right
 * granted that long ago has long expired, and the persons themselves are kept as long. A batch per
 * transaction. Pass de ville decisions, vouchers and claims are accounts of the organisation's
 * spending and are kept with its accounts, not here.
 */
@Component
class RetainedRightsSteps implements RetainedRecords {

    static final int BATCH = 1_000;
    /** A step is as old as its withdrawal, or its recording when it stands. */
    private static final String EXPIRED_BY = "coalesce(deleted_at, created_at)";

    private final JdbcClient jdbc;

    RetainedRightsSteps(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return RetainedRows.count(jdbc, "rights.rights_step", EXPIRED_BY, Dated.INSTANT, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "rights.rights_step", EXPIRED_BY, Dated.INSTANT, cutoff, BATCH);
    }
}
