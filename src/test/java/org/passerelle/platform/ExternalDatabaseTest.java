package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.RunningApplication;

/**
 * Runs Passerelle against a separately started PostgreSQL server given by
 * {@code PASSERELLE_TEST_DATABASE_URL} (with {@code _USER} and {@code _PASSWORD}). The test command
 * starts one from Debian's postgresql package; in CI the test must not be skipped.
 */
class ExternalDatabaseTest {

    @Test
    void storesItsDataInTheConfiguredServer() throws Exception {
        String url = System.getenv("PASSERELLE_TEST_DATABASE_URL");
        if (System.getenv("CI") == null) {
            assumeTrue(url != null && !url.isBlank(), "no external PostgreSQL given");
        }
        assertThat(url).as("PASSERELLE_TEST_DATABASE_URL must be set in CI").isNotBlank();
        String user = System.getenv("PASSERELLE_TEST_DATABASE_USER");
        String password = System.getenv("PASSERELLE_TEST_DATABASE_PASSWORD");

        String personId;
        try (RunningApplication app = RunningApplication.start(Map.of(
                "passerelle.database.url", url,
                "passerelle.database.username", user,
                "passerelle.database.password", password))) {
            ApiSession admin = app.adminSession();
            String programme = admin.post(
                            "/api/programmes",
                            Map.of(
                                    "code",
                                    "EXT-" + (System.nanoTime() % 10000),
                                    "name",
                                    "External " + System.nanoTime()))
                    .text("id");
            String site = admin.post(
                            "/api/sites", Map.of("programmeId", programme, "name", "Marseille", "kind", "FIXED"))
                    .text("id");
            admin.put("/api/session/site", Map.of("siteId", site));
            personId = admin.post(
                            "/api/people", Map.of("details", Map.of("chosenName", "Semhar Tesfay", "sex", "FEMALE")))
                    .text("id");
            assertThat(admin.post("/api/people/search", Map.of("query", "semhar"))
                            .body()
                            .path(0)
                            .path("id")
                            .asString())
                    .isEqualTo(personId);
        }

        try (Connection connection = DriverManager.getConnection(url, user, password);
                var statement = connection.prepareStatement("""
                        select p.chosen_name, (select count(*) from vault.subject_key k where k.subject_id = p.id)
                          from people.person p where p.id = ?::uuid
                        """)) {
            statement.setString(1, personId);
            try (ResultSet result = statement.executeQuery()) {
                assertThat(result.next()).isTrue();
                assertThat(new String(result.getBytes(1), StandardCharsets.ISO_8859_1))
                        .as("the name is sealed in the external database too")
                        .doesNotContain("Semhar");
                assertThat(result.getLong(2))
                        .as("the key vault shares the external database")
                        .isEqualTo(1);
            }
        }
    }

    /**
     * With {@code PASSERELLE_TEST_DATABASE_APP_USER} (and {@code _APP_PASSWORD}), a role without rights
     * of its own: the test user migrates as the owner, the application runs as that role and may only
     * read and append to the audit log.
     */
    @Test
    void runsAsItsOwnRoleWhenAMigrationUserIsGiven() throws Exception {
        String url = System.getenv("PASSERELLE_TEST_DATABASE_URL");
        String appUser = System.getenv("PASSERELLE_TEST_DATABASE_APP_USER");
        assumeTrue(url != null && !url.isBlank() && appUser != null, "no external PostgreSQL with an application role");
        String appPassword = System.getenv("PASSERELLE_TEST_DATABASE_APP_PASSWORD");

        try (RunningApplication app = RunningApplication.start(Map.of(
                "passerelle.database.url", url,
                "passerelle.database.username", appUser,
                "passerelle.database.password", appPassword,
                "passerelle.database.migration-username", System.getenv("PASSERELLE_TEST_DATABASE_USER"),
                "passerelle.database.migration-password", System.getenv("PASSERELLE_TEST_DATABASE_PASSWORD")))) {
            assertThat(app.adminSession()
                            .get("/api/audit/verification")
                            .body()
                            .path("intact")
                            .asBoolean())
                    .isTrue();
        }

        try (Connection connection = DriverManager.getConnection(url, appUser, appPassword);
                var statement = connection.createStatement()) {
            assertThat(statement
                            .executeQuery("select count(*) from audit.audit_event")
                            .next())
                    .isTrue();
            for (String forbidden : List.of(
                    "update audit.audit_event set actor_name = 'x'",
                    "delete from audit.audit_event",
                    "alter table audit.audit_event disable trigger user")) {
                assertThatThrownBy(() -> statement.execute(forbidden))
                        .as(forbidden)
                        .hasMessageMatching("(?s).*(permission denied|must be owner).*");
            }
        }
    }
}
