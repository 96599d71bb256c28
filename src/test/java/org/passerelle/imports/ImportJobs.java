package org.passerelle.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import org.passerelle.support.ApiSession;
import tools.jackson.databind.JsonNode;

/** Waits for an import job running in the background to end, reading its status as the web client does. */
final class ImportJobs {

    private ImportJobs() {}

    static JsonNode awaitEnd(ApiSession session, String importId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (true) {
            ApiSession.Response status = session.get("/api/imports/" + importId);
            assertThat(status.status()).as(status.body().toString()).isEqualTo(200);
            if (!status.text("status").equals("RUNNING")) {
                return status.body();
            }
            assertThat(Instant.now()).as("import still running").isBefore(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }
}
