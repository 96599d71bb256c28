package org.passerelle.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each person's last visit of each month and whether their rights were open at it, kept by the
 * triggers of consultations and coverage steps: after every kind of change the kept rows are what a
 * count from scratch over every consultation gives, and two transactions adding visits of one person
 * at once leave the later visit as the month's last.
 */
@PasserelleTest
class VisitMonthTest {

    /** The rows from scratch: the first view of the indicator, over every consultation. */
    private static final String FROM_SCRATCH = """
            select v.person_id, v.site_id, v.occurred_on,
                   coalesce(last.kind <> 'COVERAGE_NONE' and (last.valid_until is null or last.valid_until >= v.occurred_on),
                            false) as rights_open
              from (select distinct on (e.person_id, date_trunc('month', e.occurred_on))
                           e.person_id, e.site_id, e.occurred_on
                      from care.encounter e
                     where e.status = 'SIGNED' and e.deleted_at is null and e.person_id = any(:persons)
                     order by e.person_id, date_trunc('month', e.occurred_on), e.occurred_on desc,
                              e.created_at desc, e.id desc) v
              left join lateral (
                    select g.kind, g.valid_until
                      from rights.rights_step g
                     where g.person_id = v.person_id and g.domain = 'COVERAGE' and g.deleted_at is null
                       and g.occurred_on <= v.occurred_on
                       and g.kind in ('AME_GRANTED', 'PUMA_GRANTED', 'CSS_GRANTED', 'EUROPEAN_CARD',
                                      'OTHER_COVERAGE', 'COVERAGE_NONE')
                     order by g.occurred_on desc, g.created_at desc
                     limit 1) last on true
             order by 1, 3
            """;

    private static final String KEPT = """
            select person_id, site_id, occurred_on, rights_open
              from rights.visit_month where person_id = any(:persons) order by 1, 3
            """;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private final UUID siteA = UUID.randomUUID();
    private final UUID siteB = UUID.randomUUID();

    @Test
    void theKeptMonthsAreWhatACountFromScratchGivesAfterEveryKindOfChange() {
        UUID amina = UUID.randomUUID();
        UUID yonas = UUID.randomUUID();
        UUID[] persons = {amina, yonas};

        UUID early = visit(amina, siteA, "2025-03-02", "SIGNED");
        UUID late = visit(amina, siteB, "2025-03-20", "SIGNED");
        visit(amina, siteA, "2025-04-01", "SIGNED");
        UUID draft = visit(yonas, siteA, "2025-03-25", "DRAFT");
        visit(yonas, siteA, "2025-03-15", "SIGNED");
        assertKeptAsFromScratch(persons, 3);
        assertThat(lastVisit(amina, "2025-03-01")).isEqualTo(late);

        UUID grant = coverage(amina, "AME_GRANTED", "2025-03-10", "2026-03-09");
        assertKeptAsFromScratch(persons, 3);
        assertThat(rightsOpen(amina, "2025-03-01")).isTrue();

        // the draft is signed: it becomes Yonas's last visit of March
        jdbc.sql("update care.encounter set status = 'SIGNED', signed_at = now() where id = ?")
                .param(draft)
                .update();
        assertKeptAsFromScratch(persons, 3);
        assertThat(lastVisit(yonas, "2025-03-01")).isEqualTo(draft);

        // the last visit is removed: the earlier one (before the grant) is March's last again
        jdbc.sql("update care.encounter set deleted_at = now() where id = ?")
                .param(late)
                .update();
        assertKeptAsFromScratch(persons, 3);
        assertThat(lastVisit(amina, "2025-03-01")).isEqualTo(early);
        assertThat(rightsOpen(amina, "2025-03-01")).isFalse();

        // a visit moved to another month, then deleted outright
        jdbc.sql("update care.encounter set occurred_on = '2025-05-05' where id = ?")
                .param(early)
                .update();
        assertKeptAsFromScratch(persons, 3);
        jdbc.sql("delete from care.encounter where id = ?").param(early).update();
        assertKeptAsFromScratch(persons, 2);

        // the grant withdrawn, then a coverage ended: every later visit follows
        jdbc.sql("update rights.rights_step set deleted_at = now() where id = ?")
                .param(grant)
                .update();
        assertKeptAsFromScratch(persons, 2);
        coverage(amina, "PUMA_GRANTED", "2025-03-01", null);
        coverage(yonas, "CSS_GRANTED", "2025-01-01", "2025-03-20");
        assertKeptAsFromScratch(persons, 2);
        assertThat(rightsOpen(amina, "2025-04-01")).isTrue();
        assertThat(rightsOpen(yonas, "2025-03-01"))
                .as("expired before the last visit")
                .isFalse();
        coverage(amina, "COVERAGE_NONE", "2025-03-31", null);
        assertKeptAsFromScratch(persons, 2);
        assertThat(rightsOpen(amina, "2025-04-01")).isFalse();
    }

