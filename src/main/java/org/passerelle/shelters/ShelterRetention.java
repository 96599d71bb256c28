package org.passerelle.shelters;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long a shelter keeps what it knew of people: a stay ended before the cutoff is removed with its
 * beds and nights (ten years by default, so that the occupancy of past years can be compared); a
 * request closed before the cutoff with its offers (five years). A batch per transaction. Stays not
 * ended and requests still waiting are kept whatever their age.
 */
@Configuration(proxyBeanMethods = false)
class ShelterRetention {

    static final int BATCH = 1_000;

    @Bean
    RetainedRecords retainedStays(JdbcClient jdbc, TransactionTemplate transactions) {
        return new Retained(
                Stays.RECORD_TYPE,
                120,
                "select count(*), min(updated_at) from shelters.stay where discharged_on < ?::timestamptz::date",
                """
                with expired as (select id from shelters.stay where discharged_on < ?::timestamptz::date limit ?),
                     nights as (delete from shelters.night where stay_id in (select id from expired)),
                     placements as (delete from shelters.placement where stay_id in (select id from expired))
                delete from shelters.stay where id in (select id from expired)
                """,
                jdbc,
                transactions);
    }

    @Bean
    RetainedRecords retainedRequests(JdbcClient jdbc, TransactionTemplate transactions) {
        return new Retained(
                WaitingList.REQUEST,
                60,
                "select count(*), min(closed_at) from shelters.request where closed_at < ?",
                """
                with expired as (select id from shelters.request where closed_at < ? limit ?),
                     offers as (delete from shelters.offer where request_id in (select id from expired))
                delete from shelters.request where id in (select id from expired)
                """,
                jdbc,
                transactions);
    }

    private record Retained(
            String recordType,
            int defaultMonths,
            String count,
            String purge,
            JdbcClient jdbc,
            TransactionTemplate transactions)
            implements RetainedRecords {

        @Override
        public ExpiredRecords countExpired(Instant cutoff) {
            return jdbc.sql(count)
                    .param(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC))
                    .query((rs, row) -> {
                        OffsetDateTime oldest = rs.getObject(2, OffsetDateTime.class);
                        return new ExpiredRecords(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                    })
                    .single();
        }

        @Override
        public long purgeExpired(Instant cutoff) {
            long removed = 0;
            while (true) {
                Integer batch = transactions.execute(status -> jdbc.sql(purge)
                        .params(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC), BATCH)
                        .update());
                if (batch == null || batch == 0) {
                    return removed;
                }
                removed += batch;
            }
        }
    }
}
