package org.passerelle.vaccination;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doses counted without names, kept as long as the doses on persons' files by default (a
 * campaign's coverage is compared over years), then removed by the day they were given, a batch of
 * rows per statement.
 */
@Component
class RetainedTallies implements RetainedRecords {

    private final JdbcClient jdbc;

    RetainedTallies(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return Campaigns.TALLY;
    }

    @Override
    public int defaultMonths() {
        return 240;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return RetainedRows.count(jdbc, "vaccination.tally", "given_on", Dated.DAY, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "vaccination.tally", "given_on", Dated.DAY, cutoff, RetainedDoses.BATCH);
    }
}
