package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.RunningApplication;
import org.passerelle.support.TotpCodes;

class SessionTimeoutTest {

    @TempDir
    Path dataDirectory;

    @Test
    void endsASessionAfterTheAbsoluteTimeoutEvenWhenActive() {
        try (RunningApplication app = RunningApplication.start(Map.of(
                "passerelle.database.data-directory",
                dataDirectory.toString(),
                "passerelle.session.absolute-timeout",
                "10m"))) {
            ApiSession admin = app.adminSession();
            assertThat(admin.get("/api/session").status()).isEqualTo(200);
            MovableClock.advance(Duration.ofMinutes(6));
            assertThat(admin.get("/api/session").status()).isEqualTo(200);
            MovableClock.advance(Duration.ofMinutes(5));
            assertThat(admin.get("/api/session").status()).isEqualTo(401);
        }
    }

    @Test
    void asksForTheIdentityAgainOnceTheWindowHasPassed() {
        try (RunningApplication app = RunningApplication.start(Map.of(
                "passerelle.database.data-directory",
                dataDirectory.toString(),
                "passerelle.session.reauthentication-window",
                "2m"))) {
            ApiSession admin = app.adminSession();
            String userId =
                    admin.get("/api/session").body().path("user").path("id").asString();
            String secret = TotpCodes.secretOf(userId).orElseThrow();
            MovableClock.advance(Duration.ofMinutes(3));

            ApiSession.Response staleLogin = admin.post("/api/session/second-factor/enrolment", Map.of());
            assertThat(staleLogin.status()).isEqualTo(403);
            assertThat(staleLogin.text("code")).isEqualTo("reauthentication-required");

            ApiSession.Response confirmed = admin.post(
                    "/api/session/reauthentication",
                    Map.of("password", PasserelleTest.ADMIN_PASSWORD, "code", TotpCodes.fresh(secret)));
            assertThat(confirmed.status()).isEqualTo(204);
            assertThat(admin.post("/api/session/second-factor/enrolment", Map.of())
                            .text("code"))
                    .isNotEqualTo("reauthentication-required");

            MovableClock.advance(Duration.ofMinutes(3));
            assertThat(admin.post("/api/session/second-factor/enrolment", Map.of())
                            .text("code"))
                    .isEqualTo("reauthentication-required");
        }
    }
}
