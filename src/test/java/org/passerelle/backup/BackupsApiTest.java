package org.passerelle.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A backup asked for from the administration screen: the request answers at once and the backup is
 * made in the background, a second request meanwhile is refused and changes nothing, and a backup
 * that fails is shown with a code saying why until one succeeds.
 */
@PasserelleTest
class BackupsApiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    @Autowired
    Backups backups;

    @Autowired
    BackupSettings settings;

    ApiSession administrator;

    @BeforeEach
    void setUp() {
        TestOrganisation organisation = new TestOrganisation(port);
        administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
        administrator.confirmIdentity();
    }

    @Test
    void backUpNowAnswersAtOnceAndTheBackupAppearsWhenItIsDone() {
        int before = administrator.get("/api/backups").body().path("backups").size();

        ApiSession.Response started = administrator.post("/api/backups", Map.of());

        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        assertThat(started.body().path("running").path("madeBy").asString()).isEqualTo("ADMINISTRATOR");
        JsonNode done = awaitIdle();
        assertThat(done.path("backups").size()).isEqualTo(before + 1);
        assertThat(done.path("last").path("madeBy").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(done.path("last").path("restorable").asBoolean()).isTrue();
        assertThat(done.path("lastFailure").isObject()).isFalse();
    }

    @Test
    void aCoordinatorSeesWhetherTheDataIsBackedUpWithoutTheAdministrationDetails() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        assertThat(administrator.post("/api/backups", Map.of()).status()).isEqualTo(202);
        JsonNode done = awaitIdle();

        ApiSession.Response status = coordinator.get("/api/backups/status");

        assertThat(status.status()).as(status.body().toString()).isEqualTo(200);
        assertThat(status.text("lastAt"))
                .isEqualTo(done.path("last").path("createdAt").asString());
        assertThat(status.body().path("sizeBytes").asLong())
                .isEqualTo(done.path("last").path("sizeBytes").asLong());
        assertThat(status.body().path("verified").asBoolean()).isTrue();
        assertThat(status.body().has("directory")).isFalse();
        assertThat(coordinator.get("/api/backups").status()).isEqualTo(403);
    }

    @Test
    void aSecondBackupWhileOneIsMadeIsRefusedAndChangesNothing() {
        int before = administrator.get("/api/backups").body().path("backups").size();
        backups.lock.lock();
        try {
            ApiSession.Response refused = administrator.post("/api/backups", Map.of());

            assertThat(refused.status()).as(refused.body().toString()).isEqualTo(409);
            assertThat(refused.body().path("code").asString()).isEqualTo(BackupProblems.IN_PROGRESS);
            assertThat(refused.body().path("detail").asString()).contains("already");
        } finally {
            backups.lock.unlock();
        }
        assertThat(administrator.get("/api/backups").body().path("backups").size())
                .isEqualTo(before);
    }

    @Test
    void aFailedBackupIsShownWithWhyUntilOneSucceeds() throws IOException {
        Path directory = settings.directory().toAbsolutePath().normalize();
        Path aside = directory.resolveSibling(directory.getFileName() + "-aside");
        boolean existed = Files.exists(directory);
        if (existed) {
            Files.move(directory, aside);
        }
        Files.createDirectories(directory.getParent());
        Files.writeString(directory, "not a directory");
        try {
            assertThat(administrator.post("/api/backups", Map.of()).status()).isEqualTo(202);
            JsonNode failed = awaitIdle();
            assertThat(failed.path("lastFailure").path("code").asString()).isEqualTo(BackupProblems.WRITE_FAILED);
            assertThat(failed.path("lastFailure").path("madeBy").asString()).isEqualTo("ADMINISTRATOR");
        } finally {
            Files.delete(directory);
            if (existed) {
                Files.move(aside, directory);
            }
        }

        assertThat(administrator.post("/api/backups", Map.of()).status()).isEqualTo(202);
        JsonNode succeeded = awaitIdle();
        assertThat(succeeded.path("lastFailure").isObject()).isFalse();
    }

    /** Reads the overview until no backup is running (the background backup takes a few seconds). */
    private JsonNode awaitIdle() {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (true) {
            ApiSession.Response overview = administrator.get("/api/backups");
            assertThat(overview.status()).isEqualTo(200);
            if (!overview.body().path("running").isObject()) {
                return overview.body();
            }
            assertThat(Instant.now())
                    .as("the backup is still running after %s", PATIENCE)
                    .isBefore(deadline);
            Thread.onSpinWait();
        }
    }
}
