package org.passerelle.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.platform.retention.RetainedRows.Dated;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Counting and removing a table's rows older than a cutoff, by a day or by an instant, in batches. */
@PasserelleTest
class RetainedRowsTest {

    private static final Instant CUTOFF = Instant.parse("2020-06-15T10:00:00Z");

    @Autowired
    DataSource dataSource;

    @Test
    void countsThenRemovesExactlyTheRowsBeforeTheCutoffInBatches() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            jdbc.sql("create temporary table kept (id uuid primary key, day date not null, at timestamptz not null)")
                    .update();
            LocalDate day = LocalDate.of(2020, 6, 15);
            for (int i = 1; i <= 5; i++) {
                insert(jdbc, day.minusDays(i), CUTOFF.minusSeconds(i));
            }
            insert(jdbc, day, CUTOFF);
            insert(jdbc, day.plusDays(1), CUTOFF.plusSeconds(1));

            ExpiredRecords byDay = RetainedRows.count(jdbc, "kept", "day", Dated.DAY, CUTOFF);
            assertThat(byDay.count()).isEqualTo(5);
            assertThat(byDay.oldest()).isEqualTo(Instant.parse("2020-06-10T00:00:00Z"));
            ExpiredRecords byInstant = RetainedRows.count(jdbc, "kept", "at", Dated.INSTANT, CUTOFF);
            assertThat(byInstant.count()).isEqualTo(5);
            assertThat(byInstant.oldest()).isEqualTo(CUTOFF.minusSeconds(5));

            assertThat(RetainedRows.purge(jdbc, "kept", "at", Dated.INSTANT, CUTOFF, 2))
                    .isEqualTo(5);
            assertThat(jdbc.sql("select count(*) from kept").query(Long.class).single())
                    .isEqualTo(2);
            assertThat(RetainedRows.count(jdbc, "kept", "day", Dated.DAY, CUTOFF)
                            .count())
                    .isZero();
            assertThat(RetainedRows.purge(jdbc, "kept", "day", Dated.DAY, CUTOFF, 2))
                    .isZero();
            jdbc.sql("drop table kept").update();
        }
    }

    private static void insert(JdbcClient jdbc, LocalDate day, Instant at) {
        jdbc.sql("insert into kept values (?, ?, ?)")
                .params(UUID.randomUUID(), day, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }
}
