package org.passerelle.outbreaks;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases of the line lists not changed since the cutoff (ten years by default: outbreak data serve
 * later comparisons), removed with their classification history and, for cholera, their ring and
 * its households; a batch per transaction.
 */
@Component
class RetainedCases implements RetainedRecords {

    static final int BATCH = 1_000;

    private final JdbcClient jdbc;

    RetainedCases(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return RetainedRows.count(jdbc, "outbreaks.outbreak_case", "updated_at", Dated.INSTANT, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "outbreaks.outbreak_case", "updated_at", Dated.INSTANT, cutoff, BATCH);
    }
}
