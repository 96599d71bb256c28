package org.passerelle.water;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The readings taken at water points: kept for years by default, then removed a batch at a time. */
@Component
class RetainedReadings implements RetainedRecords {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    RetainedReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return Readings.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 60;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return RetainedRows.count(jdbc, "water.reading", "measured_at", Dated.INSTANT, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "water.reading", "measured_at", Dated.INSTANT, cutoff, BATCH);
    }
}
