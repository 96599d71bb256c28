package org.passerelle.vaccination;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
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
        return jdbc.sql("select count(*) as expired, min(given_on) as oldest from vaccination.dose where given_on < ?")
                .param(day(cutoff))
                .query((row, number) -> {
                    LocalDate oldest = row.getObject("oldest", LocalDate.class);
                    return new ExpiredRecords(
                            row.getLong("expired"),
                            oldest == null
                                    ? null
                                    : oldest.atStartOfDay(ZoneOffset.UTC).toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        long removed = 0;
        int batch;
        do {
            batch = jdbc.sql("""
                            delete from vaccination.dose where id in (
                                select id from vaccination.dose where given_on < ? limit ? for update skip locked)
                            """).params(day(cutoff), BATCH).update();
            removed += batch;
        } while (batch == BATCH);
        return removed;
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
