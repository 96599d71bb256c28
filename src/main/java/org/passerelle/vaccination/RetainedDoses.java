package org.passerelle.vaccination;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The doses on persons' files, kept long by default (a vaccination history matters for years),
 * then removed by the day they were given, a batch of rows per statement.
 */
@Component
class RetainedDoses implements RetainedRecords {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    RetainedDoses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return Doses.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 240;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return RetainedRows.count(jdbc, "vaccination.dose", "given_on", Dated.DAY, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "vaccination.dose", "given_on", Dated.DAY, cutoff, BATCH);
    }
}
