package org.passerelle.reporting;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds a set of changes into the facts and roll-ups, in the caller's transaction: the consultations
 * changed go into {@link #TOUCHED_ENCOUNTERS} (with who they belong to now and who they were merged
 * from, taken as they are read from the changes), the persons whose own record changed into {@link
 * #TOUCHED_PERSONS}; every person whose facts may change is added and their facts as they were and
 * as they are now are written to temporary tables. Only the facts that differ are replaced and
 * taken away from or added to the additive cells; the tallies and years of the persons they belong
 * to are counted again. Every statement joins those tables to an index (no {@code or} over arrays,
 * which the planner can only answer by reading whole tables), and each row is looked up once where
 * it can be, so a batch costs what it touches whatever its size.
 */
@Component
class FactBatch {

    static final String TOUCHED_ENCOUNTERS = "pg_temp.reporting_touched_encounter";
    static final String TOUCHED_PERSONS = "pg_temp.reporting_touched_person";

    /** The columns a changed consultation is taken with into {@link #TOUCHED_ENCOUNTERS}. */
    static final String ENCOUNTER_COLUMNS = "id, person_id, merged_from";

    private static final String OLD_ENCOUNTERS = "pg_temp.reporting_old_encounter_fact";
    private static final String NEW_ENCOUNTERS = "pg_temp.reporting_new_encounter_fact";
    private static final String OLD_REGISTRATIONS = "pg_temp.reporting_old_registration_fact";
    private static final String NEW_REGISTRATIONS = "pg_temp.reporting_new_registration_fact";
    private static final String GONE_ENCOUNTERS = "pg_temp.reporting_gone_encounter_fact";
    private static final String CAME_ENCOUNTERS = "pg_temp.reporting_came_encounter_fact";
    private static final String GONE_REGISTRATIONS = "pg_temp.reporting_gone_registration_fact";
    private static final String CAME_REGISTRATIONS = "pg_temp.reporting_came_registration_fact";
    private static final String CHANGED_PERSONS = "pg_temp.reporting_changed_person";

    /** A person's consultations may have moved from a record whose other consultations moved in turn. */
    private static final int MOST_MERGE_STEPS = 20;

    private final JdbcClient jdbc;
    private final Rollups rollups;

    FactBatch(JdbcClient jdbc, Rollups rollups) {
        this.jdbc = jdbc;
        this.rollups = rollups;
    }

    /** Creates (once per connection) and empties the tables of a batch; they are emptied at commit too. */
    void begin() {
        jdbc.sql("create temporary table if not exists " + local(TOUCHED_ENCOUNTERS)
                        + " (id uuid primary key, person_id uuid, merged_from uuid) on commit delete rows")
                .update();
        // step: the round of the merge steps in which the person was added (0: the changes' own)
        jdbc.sql("create temporary table if not exists " + local(TOUCHED_PERSONS)
                        + " (id uuid primary key, step integer not null default 0) on commit delete rows")
                .update();
        jdbc.sql("create temporary table if not exists " + local(CHANGED_PERSONS)
                        + " (id uuid primary key) on commit delete rows")
                .update();
        Map.of(
                        OLD_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        NEW_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        GONE_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        CAME_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        OLD_REGISTRATIONS, FactRefresher.REGISTRATIONS,
                        NEW_REGISTRATIONS, FactRefresher.REGISTRATIONS,
                        GONE_REGISTRATIONS, FactRefresher.REGISTRATIONS,
                        CAME_REGISTRATIONS, FactRefresher.REGISTRATIONS)
                .forEach((table, like) -> jdbc.sql("create temporary table if not exists " + local(table) + " (like "
                                + like + ") on commit delete rows")
                        .update());
        jdbc.sql("truncate "
                        + String.join(
                                ", ",
                                TOUCHED_ENCOUNTERS,
                                TOUCHED_PERSONS,
                                OLD_ENCOUNTERS,
                                NEW_ENCOUNTERS,
                                OLD_REGISTRATIONS,
                                NEW_REGISTRATIONS,
                                GONE_ENCOUNTERS,
                                CAME_ENCOUNTERS,
                                GONE_REGISTRATIONS,
                                CAME_REGISTRATIONS,
                                CHANGED_PERSONS))
                .update();
    }

    /** Folds in the changes put in the touched tables since {@link #begin()}. */
    void apply() {
        addTouchedPersons();
        for (int step = 0; ; step++) {
            readPersons(step);
            if (step == MOST_MERGE_STEPS || addMovedFrom(step) == 0) {
                break;
            }
        }
        // anonymous group sessions: no person
        jdbc.sql("insert into " + OLD_ENCOUNTERS + " select f.* from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_ENCOUNTERS + " t on t.id = f.encounter_id where f.person_key is null")
                .update();
        jdbc.sql(FactSql.encounterFacts(
                        NEW_ENCOUNTERS,
                        "(select e.* from care.encounter e join " + TOUCHED_ENCOUNTERS
                                + " t on t.id = e.id where e.person_id is null)",
                        ""))
                .update();
        jdbc.sql("insert into " + OLD_REGISTRATIONS + " select r.* from " + FactRefresher.REGISTRATIONS + " r join "
                        + TOUCHED_PERSONS + " t on t.id = r.person_key")
                .update();
        jdbc.sql(FactSql.registrationFacts(
                        NEW_REGISTRATIONS,
                        "(select p.* from people.person p join " + TOUCHED_PERSONS + " t on t.id = p.id)"))
                .update();
        analyze(OLD_ENCOUNTERS, NEW_ENCOUNTERS, OLD_REGISTRATIONS, NEW_REGISTRATIONS);
        keepDifferences();
        rollups.countCells(of(GONE_ENCOUNTERS, GONE_REGISTRATIONS), -1);
        rollups.countTallies(of(ofChanged(OLD_ENCOUNTERS), ofChanged(OLD_REGISTRATIONS)), -1);
        replaceFacts();
        rollups.countCells(of(CAME_ENCOUNTERS, CAME_REGISTRATIONS), 1);
        Map<String, String> now = of(ofChanged(NEW_ENCOUNTERS), ofChanged(NEW_REGISTRATIONS));
        rollups.countTallies(now, 1);
        rollups.refreshPersons(CHANGED_PERSONS, now);
    }

    /**
     * The facts that went (as they were) and came (as they are now), and the persons they belong
     * to: a fact that did not change (a record synchronised again, a signature that changes no
     * figure) is neither rewritten nor counted again, nor are the tallies and years of a person none
     * of whose facts changed.
     */
    private void keepDifferences() {
        for (String[] pair : new String[][] {
            {GONE_ENCOUNTERS, OLD_ENCOUNTERS, NEW_ENCOUNTERS},
            {CAME_ENCOUNTERS, NEW_ENCOUNTERS, OLD_ENCOUNTERS},
            {GONE_REGISTRATIONS, OLD_REGISTRATIONS, NEW_REGISTRATIONS},
            {CAME_REGISTRATIONS, NEW_REGISTRATIONS, OLD_REGISTRATIONS}
        }) {
            jdbc.sql("insert into " + pair[0] + " select * from " + pair[1] + " except all select * from " + pair[2])
                    .update();
        }
        jdbc.sql("insert into " + CHANGED_PERSONS + " (id)"
                        + " select person_key from " + GONE_ENCOUNTERS + " where person_key is not null"
                        + " union select person_key from " + CAME_ENCOUNTERS + " where person_key is not null"
                        + " union select person_key from " + GONE_REGISTRATIONS
                        + " union select person_key from " + CAME_REGISTRATIONS)
                .update();
        analyze(GONE_ENCOUNTERS, CAME_ENCOUNTERS, GONE_REGISTRATIONS, CAME_REGISTRATIONS, CHANGED_PERSONS);
    }

    /** All the facts (in {@code facts}) of the persons whose facts changed. */
    private static String ofChanged(String facts) {
        return "(select x.* from " + facts + " x join " + CHANGED_PERSONS + " c on c.id = x.person_key)";
    }

    private static Map<String, String> of(String encounters, String registrations) {
        return Map.of(FactRefresher.ENCOUNTERS, encounters, FactRefresher.REGISTRATIONS, registrations);
    }

    /**
     * Every person whose facts may change: linked now or before to a changed consultation (its
     * person and the record it was merged from were taken with it; its fact says who it belonged
     * to), or merged into one whose record changed.
     */
    private void addTouchedPersons() {
        analyze(TOUCHED_ENCOUNTERS, TOUCHED_PERSONS);
        jdbc.sql("insert into " + TOUCHED_PERSONS + " (id)"
                        + " select person_id from " + TOUCHED_ENCOUNTERS + " where person_id is not null"
                        + " union select merged_from from " + TOUCHED_ENCOUNTERS + " where merged_from is not null"
                        + " union select f.person_key from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_ENCOUNTERS + " t on t.id = f.encounter_id where f.person_key is not null"
                        + " union select p.merged_into from people.person p join " + TOUCHED_PERSONS
                        + " t on t.id = p.id where p.merged_into is not null"
                        + " on conflict do nothing")
                .update();
        analyze(TOUCHED_PERSONS);
    }

    /** The facts of the persons added in this step, as they were and as they are now. */
    private void readPersons(int step) {
        jdbc.sql("insert into " + OLD_ENCOUNTERS + " select f.* from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_PERSONS + " t on t.id = f.person_key where t.step = ?")
                .param(step)
                .update();
        jdbc.sql(FactSql.encounterFacts(
                        NEW_ENCOUNTERS,
                        "(select e.* from care.encounter e join " + TOUCHED_PERSONS
                                + " t on t.id = e.person_id where t.step = " + step + ")",
                        ""))
                .update();
    }

    /**
     * Adds the persons whose facts still hold a consultation that now belongs to a person of this
     * step (moved by a merge whose own change is not taken yet): only the consultations whose fact
     * is not among those just read are looked up. Returns how many were added.
     */
    private int addMovedFrom(int step) {
        analyze(OLD_ENCOUNTERS);
        return jdbc.sql("with moved as materialized (select e.id, e.person_id from " + TOUCHED_PERSONS + " t"
                        + " join care.encounter e on e.person_id = t.id where t.step = :step and not exists"
                        + " (select 1 from " + OLD_ENCOUNTERS + " o where o.encounter_id = e.id))"
                        + " insert into " + TOUCHED_PERSONS + " (id, step) select distinct f.person_key, :next"
                        + " from moved m join " + FactRefresher.ENCOUNTERS + " f on f.encounter_id = m.id"
                        + " where f.person_key is distinct from m.person_id and f.person_key is not null"
                        + " on conflict do nothing")
                .param("step", step)
                .param("next", step + 1)
                .update();
    }

    /** Replaces the facts that changed (a changed fact went as it was and came as it is). */
    private void replaceFacts() {
        jdbc.sql("delete from " + FactRefresher.ENCOUNTERS + " f using " + GONE_ENCOUNTERS
                        + " g where f.encounter_id = g.encounter_id")
                .update();
        jdbc.sql("insert into " + FactRefresher.ENCOUNTERS + " select * from " + CAME_ENCOUNTERS)
                .update();
        jdbc.sql("delete from " + FactRefresher.REGISTRATIONS + " r using " + GONE_REGISTRATIONS
                        + " g where r.person_key = g.person_key")
                .update();
        jdbc.sql("insert into " + FactRefresher.REGISTRATIONS + " select * from " + CAME_REGISTRATIONS)
                .update();
    }

    /** Statistics for the planner, which otherwise guesses the size of a temporary table. */
    private void analyze(String... tables) {
        jdbc.sql("analyze " + String.join(", ", tables)).update();
    }

    private static String local(String table) {
        return table.substring("pg_temp.".length());
    }
}
