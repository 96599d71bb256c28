package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.support.ApiSession;
import org.passerelle.support.RunningApplication;

class SessionTimeoutTest {

    @TempDir
    Path dataDirectory;

    @Test
    void endsASessionAfterTheAbsoluteTimeoutEvenWhenActive() throws InterruptedException {
        try (RunningApplication app = RunningApplication.start(Map.of(
                "passerelle.database.data-directory",
                dataDirectory.toString(),
                "passerelle.session.absolute-timeout",
                "3s"))) {
            ApiSession admin = app.adminSession();
            assertThat(admin.get("/api/session").status()).isEqualTo(200);
            Thread.sleep(1_500);
            assertThat(admin.get("/api/session").status()).isEqualTo(200);
            Thread.sleep(2_000);
            assertThat(admin.get("/api/session").status()).isEqualTo(401);
        }
    }
}
