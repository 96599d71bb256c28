package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.change;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A push of hundreds of offline registrations is written in a few transactions, each mutation in its
 * own savepoint: the bad ones are rejected alone, every other one is applied once with its audit line,
 * registrations of the same person in the batch meet in the review queue, consultations created one
 * after another are applied as a run, and the batch sent again changes nothing.
 */
@PasserelleTest
class SyncBatchTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    Device device;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        device = new Device(clinician, port);
    }

    private Map<String, Object> registration(UUID id, String name) {
        return mutation(
                "person",
                id,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "chosenName", value(name),
                        "sex", value("MALE"),
                        "birthDate", value(Map.of("precision", "EXACT", "date", "1991-04-05"))));
    }

    @Test
    void writesABatchInAFewTransactionsAndRejectsEachBadMutationAlone() {
        String family = "Gebremariam"
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        List<Map<String, Object>> batch = new ArrayList<>();
        List<UUID> registered = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            UUID id = UUID.randomUUID();
            registered.add(id);
            batch.add(registration(id, "Person" + i + " " + family));
        }
        // the same man registered twice on the device, far apart in the batch (another chunk)
        UUID first = registered.get(3);
        UUID second = registered.get(220);
        batch.set(3, registration(first, "Tewelde " + family));
        batch.set(220, registration(second, "Tewelde " + family));
        Map<String, Object> forbiddenSite = new HashMap<>(registration(UUID.randomUUID(), "Elsewhere " + family));
        forbiddenSite.put("siteId", organisation.siteB);
        batch.add(120, forbiddenSite);
        batch.add(
                121,
                mutation(
                        "person",
                        registered.get(10),
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("phone", change(null, "+33 3"))));
        batch.add(
                122,
                mutation(
                        "person",
                        UUID.randomUUID(),
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("phone", change(null, "+33 4"))));

        ApiSession.Response pushed = device.push(batch);

        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        JsonNode results = pushed.body().path("results");
        assertThat(results.size()).isEqualTo(253);
        for (int i = 0; i < 253; i++) {
            String expected = i == 120 ? "REJECTED" : i == 122 ? "REJECTED" : "APPLIED";
            assertThat(results.get(i).path("outcome").asString())
                    .as("mutation %d: %s", i, results.get(i))
                    .isEqualTo(expected);
            assertThat(results.get(i).path("mutationId").asString())
                    .isEqualTo(batch.get(i).get("mutationId"));
        }
        assertThat(results.get(120).path("problem").path("code").asString()).isEqualTo("sync-site-not-allowed");
        assertThat(results.get(122).path("problem").path("code").asString()).isEqualTo("sync-unknown-record");
        assertThat(persons(registered)).isEqualTo(250);
        assertThat(transactionsThatWrote(registered))
                .as("250 registrations written in a few transactions, not one each")
                .isBetween(2L, 4L);
        assertThat(createLines(registered))
                .as("one audit line per record, naming the device")
                .isEqualTo(250);
        assertThat(pairQueued(first, second))
                .as("the two registrations of one man meet in the review queue")
                .isTrue();
        assertThat(jdbc.sql("select phone is not null from people.person where id = ?")
                        .param(registered.get(10))
                        .query(Boolean.class)
                        .single())
                .isTrue();

        ApiSession.Response again = device.push(batch);

        assertThat(again.status()).isEqualTo(200);
        for (int i = 0; i < 253; i++) {
            JsonNode result = again.body().path("results").get(i);
            boolean rejected = i == 120 || i == 122;
            assertThat(result.path("replayed").asBoolean())
                    .as("mutation %d: %s", i, result)
                    .isEqualTo(!rejected);
        }
        assertThat(persons(registered)).isEqualTo(250);
        assertThat(createLines(registered))
                .as("the batch sent again wrote nothing")
                .isEqualTo(250);
    }

    @Test
    void registersARunAtOnceWhereItsPersonsMeetAndARegistrationSentAgainIsAnsweredWithThePerson() {
        String family = "Haileselassie"
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        UUID earlier = UUID.randomUUID();
        ApiSession.Response before = device.push(List.of(registration(earlier, "Berhane " + family)));
        assertThat(before.status()).as(before.body().toString()).isEqualTo(200);
        List<Map<String, Object>> batch = new ArrayList<>();
        List<UUID> registered = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID id = UUID.randomUUID();
            registered.add(id);
            batch.add(registration(id, (i == 5 || i == 30 ? "Kidane " : "Someone" + i + " ") + family));
        }
        // the person registered before, sent again under a new mutation in the middle of the run
        batch.add(20, registration(earlier, "Berhane " + family));

        long lastLineBefore = jdbc.sql("select coalesce(max(id), 0) from audit.audit_event")
                .query(Long.class)
                .single();
        ApiSession.Response pushed = device.push(batch);

        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        JsonNode results = pushed.body().path("results");
        assertThat(results.size()).isEqualTo(41);
        for (int i = 0; i < 41; i++) {
            assertThat(results.get(i).path("outcome").asString())
                    .as("mutation %d: %s", i, results.get(i))
                    .isEqualTo("APPLIED");
            assertThat(results.get(i).path("version").asLong()).isZero();
        }
        assertThat(results.get(20).path("recordId").asString()).isEqualTo(earlier.toString());
        assertThat(persons(registered)).isEqualTo(40);
        assertThat(persons(List.of(earlier))).isEqualTo(1);
        assertThat(transactionsThatWrote(registered)).isEqualTo(1);
        assertThat(pairQueued(registered.get(5), registered.get(30)))
                .as("two registrations of one person in the same run meet in the review queue")
                .isTrue();
        assertThat(createLines(registered)).isEqualTo(40);
        assertThat(jdbc.sql("select count(distinct occurred_at) from audit.audit_event where record_id = any(?)"
                                + " and action = 'CREATE'")
                        .param(registered.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .as("the run's audit lines written together, in one stream")
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'SEARCH' and outcome = ?"
                                + " and id > ?")
                        .params("SUCCESS device=" + device.id, lastLineBefore)
                        .query(Long.class)
                        .single())
                .as("one search of the registry audited per registration")
                .isEqualTo(40);
        assertThat(jdbc.sql(
                                "select count(*) from people.person_site where person_id = any(?) and site_id = cast(? as uuid)")
                        .params(registered.toArray(UUID[]::new), organisation.siteA)
                        .query(Long.class)
                        .single())
                .isEqualTo(40);
        assertThat(jdbc.sql("select count(distinct created_by) from people.person where id = any(?)"
                                + " and created_by is not null")
                        .param(registered.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void appliesARunOfConsultationsInOneSavepointAndRefusesABadOneAlone() {
        String personId =
                TestOrganisation.register(clinician, "Tsegaye Abera").path("id").asString();
        List<Map<String, Object>> good = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            good.add(consultation(id, personId, 36.5 + i / 10.0));
        }

        ApiSession.Response pushed = device.push(good);

        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        pushed.body()
                .path("results")
                .forEach(result -> assertThat(result.path("outcome").asString())
                        .as(result.toString())
                        .isEqualTo("APPLIED"));
        assertThat(savepointsThatWrote(ids))
                .as("the run of consultations written in one savepoint, not one each")
                .isEqualTo(1);

        List<Map<String, Object>> mixed = new ArrayList<>();
        List<UUID> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID id = UUID.randomUUID();
            others.add(id);
            mixed.add(consultation(id, personId, 37.0));
        }
        UUID refused = UUID.randomUUID();
        mixed.add(3, consultation(refused, UUID.randomUUID().toString(), 37.0));

        ApiSession.Response again = device.push(mixed);

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        JsonNode results = again.body().path("results");
        for (int i = 0; i < 7; i++) {
            assertThat(results.get(i).path("outcome").asString())
                    .as("mutation %d: %s", i, results.get(i))
                    .isEqualTo(i == 3 ? "REJECTED" : "APPLIED");
        }
        assertThat(jdbc.sql("select count(*) from care.encounter where id = any(?)")
                        .param(others.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from care.encounter where id = ?")
                        .param(refused)
                        .query(Long.class)
                        .single())
                .as("nothing of the refused consultation")
                .isZero();
        assertThat(jdbc.sql("select count(*) from audit.audit_event where record_id = any(?) and action = 'CREATE'")
                        .param(others.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .as("one audit line per consultation, none left from the run rolled back")
                .isEqualTo(6);
    }

    private Map<String, Object> consultation(UUID id, String personId, double temperature) {
        return mutation(
                "encounter",
                id,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "personId", value(personId),
                        "formCode", value("medical-consultation"),
                        "status", value("SIGNED"),
                        "answers.complaints", value(List.of("cough")),
                        "answers.diagnoses", value(List.of("B86")),
                        "answers.temperature", value(temperature)));
    }

    /** How many (sub)transactions inserted these consultations: each savepoint has its own id. */
    private long savepointsThatWrote(List<UUID> ids) {
        return jdbc.sql("select count(distinct xmin::text) from care.encounter where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private long persons(List<UUID> ids) {
        return jdbc.sql("select count(*) from people.person where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    /**
     * How many transactions inserted these persons: {@code created_at} is the start of the inserting
     * transaction, shared by its savepoints (a row's xmin is not: each savepoint has its own).
     */
    private long transactionsThatWrote(List<UUID> ids) {
        return jdbc.sql("select count(distinct created_at) from people.person where id = any(?)")
                .param(ids.toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private long createLines(List<UUID> ids) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = any(?) and action = 'CREATE'"
                        + " and outcome = ?")
                .params(ids.toArray(UUID[]::new), "SUCCESS device=" + device.id)
                .query(Long.class)
                .single();
    }

    private boolean pairQueued(UUID one, UUID other) {
        return jdbc.sql("select count(*) from people.duplicate_candidate where person_a = least(?, ?)"
                                + " and person_b = greatest(?, ?) and registered_offline")
                        .params(one, other, one, other)
                        .query(Long.class)
                        .single()
                > 0;
    }
}
