package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.PasserelleApplication;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.RunningApplication;
import org.passerelle.support.TestOrganisation;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The server killed with kill -9 while a device pushes and another pulls, then started again:
 * every mutation it acknowledged is there exactly once, the cut batch sent again applies the rest,
 * sending it twice more changes nothing, and the pull resumes from the cursor the device kept.
 */
class SyncCrashTest {

    private static final Duration STARTUP = Duration.ofMinutes(5);

    @TempDir
    Path dataDirectory;

    @Test
    void keepsEveryAcknowledgedMutationOnceAfterAKillDuringAPushAndAPullAndReplaysChangeNothing() throws Exception {
        int port = freePort();
        Process child = startChild(port);
        List<List<Map<String, Object>>> acknowledged = new ArrayList<>();
        List<Map<String, Object>> cut;
        String username;
        UUID deviceId;
        String pullCursor;
        try {
            waitForReadiness(port);
            // the server runs on the machine's clock, not the tests' movable one: its administrator's
            // second factor is enrolled with a code of the real time
            MovableClock.runAt(Instant.now(), () -> TestOrganisation.administrator(port));
            TestOrganisation organisation = new TestOrganisation(port);
            ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
            username = organisation.username(clinician);
            Device device = new Device(clinician, port);
            deviceId = device.id;
            Device reader = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
            pullCursor = reader.pullAll(null, 1000).cursor();
            for (int i = 0; i < 2; i++) {
                List<Map<String, Object>> batch = registrations(organisation.siteA, 20);
                ApiSession.Response answer = device.push(batch);
                assertThat(answer.status()).isEqualTo(200);
                answer.body()
                        .path("results")
                        .forEach(result ->
                                assertThat(result.path("outcome").asString()).isEqualTo("APPLIED"));
                acknowledged.add(batch);
            }
            pullCursor = reader.pullAll(pullCursor, 1000).cursor();
            cut = registrations(organisation.siteA, 400);
            CompletableFuture<ApiSession.Response> cutPush = CompletableFuture.supplyAsync(() -> device.push(cut));
            Set<String> cutIds = ids(List.of(cut));
            String watched = pullCursor;
            while (!cutPush.isDone()) {
                Device.Pulled seen = reader.pullAll(watched, 1000);
                if (seen.idsOf("person").stream().anyMatch(cutIds::contains)) {
                    break;
                }
            }
            CompletableFuture<ApiSession.Response> cutPull =
                    CompletableFuture.supplyAsync(() -> reader.pull(null, 1000));
            assertThat(cutPush.isDone())
                    .as("the push is still being applied when the server is killed")
                    .isFalse();
            child.destroyForcibly();
            assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(cutPush.handle((answer, failure) -> failure != null).get(1, TimeUnit.MINUTES))
                    .as("the cut push was never answered")
                    .isTrue();
            cutPull.handle((answer, failure) -> answer).get(1, TimeUnit.MINUTES);
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }

        try (RunningApplication again =
                RunningApplication.start(Map.of("passerelle.database.data-directory", dataDirectory.toString()))) {
            JdbcClient jdbc = again.bean(JdbcClient.class);
            ApiSession clinician = new ApiSession(again.port());
            assertThat(clinician.login(username, TestOrganisation.PASSWORD).status())
                    .isEqualTo(200);
            Device device = Device.claiming(clinician, again.port(), deviceId);
            Set<String> acknowledgedIds = ids(acknowledged);
            assertThat(persons(jdbc, acknowledgedIds))
                    .as("every acknowledged registration, once")
                    .isEqualTo(40);

            List<List<Map<String, Object>>> everything = new ArrayList<>(acknowledged);
            everything.add(cut);
            List<JsonNode> firstReplay = replay(device, everything);
            long mutationsAfterFirst = mutations(jdbc);
            long auditAfterFirst = auditLines(jdbc, ids(everything));
            List<JsonNode> secondReplay = replay(device, everything);
            List<JsonNode> thirdReplay = replay(device, everything);

            assertThat(firstReplay)
                    .allSatisfy(result -> assertThat(result.path("outcome").asString())
                            .as(result.toString())
                            .isEqualTo("APPLIED"));
            assertThat(firstReplay.subList(0, 40))
                    .allSatisfy(result ->
                            assertThat(result.path("replayed").asBoolean()).isTrue());
            for (List<JsonNode> replayed : List.of(secondReplay, thirdReplay)) {
                assertThat(replayed).hasSize(440).allSatisfy(result -> {
                    assertThat(result.path("outcome").asString()).isEqualTo("APPLIED");
                    assertThat(result.path("replayed").asBoolean()).isTrue();
                });
            }
            assertThat(persons(jdbc, ids(everything)))
                    .as("every registration once")
                    .isEqualTo(440);
            assertThat(mutations(jdbc)).isEqualTo(mutationsAfterFirst);
            assertThat(auditLines(jdbc, ids(everything)))
                    .as("the replays wrote nothing")
                    .isEqualTo(auditAfterFirst);

            Device reader = Device.claiming(clinician, again.port(), deviceId);
            Device.Pulled resumed = reader.pullAll(pullCursor, 1000);
            assertThat(resumed.idsOf("person")).containsAll(ids(List.of(cut)));
            assertThat(new HashSet<>(resumed.idsOf("person")))
                    .hasSize(resumed.idsOf("person").size());
        }
    }

    private static List<Map<String, Object>> registrations(String site, int count) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            batch.add(mutation(
                    "person",
                    UUID.randomUUID(),
                    "CREATE",
                    null,
                    site,
                    Map.of("chosenName", value("Crash Person " + i), "sex", value(i % 2 == 0 ? "MALE" : "FEMALE"))));
        }
        return batch;
    }

    private static Set<String> ids(List<List<Map<String, Object>>> batches) {
        Set<String> ids = new HashSet<>();
        batches.forEach(batch -> batch.forEach(mutation -> ids.add((String) mutation.get("recordId"))));
        return ids;
    }

    private static List<JsonNode> replay(Device device, List<List<Map<String, Object>>> batches) {
        List<JsonNode> results = new ArrayList<>();
        for (List<Map<String, Object>> batch : batches) {
            ApiSession.Response answer = device.push(batch);
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
            answer.body().path("results").forEach(results::add);
        }
        return results;
    }

    private static long persons(JdbcClient jdbc, Set<String> ids) {
        return jdbc.sql("select count(*) from people.person where id = any(?)")
                .param(ids.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private static long mutations(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from sync.mutation").query(Long.class).single();
    }

    private static long auditLines(JdbcClient jdbc, Set<String> recordIds) {
        return jdbc.sql("select count(*) from audit.audit_event where record_id = any(?)")
                .param(recordIds.stream().map(UUID::fromString).toArray(UUID[]::new))
                .query(Long.class)
                .single();
    }

    private Process startChild(int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PasserelleApplication.class.getName(),
                "--server.port=" + port,
                "--logging.structured.format.console=",
                "--passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
                "--passerelle.database.data-directory=" + dataDirectory);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("child.log").toFile())
                .start();
    }

    /** Polls readiness (a process outside the test's clock) until it answers 200. */
    private static void waitForReadiness(int port) throws InterruptedException {
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            try (HttpClient client = HttpClient.newHttpClient()) {
                int status = client.send(
                                HttpRequest.newBuilder(
                                                URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                        .timeout(Duration.ofSeconds(20))
                                        .build(),
                                HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    return;
                }
            } catch (IOException notListening) {
                // not started yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the server was not ready after " + STARTUP);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
