package org.passerelle.people;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The erasure log (who erased which record, when and why): kept long enough to answer for an
 * erasure, then removed, a batch of rows per statement.
 */
@Component
class RetainedErasures implements RetainedRecords {

    static final int BATCH = 5_000;

    private final JdbcClient jdbc;

    RetainedErasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String recordType() {
        return "erasure";
    }

    @Override
    public int defaultMonths() {
        return 60;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql("select count(*) as expired, min(erased_at) as oldest from people.erasure where erased_at < ?")
                .param(RetainedPersons.utc(cutoff))
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
                            delete from people.erasure where person_id in (
                                select person_id from people.erasure where erased_at < ?
                                 order by erased_at limit ? for update skip locked)
                            """).params(RetainedPersons.utc(cutoff), BATCH).update();
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }
}
