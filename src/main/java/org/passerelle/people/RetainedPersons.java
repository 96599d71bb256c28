package org.passerelle.people;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.passerelle.people.PersonViews.Erasure;
import org.passerelle.people.PersonViews.ErasureReason;
import org.passerelle.platform.retention.ExpiredRecords;
import org.passerelle.platform.retention.RetainedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persons nobody has seen for the retention period: their last contact (the latest
 * {@code person_site.last_contact_on} at any site, or the last change to their record) is before
 * the cutoff. They are erased exactly as a data officer erases someone, for the reason
 * {@code RETENTION_ENDED} and by no user, a batch of persons per transaction.
 */
@Component
class RetainedPersons implements RetainedRecords {

    static final int BATCH = 500;

    /**
     * Not changed since the cutoff, and not seen at any site since, under their own record or one
     * merged into it; a merged record goes with the record it was merged into.
     */
    private static final String EXPIRED = """
            p.deleted_at is null and p.merged_into is null and p.updated_at < :cutoff
            and not exists (select 1 from people.person_site s
                             where (s.person_id = p.id
                                    or s.person_id in (select m.id from people.person m where m.merged_into = p.id))
                               and s.last_contact_on::timestamp at time zone 'UTC' >= :cutoff)
            """;

    private final JdbcClient jdbc;
    private final PersonRegistry registry;
    private final TransactionTemplate transactions;

    RetainedPersons(JdbcClient jdbc, PersonRegistry registry, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.transactions = transactions;
    }

    @Override
    public String recordType() {
        return PersonRegistry.RECORD_TYPE;
    }

    @Override
    public int defaultMonths() {
        return 120;
    }

    @Override
    public ExpiredRecords countExpired(Instant cutoff) {
        return jdbc.sql("""
                        select count(*) as expired, min(greatest(p.updated_at,
                               (select max(s.last_contact_on) from people.person_site s where s.person_id = p.id)
                                   ::timestamp at time zone 'UTC')) as oldest
                          from people.person p where
                        """ + EXPIRED)
                .param("cutoff", utc(cutoff))
                .query((row, number) -> {
                    OffsetDateTime oldest = row.getObject("oldest", OffsetDateTime.class);
                    return new ExpiredRecords(row.getLong("expired"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    @Override
    public long purgeExpired(Instant cutoff) {
        Erasure erasure = new Erasure(ErasureReason.RETENTION_ENDED, null);
        long erased = 0;
        int batch;
        do {
            batch = transactions.execute(status -> {
                List<UUID> ids = jdbc.sql("select p.id from people.person p where " + EXPIRED
                                + " order by p.id limit :batch for update of p skip locked")
                        .param("cutoff", utc(cutoff))
                        .param("batch", BATCH)
                        .query(UUID.class)
                        .list();
                ids.forEach(id -> registry.eraseRecord(id, null, erasure));
                return ids.size();
            });
            erased += batch;
        } while (batch == BATCH);
        return erased;
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