    @Test
    void twoTransactionsAddingVisitsOfOnePersonAtOnceKeepTheLaterVisit() throws Exception {
        UUID person = UUID.randomUUID();
        UUID later;
        try (Connection first = dataSource.getConnection()) {
            first.setAutoCommit(false);
            later = insertVisit(first, person, "2025-06-20");
            // the second transaction adds an earlier visit while the first has not committed
            CompletableFuture<UUID> second = CompletableFuture.supplyAsync(() -> {
                try (Connection other = dataSource.getConnection()) {
                    other.setAutoCommit(false);
                    UUID id = insertVisit(other, person, "2025-06-10");
                    other.commit();
                    return id;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(waitsForTheFirst(second))
                    .as("the second waits for the first's lock")
                    .isTrue();
            first.commit();
            second.get(30, TimeUnit.SECONDS);
        }
        assertThat(lastVisit(person, "2025-06-01")).isEqualTo(later);
        assertKeptAsFromScratch(new UUID[] {person}, 1);
    }

    /** Whether the other transaction is seen waiting on the lock (within 30 s) and has not finished. */
    private boolean waitsForTheFirst(CompletableFuture<UUID> second) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!second.isDone() && System.nanoTime() < deadline) {
            long waiting = jdbc.sql("""
                            select count(*) from pg_stat_activity
                             where wait_event_type = 'Lock' and wait_event = 'advisory'
                               and datname = current_database()
                            """).query(Long.class).single();
            if (waiting > 0) {
                return !second.isDone();
            }
            Thread.onSpinWait();
        }
        return false;
    }

    private void assertKeptAsFromScratch(UUID[] persons, int rows) {
        List<Map<String, Object>> kept =
                jdbc.sql(KEPT).param("persons", persons).query().listOfRows();
        List<Map<String, Object>> fromScratch =
                jdbc.sql(FROM_SCRATCH).param("persons", persons).query().listOfRows();
        assertThat(kept).isEqualTo(fromScratch).hasSize(rows);
    }

    private UUID lastVisit(UUID person, String month) {
        return jdbc.sql("select encounter_id from rights.visit_month where person_id = ? and month = ?")
                .params(person, LocalDate.parse(month))
                .query(UUID.class)
                .single();
    }

    private boolean rightsOpen(UUID person, String month) {
        return jdbc.sql("select rights_open from rights.visit_month where person_id = ? and month = ?")
                .params(person, LocalDate.parse(month))
                .query(Boolean.class)
                .single();
    }

    private UUID visit(UUID person, UUID site, String day, String status) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                               provider_id, provider_name, form_code, form_version, status, signed_at, coded)
                        values (:id, :person, :site, 'MEDICAL', 'GENERAL', :day, :provider, 'Provider',
                                'medical-consultation', 1, :status,
                                case when :status = 'SIGNED' then now() end, '{}'::jsonb)
                        """)
                .param("id", id)
                .param("person", person)
                .param("site", site)
                .param("day", LocalDate.parse(day))
                .param("provider", UUID.randomUUID())
                .param("status", status)
                .update();
        assertThat(inserted).isEqualTo(1);
        return id;
    }

    private UUID insertVisit(Connection connection, UUID person, String day) throws Exception {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                       provider_id, provider_name, form_code, form_version, status, signed_at, coded)
                values (?, ?, ?, 'MEDICAL', 'GENERAL', ?, ?, 'Provider', 'medical-consultation', 1, 'SIGNED',
                        now(), '{}'::jsonb)
                """)) {
            insert.setObject(1, id);
            insert.setObject(2, person);
            insert.setObject(3, siteA);
            insert.setObject(4, LocalDate.parse(day));
            insert.setObject(5, UUID.randomUUID());
            assertThat(insert.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private UUID coverage(UUID person, String kind, String day, String validUntil) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into rights.rights_step (id, person_id, site_id, domain, kind, occurred_on, valid_until,
                               created_by, created_by_name)
                        values (:id, :person, :site, 'COVERAGE', :kind, :day, :until, :by, 'Social worker')
                        """)
                .param("id", id)
                .param("person", person)
                .param("site", siteA)
                .param("kind", kind)
                .param("day", LocalDate.parse(day))
                .param("until", validUntil == null ? null : LocalDate.parse(validUntil))
                .param("by", UUID.randomUUID())
                .update();
        assertThat(inserted).isEqualTo(1);
        return id;
    }
}
