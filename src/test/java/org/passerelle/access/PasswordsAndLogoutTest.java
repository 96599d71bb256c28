package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Passwords are taken as typed and may be long; logout ends the session for good; guessing is logged. */
@PasserelleTest
class PasswordsAndLogoutTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
    }

    @Test
    void acceptsAVeryLongPassphraseAndVerifiesItExactlyAsTyped() {
        ApiSession user = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(user);
        String passphrase = "Le vent du large souffle sur les dunes de Grande-Synthe, et la mer monte encore ce soir";
        assertThat(passphrase.length()).isGreaterThan(64);

        ApiSession.Response changed = user.put(
                "/api/session/password",
                Map.of("currentPassword", TestOrganisation.PASSWORD, "newPassword", passphrase));

        assertThat(changed.status()).isEqualTo(204);
        assertThat(new ApiSession(port).login(username, passphrase).status()).isEqualTo(200);
        assertThat(new ApiSession(port)
                        .login(username, passphrase.toLowerCase())
                        .status())
                .isEqualTo(401);
        assertThat(new ApiSession(port).login(username, passphrase + " ").status())
                .isEqualTo(401);
        assertThat(new ApiSession(port)
                        .login(username, passphrase.substring(0, 64))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void logoutEndsTheSessionForGood() {
        ApiSession user = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(user.get("/api/session").status()).isEqualTo(200);

        assertThat(user.delete("/api/session").status()).isEqualTo(204);

        assertThat(user.get("/api/session").status()).isEqualTo(401);
        assertThat(user.post("/api/people/search", Map.of("query", "ali")).status())
                .isIn(401, 403);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void logsThrottledGuessing(CapturedOutput output) {
        String unknown = "guess" + UUID.randomUUID().toString().substring(0, 6);
        ApiSession attacker = new ApiSession(port);
        ApiSession.Response last = null;
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            last = attacker.login(unknown, "guess-number-" + i);
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(output.getAll()).contains("Attempts throttled: POST /api/session");
        assertThat(output.getAll()).doesNotContain("guess-number-");
    }
}
