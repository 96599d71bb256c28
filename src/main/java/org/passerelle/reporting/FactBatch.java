package org.passerelle.reporting;

import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Folds a set of changes into the facts and roll-ups, in the caller's transaction: the consultations
 * changed go into {@link #TOUCHED_ENCOUNTERS}, the persons whose own record changed into {@link
 * #TOUCHED_PERSONS}; every person whose facts may change is added, their facts as they were and as
 * they are now are written to temporary tables, the roll-ups take away the first and add the second,
 * and the facts are replaced. Every statement joins those tables to an index (no {@code or} over
 * arrays, which the planner can only answer by reading whole tables), so a batch costs what it
 * touches whatever its size.
 */
@Component
class FactBatch {

    static final String TOUCHED_ENCOUNTERS = "pg_temp.reporting_touched_encounter";
    static final String TOUCHED_PERSONS = "pg_temp.reporting_touched_person";
    private static final String OLD_ENCOUNTERS = "pg_temp.reporting_old_encounter_fact";
    private static final String NEW_ENCOUNTERS = "pg_temp.reporting_new_encounter_fact";
    private static final String OLD_REGISTRATIONS = "pg_temp.reporting_old_registration_fact";
    private static final String NEW_REGISTRATIONS = "pg_temp.reporting_new_registration_fact";

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
        for (String touched : new String[] {TOUCHED_ENCOUNTERS, TOUCHED_PERSONS}) {
            jdbc.sql("create temporary table if not exists " + local(touched)
                            + " (id uuid primary key) on commit delete rows")
                    .update();
        }
        Map.of(
                        OLD_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        NEW_ENCOUNTERS, FactRefresher.ENCOUNTERS,
                        OLD_REGISTRATIONS, FactRefresher.REGISTRATIONS,
                        NEW_REGISTRATIONS, FactRefresher.REGISTRATIONS)
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
                                NEW_REGISTRATIONS))
                .update();
    }

    /** Folds in the changes put in the touched tables since {@link #begin()}. */
    void apply() {
        addTouchedPersons();
        jdbc.sql("insert into " + OLD_ENCOUNTERS + " select f.* from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_PERSONS + " t on t.id = f.person_key")
                .update();
        // anonymous group sessions: no person
        jdbc.sql("insert into " + OLD_ENCOUNTERS + " select f.* from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_ENCOUNTERS + " t on t.id = f.encounter_id where f.person_key is null")
                .update();
        jdbc.sql(FactSql.encounterFacts(
                        NEW_ENCOUNTERS,
                        "(select e.* from care.encounter e join " + TOUCHED_PERSONS + " t on t.id = e.person_id"
                                + " union all select e.* from care.encounter e join " + TOUCHED_ENCOUNTERS
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
        Map<String, String> before =
                Map.of(FactRefresher.ENCOUNTERS, OLD_ENCOUNTERS, FactRefresher.REGISTRATIONS, OLD_REGISTRATIONS);
        Map<String, String> after =
                Map.of(FactRefresher.ENCOUNTERS, NEW_ENCOUNTERS, FactRefresher.REGISTRATIONS, NEW_REGISTRATIONS);
        rollups.countFacts(before, -1);
        replaceFacts();
        rollups.countFacts(after, 1);
        rollups.refreshPersons(TOUCHED_PERSONS, after);
    }

    /**
     * Every person whose facts may change: now or before linked to a changed consultation, merged
     * into one whose record changed, or holding (in the facts) a consultation that now belongs to a
     * touched person.
     */
    private void addTouchedPersons() {
        analyze(TOUCHED_ENCOUNTERS, TOUCHED_PERSONS);
        jdbc.sql("insert into " + TOUCHED_PERSONS + " (id)"
                        + " select e.person_id from care.encounter e join " + TOUCHED_ENCOUNTERS
                        + " t on t.id = e.id where e.person_id is not null"
                        + " union select e.merged_from from care.encounter e join " + TOUCHED_ENCOUNTERS
                        + " t on t.id = e.id where e.merged_from is not null"
                        + " union select f.person_key from " + FactRefresher.ENCOUNTERS + " f join "
                        + TOUCHED_ENCOUNTERS + " t on t.id = f.encounter_id where f.person_key is not null"
                        + " union select p.merged_into from people.person p join " + TOUCHED_PERSONS
                        + " t on t.id = p.id where p.merged_into is not null"
                        + " on conflict do nothing")
                .update();
        for (int step = 0; step < MOST_MERGE_STEPS; step++) {
            analyze(TOUCHED_PERSONS);
            int added = jdbc.sql("insert into " + TOUCHED_PERSONS + " (id) select distinct f.person_key"
                            + " from " + TOUCHED_PERSONS + " t join care.encounter e on e.person_id = t.id"
                            + " join " + FactRefresher.ENCOUNTERS + " f on f.encounter_id = e.id"
                            + " where f.person_key is distinct from e.person_id and f.person_key is not null"
                            + " on conflict do nothing")
                    .update();
            if (added == 0) {
                return;
            }
        }
    }

    private void replaceFacts() {
        jdbc.sql("delete from " + FactRefresher.ENCOUNTERS + " f using " + OLD_ENCOUNTERS
                        + " o where f.encounter_id = o.encounter_id")
                .update();
        jdbc.sql("insert into " + FactRefresher.ENCOUNTERS + " select * from " + NEW_ENCOUNTERS)
                .update();
        jdbc.sql("delete from " + FactRefresher.REGISTRATIONS + " r using " + OLD_REGISTRATIONS
                        + " o where r.person_key = o.person_key")
                .update();
        jdbc.sql("insert into " + FactRefresher.REGISTRATIONS + " select * from " + NEW_REGISTRATIONS)
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
