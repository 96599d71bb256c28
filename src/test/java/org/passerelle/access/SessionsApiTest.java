package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@PasserelleTest
class SessionsApiTest {

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
    void throttlesRepeatedFailuresWithTheSameAnswerForUnknownUsers() {
        String unknown = "ghost" + UUID.randomUUID().toString().substring(0, 6);
        ApiSession attacker = new ApiSession(port);
        for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
            assertThat(attacker.login(unknown, "guess-number-" + i).status()).isEqualTo(401);
        }

        ApiSession.Response throttled = attacker.login(unknown, "guess-number-6");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.text("code")).isEqualTo("too-many-attempts");
        assertThat(throttled.body().path("retryAfterSeconds").asLong()).isPositive();
    }

    @Test
    void changesTheOwnPasswordAndEndsTheOtherSessions() {
        ApiSession phone = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(phone);
        ApiSession laptop = new ApiSession(port);
        laptop.login(username, TestOrganisation.PASSWORD);

        ApiSession.Response wrong = phone.put(
                "/api/session/password",
                Map.of("currentPassword", "not-my-password", "newPassword", "lanterns over the harbour"));
        ApiSession.Response common = phone.put(
                "/api/session/password",
                Map.of("currentPassword", TestOrganisation.PASSWORD, "newPassword", "qwertyuiop123"));
        ApiSession.Response changed = phone.put(
                "/api/session/password",
                Map.of("currentPassword", TestOrganisation.PASSWORD, "newPassword", "lanterns over the harbour"));

        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("currentPassword");
        assertThat(common.status()).isEqualTo(400);
        assertThat(common.text("code")).isEqualTo("password-too-common");
        assertThat(changed.status()).isEqualTo(204);
        assertThat(phone.get("/api/session").status()).isEqualTo(200);
        assertThat(laptop.get("/api/session").status()).isEqualTo(401);
        assertThat(new ApiSession(port)
                        .login(username, TestOrganisation.PASSWORD)
                        .status())
                .isEqualTo(401);
        assertThat(new ApiSession(port)
                        .login(username, "lanterns over the harbour")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void letsAnAdministratorEndAllSessionsOfAUser() {
        ApiSession phone = organisation.userAt(organisation.siteA, "CLINICIAN");
        String id = phone.get("/api/session").body().path("user").path("id").asString();

        ApiSession.Response ended = organisation.admin().delete("/api/users/" + id + "/sessions");

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.body().path("ended").asInt()).isEqualTo(1);
        assertThat(phone.get("/api/session").status()).isEqualTo(401);
    }

    @Test
    void refusesACommonPasswordForANewUser() {
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                "weak" + UUID.randomUUID().toString().substring(0, 6),
                                "displayName",
                                "Weak",
                                "password",
                                "passwordpassword",
                                "roles",
                                List.of("CLINICIAN"),
                                "allSites",
                                true,
                                "siteIds",
                                List.of()));

        assertThat(created.status()).isEqualTo(400);
        assertThat(created.text("code")).isEqualTo("password-too-common");
    }

    @Test
    void auditsEveryChangeToTheSecurityOfAnAccountWithWhoMadeIt() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String id = clinician.get("/api/session").body().path("user").path("id").asString();
        String username = organisation.username(clinician);

        clinician.put(
                "/api/session/password",
                Map.of("currentPassword", TestOrganisation.PASSWORD, "newPassword", "lanterns over the harbour"));
        clinician.enrolSecondFactor();
        organisation.admin().delete("/api/users/" + id + "/second-factor");
        organisation.admin().put("/api/users/" + id + "/enabled", Map.of("enabled", false, "version", 1));

        List<Map<String, Object>> changes = jdbc.sql("""
                        select outcome, actor_name from audit.audit_event
                         where action = 'ACCOUNT_CHANGE' and record_id = ?::uuid order by id
                        """).param(id).query().listOfRows();
        assertThat(changes)
                .extracting(row -> row.get("outcome"))
                .containsExactly(
                        "CREATED", "PASSWORD_CHANGED", "SECOND_FACTOR_ENROLLED", "SECOND_FACTOR_RESET", "DISABLED");
        assertThat(changes)
                .extracting(row -> row.get("actor_name"))
                .containsExactly("admin", username, username, "admin", "admin");
    }
}
