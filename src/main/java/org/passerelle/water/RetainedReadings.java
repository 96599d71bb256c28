package org.passerelle.water;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
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
        return jdbc.sql(
                        "select count(*) as expired, min(measured_at) as oldest from water.reading where measured_at < ?")
                .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
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
            batch = jdbc.sql("""
                            delete from water.reading where id in (
                                select id from water.reading where measured_at < ? limit ? for update skip locked)
                            """)
                    .params(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), BATCH)
                    .update();
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }
}
