package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class AccessApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
    }

    @Test
    void givesTheSameAnswerForAWrongPasswordAndAnUnknownUser() {
        ApiSession.Response wrongPassword = new ApiSession(port).login("admin", "not-the-password");
        ApiSession.Response unknownUser = new ApiSession(port).login("nobody-here", "not-the-password");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownUser.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownUser.body());
        assertThat(wrongPassword.text("code")).isEqualTo("bad-credentials");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void recordsLoginsAndFailedLoginsWithTheAccountTriedInTheAuditLogButNotTheApplicationLog(CapturedOutput output) {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(clinician);
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String userId =
                clinician.get("/api/session").body().path("user").path("id").asString();

        ApiSession.Response wrongPassword =
                new ApiSession(port).login(" " + username.toUpperCase(Locale.ROOT), "wrong-password-123");
        ApiSession.Response unknownName = new ApiSession(port).login(unknown, "wrong-password-123");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownName.status()).isEqualTo(401);
        assertThat(count("select count(*) from audit.audit_event where action = 'LOGIN' and actor_name = '" + username
                        + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit.audit_event where action = 'LOGIN_FAILED' and outcome = 'FAILURE'"
                        + " and actor_id = '" + userId + "' and actor_name = '" + username.toUpperCase(Locale.ROOT)
                        + "'"))
                .isEqualTo(1);
        assertThat(count("select count(*) from audit.audit_event where action = 'LOGIN_FAILED' and actor_id is null"
                        + " and actor_name = '" + unknown + "'"))
                .isEqualTo(1);
        assertThat(output.getAll()).doesNotContain(unknown);
    }

    @Test
    void choosesTheOnlySiteAtLoginAndRefusesASiteOutsideTheUsersScope() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");

        ApiSession.Response session = clinician.get("/api/session");
        ApiSession.Response elsewhere = clinician.put("/api/session/site", Map.of("siteId", organisation.siteB));

        assertThat(session.body().path("currentSite").path("id").asString()).isEqualTo(organisation.siteA);
        assertThat(session.body().path("sites")).hasSize(1);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.text("code")).isEqualTo("site-not-in-scope");
    }

    @Test
    void endsTheSessionOfADisabledUserAtTheirNextRequest() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String id = clinician.get("/api/session").body().path("user").path("id").asString();

        ApiSession.Response disabled =
                organisation.admin().put("/api/users/" + id + "/enabled", Map.of("enabled", false, "version", 0));

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(clinician.get("/api/session").status()).isEqualTo(401);
        assertThat(clinician.post("/api/people/search", Map.of("query", "Ali")).status())
                .isIn(401, 403);
        assertThat(new ApiSession(port)
                        .login(username(id), TestOrganisation.PASSWORD)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void keepsAdministrationToAdministrators() {
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");

        assertThat(coordinator.get("/api/users").status()).isEqualTo(403);
        assertThat(coordinator
                        .post("/api/programmes", Map.of("code", "NOPE", "name", "Nope"))
                        .status())
                .isEqualTo(403);
        assertThat(coordinator
                        .post(
                                "/api/users",
                                Map.of(
                                        "username",
                                        "sneaky",
                                        "displayName",
                                        "Sneaky",
                                        "password",
                                        "long-enough-password",
                                        "roles",
                                        List.of("ADMINISTRATOR"),
                                        "allSites",
                                        true,
                                        "siteIds",
                                        List.of()))
                        .status())
                .isEqualTo(403);
        assertThat(organisation.admin().get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void refusesAShortPasswordAndADuplicateUsername() {
        ApiSession admin = organisation.admin();

        ApiSession.Response shortPassword = admin.post(
                "/api/users",
                Map.of(
                        "username",
                        "shorty",
                        "displayName",
                        "Shorty",
                        "password",
                        "short",
                        "roles",
                        List.of("CLINICIAN"),
                        "allSites",
                        true,
                        "siteIds",
                        List.of()));
        ApiSession.Response duplicate = admin.post(
                "/api/users",
                Map.of(
                        "username",
                        "admin",
                        "displayName",
                        "Again",
                        "password",
                        "long-enough-password",
                        "roles",
                        List.of("CLINICIAN"),
                        "allSites",
                        true,
                        "siteIds",
                        List.of()));

        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword
                        .body()
                        .path("fieldErrors")
                        .path(0)
                        .path("field")
                        .asString())
                .isEqualTo("password");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.text("code")).isEqualTo("username-taken");
    }

    @Test
    void refusesAWriteWithoutTheCsrfToken() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");

        ApiSession.Response forged = clinician.postWithoutCsrf(
                "/api/people", Map.of("details", Map.of("chosenName", "Forged", "sex", "MALE")));

        assertThat(forged.status()).isEqualTo(403);
    }

    @Test
    void storesPasswordsAsArgon2idHashes() {
        String hash = jdbc.sql("select password_hash from access.app_user where username = 'admin'")
                .query(String.class)
                .single();

        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    private String username(String id) {
        return jdbc.sql("select username from access.app_user where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
