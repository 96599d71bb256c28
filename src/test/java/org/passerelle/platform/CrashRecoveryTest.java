package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.PasserelleApplication;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.RunningApplication;

/**
 * Passerelle killed with kill -9, and its embedded PostgreSQL killed under it: the next start
 * succeeds at once, no acknowledged write is lost, and readiness says DOWN while the database is
 * unreachable, then UP again.
 */
class CrashRecoveryTest {

    private static final Duration STARTUP = Duration.ofMinutes(5);

    @TempDir
    Path dataDirectory;

    @Test
    void startsAtOnceAfterTheApplicationWasKilledAndKeepsWhatItAcknowledged() throws Exception {
        int port = freePort();
        Process child = startChild(port);
        String personId;
        long orphan;
        try {
            waitForStatus(port, status -> status == 200, STARTUP);
            ApiSession admin = new ApiSession(port);
            admin.loginWithSecondFactor("admin", PasserelleTest.ADMIN_PASSWORD);
            personId = createPerson(admin, "Aminata Kone");
            orphan = postmasterPid().orElseThrow();
        } finally {
            child.destroyForcibly();
            child.waitFor(1, TimeUnit.MINUTES);
        }
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive))
                .as("the embedded PostgreSQL outlived the killed application")
                .isPresent();

        Instant start = Instant.now();
        try (RunningApplication second = RunningApplication.start(properties())) {
            Duration took = Duration.between(start, Instant.now());
            System.out.printf("Started after kill -9 of the application in %d s%n", took.toSeconds());
            assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).isEmpty();
            assertThat(second.adminSession()
                            .post("/api/people/search", Map.of("query", "kone"))
                            .body()
                            .path(0)
                            .path("id")
                            .asString())
                    .isEqualTo(personId);
        }
    }

    @Test
    void readinessIsDownWhileThePostmasterIsDeadThenTheDatabaseComesBack() throws Exception {
        try (RunningApplication app = RunningApplication.start(properties())) {
            ApiSession admin = app.adminSession();
            String personId = createPerson(admin, "Ibrahim Sow");
            assertThat(readiness(app.port())).isEqualTo(200);

            ProcessHandle.of(postmasterPid().orElseThrow()).orElseThrow().destroyForcibly();

            waitForStatus(app.port(), status -> status == 503, Duration.ofMinutes(1));
            waitForStatus(app.port(), status -> status == 200, Duration.ofMinutes(2));
            ApiSession again = app.adminSession();
            assertThat(again.post("/api/people/search", Map.of("query", "ibrahim"))
                            .body()
                            .path(0)
                            .path("id")
                            .asString())
                    .isEqualTo(personId);
        }
    }

    private Map<String, String> properties() {
        return Map.of("passerelle.database.data-directory", dataDirectory.toString());
    }

    private Process startChild(int port) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                PasserelleApplication.class.getName(),
                "--server.port=" + port,
                "--logging.structured.format.console=",
                "--passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
                "--passerelle.database.data-directory=" + dataDirectory));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(dataDirectory.resolve("child.log").toFile())
                .start();
    }

    private static String createPerson(ApiSession admin, String name) {
        String programme = admin.post(
                        "/api/programmes", Map.of("code", "CRASH" + (System.nanoTime() % 1000), "name", "Crash"))
                .text("id");
        String site = admin.post("/api/sites", Map.of("programmeId", programme, "name", "Lyon", "kind", "FIXED"))
                .text("id");
        admin.put("/api/session/site", Map.of("siteId", site));
        return admin.post("/api/people", Map.of("details", Map.of("chosenName", name, "sex", "FEMALE")))
                .text("id");
    }

    private Optional<Long> postmasterPid() throws IOException {
        Path pidFile = dataDirectory.resolve("postgres/postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.US_ASCII)
                .getFirst()
                .strip()));
    }

    /** Polls readiness (a process outside the test's clock) until the status matches, or fails after {@code limit}. */
    private static void waitForStatus(int port, IntPredicate expected, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = readiness(port);
            if (expected.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("readiness still answered " + last + " after " + limit);
    }

    private static int readiness(int port) throws InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(20))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException notListening) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
