package org.passerelle.reporting;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the facts in step with the consultations and persons they derive from, by following the
 * change sequences of {@code care.encounter} and {@code people.person}: every insert or update
 * there (late sync, signature, amendment, deletion tombstone, merge, unmerge, change of sex or
 * birth date) takes a new sequence number. The facts of every person touched are rebuilt from the
 * source, so that "new or repeat visit" stays right when an earlier consultation arrives late or
 * two records are merged. Reports catch up before they count, so they never miss a change; a
 * timer keeps the work small in between.
 */
@Component
class FactRefresher {

    private static final Logger log = LoggerFactory.getLogger(FactRefresher.class);

    /** Beyond this many changed consultations, rebuilding everything is faster than by person. */
    static final long FULL_REBUILD_ABOVE = 200_000;

    static final String ENCOUNTERS = "reporting.encounter_fact";
    static final String REGISTRATIONS = "reporting.registration_fact";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Rollups rollups;
    private final ReentrantLock lock = new ReentrantLock();

    FactRefresher(JdbcClient jdbc, TransactionTemplate transactions, Rollups rollups) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rollups = rollups;
    }

    @Scheduled(
            initialDelayString = "${passerelle.reporting.refresh-delay:PT5S}",
            fixedDelayString = "${passerelle.reporting.refresh-every:PT30S}")
    void scheduled() {
        catchUp();
    }

    /** Applies every change since the last catch-up; returns at once when there is none. */
    void catchUp() {
        lock.lock();
        try {
            transactions.executeWithoutResult(status -> catchUpInTransaction());
        } finally {
            lock.unlock();
        }
    }

    /** Applies every change in the current transaction (an erasure's, for one). */
    void catchUpInTransaction() {
        rollups.followSites();
        rollups.rebuildIfCatalogueChanged();
        long lastEncounter = lastSeq("care.encounter");
        long lastPerson = lastSeq("people.person");
        long encounterNow = jdbc.sql("select coalesce(max(change_seq), 0) from care.encounter")
                .query(Long.class)
                .single();
        long personNow = jdbc.sql("select coalesce(max(change_seq), 0) from people.person")
                .query(Long.class)
                .single();
        if (encounterNow == lastEncounter && personNow == lastPerson) {
            return;
        }
        // serialise with concurrent catch-ups in other transactions
        jdbc.sql("select last_seq from reporting.refresh_state for update")
                .query()
                .listOfRows();
        long changed = jdbc.sql("select count(*) from care.encounter where change_seq > ?")
                .param(lastEncounter)
                .query(Long.class)
                .single();
        long start = System.nanoTime();
        if (changed > FULL_REBUILD_ABOVE) {
            rebuildAll();
        } else {
            refreshChanged(lastEncounter, lastPerson);
        }
        jdbc.sql("update reporting.refresh_state set last_seq = greatest(last_seq, ?) where source = 'care.encounter'")
                .param(encounterNow)
                .update();
        jdbc.sql("update reporting.refresh_state set last_seq = greatest(last_seq, ?) where source = 'people.person'")
                .param(personNow)
                .update();
        if (changed > FULL_REBUILD_ABOVE) {
            log.info("Reporting facts rebuilt in {} ms", (System.nanoTime() - start) / 1_000_000);
        }
    }

    private long lastSeq(String source) {
        return jdbc.sql("select last_seq from reporting.refresh_state where source = ?")
                .param(source)
                .query(Long.class)
                .single();
    }

    private void refreshChanged(long lastEncounter, long lastPerson) {
        List<UUID> encounters = jdbc.sql("select id from care.encounter where change_seq > ?")
                .param(lastEncounter)
                .query(UUID.class)
                .list();
        // every person whose facts may change: now or before linked to a changed consultation,
        // or whose own record changed
        String persons = jdbc.sql("""
                select coalesce(array_agg(distinct p)::text, '{}') from (
                    select person_id as p from care.encounter where change_seq > :encounter and person_id is not null
                    union select merged_from from care.encounter where change_seq > :encounter and merged_from is not null
                    union select person_key from reporting.encounter_fact where encounter_id = any(:encounters::uuid[])
                          and person_key is not null
                    union select id from people.person where change_seq > :person
                    union select merged_into from people.person where change_seq > :person and merged_into is not null
                ) touched
                """)
                .param("encounter", lastEncounter)
                .param("person", lastPerson)
                .param("encounters", array(encounters))
                .query(String.class)
                .single();
        rollups.countFacts(array(encounters), persons, -1);
        jdbc.sql(
                        "delete from reporting.encounter_fact where encounter_id = any(?::uuid[]) or person_key = any(?::uuid[])")
                .params(array(encounters), persons)
                .update();
        jdbc.sql(FactSql.encounterFacts("e.person_id = any(:persons::uuid[]) or e.id = any(:encounters::uuid[])", ""))
                .param("persons", persons)
                .param("encounters", array(encounters))
                .update();
        jdbc.sql("delete from reporting.registration_fact where person_key = any(?::uuid[])")
                .param(persons)
                .update();
        jdbc.sql(FactSql.INSERT_REGISTRATION_FACTS + " and p.id = any(?::uuid[])")
                .param(persons)
                .update();
        rollups.countFacts(array(encounters), persons, 1);
        rollups.refreshPersons(persons);
    }

    private void rebuildAll() {
        // facts of erased persons (anonymous keys) are kept: their consultations are gone
        jdbc.sql("create temporary table kept_fact on commit drop as select * from reporting.encounter_fact f"
                        + " where not exists (select 1 from care.encounter e where e.id = f.encounter_id)")
                .update();
        jdbc.sql("truncate reporting.encounter_fact").update();
        jdbc.sql("insert into reporting.encounter_fact select * from kept_fact").update();
        jdbc.sql(FactSql.encounterFacts("true", "order by e.site_id, e.occurred_on"))
                .update();
        jdbc.sql(
                        "delete from reporting.registration_fact r where exists (select 1 from people.person p where p.id = r.person_key)")
                .update();
        jdbc.sql(FactSql.INSERT_REGISTRATION_FACTS).update();
        jdbc.sql("analyze reporting.encounter_fact").update();
        jdbc.sql("analyze reporting.registration_fact").update();
        rollups.rebuildAll();
    }

    private static String array(List<UUID> ids) {
        return ids.stream().map(UUID::toString).collect(Collectors.joining(",", "{", "}"));
    }
}
