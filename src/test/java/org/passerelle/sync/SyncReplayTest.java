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
 * A batch sent again, whole (its answer was lost), cut (the server stopped after committing its first
 * chunk) or mixed with new mutations, is answered from the mutation log: what was applied before is
 * given its first result and changes nothing, what was not is applied once, and a mutation id reused
 * for other content is refused alone.
 */
@PasserelleTest
class SyncReplayTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    Device device;
    String family;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        device = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        family = "Woldemichael"
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
    }

    private Map<String, Object> registration(UUID id, String name) {
        return mutation(
                "person",
                id,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "chosenName", value(name + " " + family),
                        "sex", value("FEMALE"),
                        "birthDate", value(Map.of("precision", "YEAR", "date", "1987-01-01"))));
    }

    private List<Map<String, Object>> registrations(int count, String prefix) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(registration(UUID.randomUUID(), prefix + i));
        }
        return batch;
    }

    @Test
    void aBatchSentAgainAfterItsAnswerWasLostIsAnsweredAsTheFirstTimeAndWritesNothing() {
        List<Map<String, Object>> batch = registrations(150, "Lost");
        UUID corrected = recordId(batch.get(7));
        batch.add(mutation(
                "person", corrected, "UPDATE", 0L, organisation.siteA, Map.of("phone", change(null, "+33 1"))));
        ApiSession.Response first = device.push(batch);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        long lines = linesOfDevice();
        long remembered = remembered();

        ApiSession.Response again = device.push(batch);

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        for (int i = 0; i < batch.size(); i++) {
            JsonNode result = again.body().path("results").get(i);
            JsonNode before = first.body().path("results").get(i);
            assertThat(result.path("replayed").asBoolean())
                    .as("mutation %d: %s", i, result)
                    .isTrue();
            assertThat(result.path("mutationId").asString())
                    .isEqualTo(batch.get(i).get("mutationId"));
            assertThat(result.path("outcome").asString())
                    .isEqualTo(before.path("outcome").asString());
            assertThat(result.path("version").asLong())
                    .isEqualTo(before.path("version").asLong());
        }
        assertThat(again.body().path("results").get(150).path("version").asLong())
                .isEqualTo(1);
        assertThat(persons(batch)).isEqualTo(150);
        assertThat(linesOfDevice()).as("no audit line for a replay").isEqualTo(lines);
        assertThat(remembered()).isEqualTo(remembered);
        assertThat(version(corrected)).as("the correction applied once").isEqualTo(1);
    }

    @Test
    void aBatchCutAfterItsFirstChunkIsAppliedOnceWhenSentAgain() {
        List<Map<String, Object>> batch = registrations(160, "Cut");
        // the server committed the first chunk of 100, then stopped before answering
        ApiSession.Response cut = device.push(batch.subList(0, 100));
        assertThat(cut.status()).as(cut.body().toString()).isEqualTo(200);

        ApiSession.Response again = device.push(batch);

        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        JsonNode results = again.body().path("results");
        for (int i = 0; i < 160; i++) {
            assertThat(results.get(i).path("outcome").asString())
                    .as("mutation %d", i)
                    .isEqualTo("APPLIED");
            assertThat(results.get(i).path("replayed").asBoolean())
                    .as("mutation %d", i)
                    .isEqualTo(i < 100);
        }
        assertThat(persons(batch)).isEqualTo(160);
        assertThat(createLines(batch))
                .as("one audit line per registration, none twice")
                .isEqualTo(160);
        assertThat(transactionsThatWrote(batch.subList(100, 160)))
                .as("what was not applied is applied as one run")
                .isEqualTo(1);

        ApiSession.Response third = device.push(batch);
        assertThat(third.status()).isEqualTo(200);
        third.body()
                .path("results")
                .forEach(result ->
                        assertThat(result.path("replayed").asBoolean()).isTrue());
        assertThat(createLines(batch)).isEqualTo(160);
    }

    @Test
    void aBatchMixingReplayedAndNewMutationsAppliesOnlyTheNewAndRefusesAReusedIdAlone() {
        List<Map<String, Object>> earlier = registrations(20, "Earlier");
        ApiSession.Response first = device.push(earlier);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        List<Map<String, Object>> fresh = registrations(20, "Fresh");
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(fresh.get(i));
            batch.add(earlier.get(i));
        }
        // an id the device already used, now for other content
        Map<String, Object> reused = new HashMap<>(registration(UUID.randomUUID(), "Other"));
        reused.put("mutationId", earlier.get(3).get("mutationId"));
        batch.add(11, reused);
        // a new mutation the server refuses
        Map<String, Object> elsewhere = new HashMap<>(registration(UUID.randomUUID(), "Elsewhere"));
        elsewhere.put("siteId", organisation.siteB);
        batch.add(30, elsewhere);

        ApiSession.Response pushed = device.push(batch);

        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        JsonNode results = pushed.body().path("results");
        assertThat(results.size()).isEqualTo(42);
        for (int i = 0; i < 42; i++) {
            JsonNode result = results.get(i);
            assertThat(result.path("mutationId").asString())
                    .isEqualTo(batch.get(i).get("mutationId"));
            if (i == 11) {
                assertThat(result.path("problem").path("code").asString()).isEqualTo("sync-mutation-reused");
            } else if (i == 30) {
                assertThat(result.path("problem").path("code").asString()).isEqualTo("sync-site-not-allowed");
            } else {
                assertThat(result.path("outcome").asString())
                        .as("mutation %d: %s", i, result)
                        .isEqualTo("APPLIED");
                assertThat(result.path("replayed").asBoolean())
                        .as("mutation %d", i)
                        .isEqualTo(earlier.contains(batch.get(i)));
            }
        }
        assertThat(persons(fresh)).isEqualTo(20);
        assertThat(persons(List.of(reused, elsewhere)))
                .as("nothing of the refused ones")
                .isZero();
        assertThat(createLines(earlier)).isEqualTo(20);
        assertThat(createLines(fresh)).isEqualTo(20);
        assertThat(transactionsThatWrote(fresh))
                .as("the new registrations applied together, the replays between them answered apart")
                .isEqualTo(1);
    }

    private static UUID recordId(Map<String, Object> mutation) {
        return UUID.fromString((String) mutation.get("recordId"));
    }

    private static UUID[] recordIds(List<Map<String, Object>> mutations) {
        return mutations.stream().map(SyncReplayTest::recordId).toArray(UUID[]::new);
    }

    private long persons(List<Map<String, Object>> mutations) {
        return jdbc.sql("select count(*) from people.person where id = any(?)")
                .param(recordIds(mutations))
                .query(Long.class)
                .single();
    }

    private long version(UUID person) {
        return jdbc.sql("select version from people.person where id = ?")
                .param(person)
                .query(Long.class)
                .single();
    }

    /** How many transactions inserted these persons, by the start of the inserting transaction. */
    private long transactionsThatWrote(List<Map<String, Object>> mutations) {
        return jdbc.sql("select count(distinct created_at) from people.person where id = any(?)")
                .param(recordIds(mutations))
                .query(Long.class)
                .single();
    }

    private long createLines(List<Map<String, Object>> mutations) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = any(?) and action = 'CREATE'"
                        + " and outcome = ?")
                .params(recordIds(mutations), "SUCCESS device=" + device.id)
                .query(Long.class)
                .single();
    }

    private long linesOfDevice() {
        return jdbc.sql("select count(*) from audit.audit_event where outcome = ?")
                .param("SUCCESS device=" + device.id)
                .query(Long.class)
                .single();
    }

    private long remembered() {
        return jdbc.sql("select count(*) from sync.mutation where device_id = ?")
                .param(device.id)
                .query(Long.class)
                .single();
    }
}
