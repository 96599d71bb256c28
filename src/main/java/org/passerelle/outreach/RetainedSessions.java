package org.passerelle.outreach;

import java.time.Instant;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.passerelle.platform.retention.RetainedRows;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Outreach sessions are kept ten years by default, as activity records of the programme; a session
 * last changed before the cutoff goes with the rows under it, tombstones included.
 */
@Component
class RetainedSessions implements RetainedRecords {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    RetainedSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return RetainedRows.count(jdbc, "outreach.session", "updated_at", Dated.INSTANT, cutoff);
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        return RetainedRows.purge(jdbc, "outreach.session", "updated_at", Dated.INSTANT, cutoff, BATCH);
    }
}
