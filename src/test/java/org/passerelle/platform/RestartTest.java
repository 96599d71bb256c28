package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.support.ApiSession;
import org.passerelle.support.RunningApplication;

class RestartTest {

    @TempDir
    Path dataDirectory;

    @Test
    void keepsItsDataAcrossARestartAndStopsTheEmbeddedDatabaseCleanly() {
        Map<String, String> properties = Map.of("passerelle.database.data-directory", dataDirectory.toString());
        String personId;
        try (RunningApplication first = RunningApplication.start(properties)) {
            ApiSession admin = first.adminSession();
            String programme = admin.post("/api/programmes", Map.of("code", "RESTART", "name", "Restart"))
                    .text("id");
            String site = admin.post("/api/sites", Map.of("programmeId", programme, "name", "Calais", "kind", "FIXED"))
                    .text("id");
            admin.put("/api/session/site", Map.of("siteId", site));
            personId = admin.post(
                            "/api/people", Map.of("details", Map.of("chosenName", "Hawa Diallo", "sex", "FEMALE")))
                    .text("id");
            assertThat(Files.exists(dataDirectory.resolve("postgres/postmaster.pid")))
                    .isTrue();
        }

        assertThat(Files.exists(dataDirectory.resolve("postgres/postmaster.pid")))
                .as("the embedded database was shut down")
                .isFalse();
        try (RunningApplication second = RunningApplication.start(properties)) {
            ApiSession admin = second.adminSession();
            assertThat(admin.post("/api/people/search", Map.of("query", "diallo"))
                            .body()
                            .path(0)
                            .path("id")
                            .asString())
                    .isEqualTo(personId);
        }
    }
}
