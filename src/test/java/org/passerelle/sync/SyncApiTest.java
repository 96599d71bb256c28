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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class SyncApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SyncGate gate;

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
                Map.of("chosenName", value(name), "sex", value("FEMALE"), "languages", value(List.of("ti"))));
    }

    private long persons(UUID id) {
        return jdbc.sql("select count(*) from people.person where id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    private long auditLines(UUID recordId) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = ?")
                .param(recordId)
                .query(Long.class)
                .single();
    }

    private JsonNode person(UUID id) {
        ApiSession.Response read = clinician.get("/api/people/" + id);
        assertThat(read.status()).isEqualTo(200);
        return read.body();
    }

    @Test
    void appliesABatchSentThreeTimesOnce() {
        UUID id = UUID.randomUUID();
        List<Map<String, Object>> batch = List.of(
                registration(id, "Selam Tesfay"),
                mutation(
                        "person",
                        id,
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("phone", change(null, "+33 6 11 22 33 44"))));

        ApiSession.Response first = device.push(batch);
        long linesAfterFirst = auditLines(id);
        ApiSession.Response second = device.push(batch);
        ApiSession.Response third = device.push(batch);
        long linesAfterReplays = auditLines(id);

        assertThat(first.status()).as(first.body().toString()).isEqualTo(200);
        assertThat(first.body().path("results").get(0).path("outcome").asString())
                .isEqualTo("APPLIED");
        assertThat(first.body().path("results").get(1).path("outcome").asString())
                .isEqualTo("APPLIED");
        assertThat(first.body().path("results").get(1).path("version").asLong()).isEqualTo(1);
        for (ApiSession.Response again : List.of(second, third)) {
            assertThat(again.status()).isEqualTo(200);
            for (JsonNode result : again.body().path("results")) {
                assertThat(result.path("replayed").asBoolean()).isTrue();
                assertThat(result.path("outcome").asString()).isEqualTo("APPLIED");
            }
        }
        assertThat(persons(id)).isEqualTo(1);
        assertThat(person(id).path("version").asLong()).isEqualTo(1);
        assertThat(person(id).path("phone").asString()).isEqualTo("+33 6 11 22 33 44");
        assertThat(linesAfterReplays).as("the replays wrote nothing").isEqualTo(linesAfterFirst);
        assertThat(jdbc.sql("select action from audit.audit_event where record_id = ? and outcome = ? order by id")
                        .params(id, "SUCCESS device=" + device.id)
                        .query(String.class)
                        .list())
                .as("one line per record pushed, naming the device")
                .containsExactly("CREATE", "UPDATE");
    }

    @Test
    void rejectsAMutationIdReusedForAnotherChange() {
        UUID id = UUID.randomUUID();
        Map<String, Object> first = registration(id, "Rahel Kidane");
        assertThat(device.push(List.of(first))
                        .body()
                        .path("results")
                        .get(0)
                        .path("outcome")
                        .asString())
                .isEqualTo("APPLIED");
        Map<String, Object> other = new HashMap<>(registration(UUID.randomUUID(), "Rahel Kidane"));
        other.put("mutationId", first.get("mutationId"));

        JsonNode result = device.push(List.of(other)).body().path("results").get(0);

        assertThat(result.path("outcome").asString()).isEqualTo("REJECTED");
        assertThat(result.path("problem").path("code").asString()).isEqualTo("sync-mutation-reused");
        assertThat(persons(UUID.fromString((String) other.get("recordId")))).isZero();
    }

    @Test
    void keepsBothValuesWhenTwoDevicesChangeTheSameFieldAndMergesTheOthers() {
        UUID id = UUID.randomUUID();
        assertThat(device.push(List.of(registration(id, "Hiwet Berhane"))).status())
                .isEqualTo(200);
        Device other = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);

        JsonNode firstResult = device.push(List.of(mutation(
                        "person",
                        id,
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("phone", change(null, "+33 6 00 00 00 01")))))
                .body()
                .path("results")
                .get(0);
        JsonNode secondResult = other.push(List.of(mutation(
                        "person",
                        id,
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of(
                                "phone", change(null, "+33 6 00 00 00 02"),
                                "countryOfOrigin", change(null, "ER")))))
                .body()
                .path("results")
                .get(0);

        assertThat(firstResult.path("outcome").asString()).isEqualTo("APPLIED");
        assertThat(secondResult.path("outcome").asString())
                .as(secondResult.toString())
                .isEqualTo("CONFLICT");
        assertThat(secondResult.path("conflicts").get(0).path("field").asString())
                .isEqualTo("phone");
        JsonNode merged = person(id);
        assertThat(merged.path("phone").asString())
                .as("the server's value stays")
                .isEqualTo("+33 6 00 00 00 01");
        assertThat(merged.path("countryOfOrigin").asString())
                .as("the other field merged")
                .isEqualTo("ER");

        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        ApiSession.Response listed = dataOfficer.get("/api/sync/conflicts");
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        JsonNode conflict = find(
                listed.body(),
                secondResult.path("conflicts").get(0).path("conflictId").asString());
        assertThat(conflict.path("server").asString()).isEqualTo("+33 6 00 00 00 01");
        assertThat(conflict.path("device").asString()).isEqualTo("+33 6 00 00 00 02");
        assertThat(conflict.path("deviceId").asString()).isEqualTo(other.id.toString());

        ApiSession.Response resolved = dataOfficer.post(
                "/api/sync/conflicts/" + conflict.path("id").asString() + "/resolution", Map.of("keep", "DEVICE"));
        ApiSession.Response again = dataOfficer.post(
                "/api/sync/conflicts/" + conflict.path("id").asString() + "/resolution", Map.of("keep", "SERVER"));

        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
        assertThat(resolved.text("kept")).isEqualTo("DEVICE");
        assertThat(person(id).path("phone").asString()).isEqualTo("+33 6 00 00 00 02");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo("sync-conflict-resolved");
        assertThat(clinician.get("/api/sync/conflicts").status())
                .as("data officers only")
                .isEqualTo(403);
    }

    private static JsonNode find(JsonNode conflicts, String id) {
        for (JsonNode conflict : conflicts) {
            if (conflict.path("id").asString().equals(id)) {
                return conflict;
            }
        }
        throw new AssertionError("conflict " + id + " not listed in " + conflicts);
    }

    @Test
    void rejectsEachBadMutationOnItsOwnAndAppliesTheOthers() {
        UUID elsewhere = UUID.randomUUID();
        UUID here = UUID.randomUUID();
        Map<String, Object> forbiddenSite = new HashMap<>(registration(elsewhere, "Mebrat Haile"));
        forbiddenSite.put("siteId", organisation.siteB);
        Map<String, Object> malformed = new HashMap<>(registration(UUID.randomUUID(), "Mebrat Haile"));
        malformed.remove("deviceTime");
        Map<String, Object> unknownRecord = mutation(
                "person", UUID.randomUUID(), "UPDATE", 0L, organisation.siteA, Map.of("phone", change(null, "+33 1")));
        Map<String, Object> unknownField =
                mutation("person", here, "UPDATE", 0L, organisation.siteA, Map.of("patientCode", change(null, "AAAA")));

        Map<String, Object> baseAhead =
                mutation("person", here, "UPDATE", 7L, organisation.siteA, Map.of("phone", change(null, "+33 2")));

        ApiSession.Response pushed = device.push(List.of(
                forbiddenSite, registration(here, "Mebrat Haile"), malformed, unknownRecord, unknownField, baseAhead));

        assertThat(pushed.status()).isEqualTo(200);
        List<String> outcomes = new ArrayList<>();
        pushed.body()
                .path("results")
                .forEach(result -> outcomes.add(result.path("outcome").asString() + " "
                        + result.path("problem").path("code").asString("")));
        assertThat(outcomes)
                .containsExactly(
                        "REJECTED sync-site-not-allowed",
                        "APPLIED ",
                        "REJECTED sync-malformed-mutation",
                        "REJECTED sync-unknown-record",
                        "REJECTED sync-unknown-field",
                        "REJECTED sync-base-version-ahead");
        assertThat(pushed.body()
                        .path("results")
                        .get(0)
                        .path("problem")
                        .path("detail")
                        .asString())
                .contains("Nothing of this change was saved");
        assertThat(persons(elsewhere)).isZero();
        assertThat(persons(here)).isEqualTo(1);
    }

    @Test
    void pullsPageByPageAndResumesFromTheCursorKeptAfterACut() {
        List<String> registered = new ArrayList<>();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID id = UUID.randomUUID();
            registered.add(id.toString());
            batch.add(registration(id, "Person " + i));
        }
        ApiSession outside = organisation.userAt(organisation.siteB, "CLINICIAN");
        String elsewhere =
                TestOrganisation.register(outside, "Outside Scope").path("id").asString();
        Device.Pulled before = device.pullAll(null, 1000);
        assertThat(device.push(batch).status()).isEqualTo(200);

        ApiSession.Response firstPage = device.pull(before.cursor(), 2);
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("more").asBoolean()).isTrue();
        String cutAt = firstPage.text("cursor");
        Device.Pulled rest = device.pullAll(cutAt, 2);
        Device.Pulled restAgain = device.pullAll(cutAt, 2);

        List<String> pulled = new ArrayList<>();
        firstPage
                .body()
                .path("changes")
                .forEach(change -> pulled.add(change.path("recordId").asString()));
        pulled.addAll(rest.idsOf("person"));
        assertThat(pulled).containsExactlyElementsOf(registered);
        assertThat(restAgain.idsOf("person"))
                .as("resuming from the same cursor")
                .isEqualTo(rest.idsOf("person"));
        assertThat(before.idsOf("person")).doesNotContain(elsewhere);
        assertThat(device.pullAll(rest.cursor(), 100).idsOf("person")).isEmpty();
        JsonNode record = rest.changes().getLast().path("record");
        assertThat(record.path("chosenName").asString()).isEqualTo("Person 4");
        assertThat(record.path("patientCode").asString()).hasSize(8);
        assertThat(readLines(registered.getFirst()))
                .as("one audit line per record pulled, naming the device")
                .isEqualTo(1);
        assertThat(readLines(registered.getLast()))
                .as("pulled twice from the same cursor")
                .isEqualTo(2);
        assertThat(device.pullAsSent(before.cursor(), 2).headers().firstValue("Server-Timing"))
                .as("the server's time for the page, apart from the transfer")
                .hasValueSatisfying(timing -> assertThat(timing).matches("pull;dur=\\d+"));
    }

    private long readLines(String recordId) {
        return jdbc.sql(
                        "select count(*) from audit.audit_event where record_id = ? and action = 'READ' and outcome = ?")
                .params(UUID.fromString(recordId), "SUCCESS device=" + device.id)
                .query(Long.class)
                .single();
    }

    @Test
    void tellsDevicesThatAPersonWasErased() {
        UUID id = UUID.randomUUID();
        assertThat(device.push(List.of(registration(id, "Erased Soon"))).status())
                .isEqualTo(200);
        Device.Pulled held = device.pullAll(null, 1000);
        assertThat(held.idsOf("person")).contains(id.toString());
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());

        ApiSession.Response erased =
                dataOfficer.post("/api/people/" + id + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        Device.Pulled after = device.pullAll(held.cursor(), 1000);

        assertThat(erased.status()).isEqualTo(204);
        assertThat(after.changes()).anySatisfy(change -> {
            assertThat(change.path("recordId").asString()).isEqualTo(id.toString());
            assertThat(change.path("change").asString()).isEqualTo("ERASED");
            assertThat(change.path("record").isNull() || change.path("record").isMissingNode())
                    .isTrue();
        });
    }

    @Test
    void sendsLikelyDuplicatesOfARegistrationMadeOfflineToTheReviewQueueMarkedWithTheDevice() {
        String family = "Zerihun"
                + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 4);
        String existing = TestOrganisation.registerBorn(clinician, "Abdelkader " + family, "1990-03-02");
        UUID offline = UUID.randomUUID();

        JsonNode result = device.push(List.of(mutation(
                        "person",
                        offline,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "chosenName", value("Abdelkader " + family),
                                "sex", value("MALE"),
                                "birthDate", value(Map.of("precision", "EXACT", "date", "1990-03-02"))))))
                .body()
                .path("results")
                .get(0);

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("APPLIED");
        assertThat(persons(offline)).as("the registration stands").isEqualTo(1);
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        ApiSession.Response queue = dataOfficer.get("/api/duplicates?limit=100");
        assertThat(queue.status()).as(queue.body().toString()).isEqualTo(200);
        JsonNode pair = null;
        for (JsonNode candidate : queue.body().path("candidates")) {
            List<String> ids = List.of(
                    candidate.path("first").path("id").asString(),
                    candidate.path("second").path("id").asString());
            if (ids.contains(existing) && ids.contains(offline.toString())) {
                pair = candidate;
            }
        }
        assertThat(pair).as(queue.body().toString()).isNotNull();
        assertThat(pair.path("registeredOffline").path("deviceId").asString()).isEqualTo(device.id.toString());
        assertThat(pair.path("reasons")).isNotEmpty();
    }

    @Test
    void refusesADeviceThatIsNotEnrolledForTheUserOrWasRevokedAndAppliesNothing() {
        UUID id = UUID.randomUUID();
        Device colleagues = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        Device unknown = Device.claiming(clinician, port, UUID.randomUUID());
        Device borrowed = Device.claiming(clinician, port, colleagues.id);
        Device revoked = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        revoked.revoke();

        List<ApiSession.Response> refused = List.of(
                unknown.push(List.of(registration(id, "Never Saved"))),
                borrowed.push(List.of(registration(id, "Never Saved"))),
                revoked.push(List.of(registration(id, "Never Saved"))),
                unknown.pull(null, 10),
                borrowed.pull(null, 10),
                revoked.pull(null, 10));
        ApiSession.Response unnamed =
                clinician.post("/api/sync/push", Map.of("mutations", List.of(registration(id, "Never Saved"))));

        for (ApiSession.Response response : refused) {
            assertThat(response.status()).as(response.body().toString()).isEqualTo(403);
            assertThat(response.text("code")).isEqualTo("device-revoked");
        }
        assertThat(unnamed.status()).as(unnamed.body().toString()).isEqualTo(400);
        assertThat(unnamed.text("code")).isEqualTo("sync-device-required");
        assertThat(persons(id)).isZero();
        assertThat(colleagues.pull(null, 10).status())
                .as("the owner's device still syncs")
                .isEqualTo(200);
    }

    @Test
    void answersBusyWithRetryAfterWhileEveryPlaceIsTakenAndServesTheSameRequestAfterwards() throws Exception {
        CountDownLatch inside = new CountDownLatch(gate.size());
        CountDownLatch release = new CountDownLatch(1);
        java.net.http.HttpResponse<String> busy;
        try (ExecutorService holders = Executors.newFixedThreadPool(gate.size())) {
            for (int i = 0; i < gate.size(); i++) {
                holders.submit(() -> gate.through(() -> {
                    inside.countDown();
                    try {
                        return release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }));
            }
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            busy = device.pullAsSent(null, 10);
            release.countDown();
        }

        assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
        assertThat(busy.headers().firstValue("Retry-After")).contains("2");
        assertThat(ApiSession.json().readTree(busy.body()).path("code").asString())
                .isEqualTo("sync-busy");
        assertThat(device.pull(null, 10).status()).isEqualTo(200);
    }

    @Test
    void refusesTheEndpointsToRolesThatDoNotCareForPeople() {
        Device logistician = new Device(organisation.userAt(organisation.siteA, "LOGISTICIAN"), port);

        assertThat(logistician.pull(null, 10).status()).isEqualTo(403);
        assertThat(logistician
                        .push(List.of(registration(UUID.randomUUID(), "Nobody")))
                        .status())
                .isEqualTo(403);
        assertThat(device.pull("not-a-cursor", 10).status()).isEqualTo(400);
    }
}
