package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class SecondFactorApiTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
    }

    @Test
    void letsAnAdministratorWithoutSecondFactorDoNothingButEnrol() {
        ApiSession admin = newUser("ADMINISTRATOR");

        JsonNode view = admin.get("/api/session").body();
        ApiSession.Response users = admin.get("/api/users");
        ApiSession.Response password = admin.put(
                "/api/session/password",
                Map.of("currentPassword", TestOrganisation.PASSWORD, "newPassword", "lanterns over the harbour"));
        ApiSession.Response started = admin.post("/api/session/second-factor/enrolment", Map.of());

        assertThat(view.path("secondFactor").path("required").asBoolean()).isTrue();
        assertThat(view.path("secondFactor").path("enrolled").asBoolean()).isFalse();
        assertThat(users.status()).isEqualTo(403);
        assertThat(users.text("code")).isEqualTo("second-factor-enrolment-required");
        assertThat(password.status()).isEqualTo(403);
        assertThat(started.status()).isEqualTo(200);
        assertThat(started.text("secret")).matches("[A-Z2-7]{32}");
        assertThat(started.text("uri"))
                .startsWith("otpauth://totp/")
                .contains(":" + organisation.username(admin) + "?secret=" + started.text("secret"))
                .contains("issuer=Passerelle");

        ApiSession.Response wrong =
                admin.put("/api/session/second-factor/enrolment", Map.of("code", wrongCode(started.text("secret"))));
        ApiSession.Response confirmed = admin.put(
                "/api/session/second-factor/enrolment", Map.of("code", TotpCodes.fresh(started.text("secret"))));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text("code")).isEqualTo("invalid-code");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.body().path("recoveryCodes")).hasSize(10);
        assertThat(admin.get("/api/users").status()).isEqualTo(200);
        assertThat(admin.get("/api/session")
                        .body()
                        .path("secondFactor")
                        .path("enrolled")
                        .asBoolean())
                .isTrue();
        assertThat(admin.post("/api/session/second-factor/enrolment", Map.of()).text("code"))
                .isEqualTo("second-factor-already-enrolled");
    }

    @Test
    void asksAnEnrolledUserForACodeBeforeAnythingElse() {
        ApiSession first = newUser("CLINICIAN");
        String username = organisation.username(first);
        String secret = enrol(first);
        ApiSession phone = new ApiSession(port);

        ApiSession.Response login = phone.login(username, TestOrganisation.PASSWORD);
        String pendingId = phone.cookie("PASSERELLE_SESSION").orElseThrow();
        ApiSession.Response search = phone.post("/api/people/search", Map.of("query", "Amina"));
        ApiSession.Response sites = phone.get("/api/sites");
        ApiSession.Response pending = phone.get("/api/session");
        String code = TotpCodes.fresh(secret);
        ApiSession.Response verified = phone.post("/api/session/second-factor", Map.of("code", code));

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body().path("secondFactorRequired").asBoolean()).isTrue();
        assertThat(login.body().path("sites")).isEmpty();
        assertThat(search.status()).isEqualTo(403);
        assertThat(search.text("code")).isEqualTo("second-factor-required");
        assertThat(sites.status()).isEqualTo(403);
        assertThat(pending.body().path("secondFactorRequired").asBoolean()).isTrue();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.body().path("secondFactorRequired").asBoolean()).isFalse();
        assertThat(verified.body().path("currentSite").path("id").asString()).isEqualTo(organisation.siteA);
        assertThat(phone.cookie("PASSERELLE_SESSION")).isPresent().get().isNotEqualTo(pendingId);
        assertThat(phone.get("/api/sites").status()).isEqualTo(200);

        ApiSession replay = new ApiSession(port);
        replay.login(username, TestOrganisation.PASSWORD);
        ApiSession.Response reused = replay.post("/api/session/second-factor", Map.of("code", code));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text("code")).isEqualTo("invalid-code");
    }

    @Test
    void refusesWrongCodesAndThrottlesThemLikeWrongPasswords() {
        ApiSession first = newUser("CLINICIAN");
        String username = organisation.username(first);
        String secret = enrol(first);
        ApiSession attacker = new ApiSession(port);
        attacker.login(username, TestOrganisation.PASSWORD);

        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            ApiSession.Response wrong = attacker.post("/api/session/second-factor", Map.of("code", wrongCode(secret)));
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.text("code")).isEqualTo("invalid-code");
        }
        ApiSession.Response throttled =
                attacker.post("/api/session/second-factor", Map.of("code", TotpCodes.fresh(secret)));
        ApiSession.Response passwordAgain = new ApiSession(port).login(username, TestOrganisation.PASSWORD);

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("code")).isEqualTo("too-many-attempts");
        assertThat(passwordAgain.status()).isEqualTo(429);
        assertThat(audited(username)).contains("SECOND_FACTOR_FAILED FAILURE");
    }

    @Test
    void acceptsEachRecoveryCodeOnceInsteadOfACode() {
        ApiSession first = newUser("CLINICIAN");
        String username = organisation.username(first);
        List<String> recoveryCodes = first.enrolSecondFactor();
        ApiSession lostPhone = new ApiSession(port);
        lostPhone.login(username, TestOrganisation.PASSWORD);
        ApiSession again = new ApiSession(port);
        again.login(username, TestOrganisation.PASSWORD);

        ApiSession.Response recovered =
                lostPhone.post("/api/session/second-factor", Map.of("code", recoveryCodes.getFirst()));
        ApiSession.Response reused = again.post("/api/session/second-factor", Map.of("code", recoveryCodes.getFirst()));
        ApiSession.Response another = again.post(
                "/api/session/second-factor",
                Map.of("code", recoveryCodes.get(1).toUpperCase(Locale.ROOT).replace("-", " ")));

        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.body().path("user").path("username").asString()).isEqualTo(username);
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.text("code")).isEqualTo("invalid-code");
        assertThat(another.status()).isEqualTo(200);
        assertThat(audited(username)).contains("SECOND_FACTOR RECOVERY_CODE", "SECOND_FACTOR_FAILED FAILURE");
    }

    @Test
    void letsAnAdministratorResetASecondFactorWhichEndsTheUsersSessions() {
        ApiSession user = newUser("CLINICIAN");
        String username = organisation.username(user);
        String id = user.get("/api/session").body().path("user").path("id").asString();
        enrol(user);

        ApiSession.Response byClinician = user.delete("/api/users/" + id + "/second-factor");
        ApiSession.Response reset = organisation.admin().delete("/api/users/" + id + "/second-factor");
        ApiSession.Response unknown = organisation.admin().delete("/api/users/" + UUID.randomUUID() + "/second-factor");

        assertThat(byClinician.status()).isEqualTo(403);
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.body().path("ended").asInt()).isEqualTo(1);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(user.get("/api/session").status()).isEqualTo(401);
        ApiSession.Response again = new ApiSession(port).login(username, TestOrganisation.PASSWORD);
        assertThat(again.body().path("secondFactorRequired").asBoolean()).isFalse();
        assertThat(again.body().path("secondFactor").path("enrolled").asBoolean())
                .isFalse();
    }

    /** The user's latest login entries in the audit log, as action and outcome. */
    private List<String> audited(String username) {
        return organisation
                .admin()
                .get("/api/audit")
                .body()
                .valueStream()
                .filter(entry -> entry.path("actorName").asString().equals(username))
                .map(entry -> entry.path("action").asString() + " "
                        + entry.path("outcome").asString())
                .toList();
    }

    private ApiSession newUser(String role) {
        return organisation.userAt(organisation.siteA, role);
    }

    /** Enrols the session's user and returns the secret. */
    private static String enrol(ApiSession session) {
        session.enrolSecondFactor();
        String id = session.get("/api/session").body().path("user").path("id").asString();
        return TotpCodes.secretOf(id).orElseThrow();
    }

    /** A code that is none of the three the server would accept now. */
    private static String wrongCode(String secret) {
        long step = TotpCodes.step(MovableClock.now());
        List<String> valid = List.of(
                TotpCodes.code(secret, step - 1), TotpCodes.code(secret, step), TotpCodes.code(secret, step + 1));
        for (int candidate = 0; ; candidate++) {
            String code = String.format(Locale.ROOT, "%06d", candidate);
            if (!valid.contains(code)) {
                return code;
            }
        }
    }
}
