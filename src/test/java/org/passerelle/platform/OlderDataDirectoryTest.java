package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.audit.AuditChain;
import org.passerelle.support.RunningApplication;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A data directory made by an earlier Passerelle: an embedded server that trusted every local
 * connection, run as its superuser, and an audit log chained with unkeyed SHA-256. At its first
 * start it asks for passwords, the application runs as its own role, the old entries are checked and
 * sealed into the keyed chain, and the schemas the superuser owned pass to an owner role that is not
 * a superuser.
 */
class OlderDataDirectoryTest {

    @TempDir
    Path dataDirectory;

    @Test
    void switchesToPasswordsAndSealsTheOldChain() throws Exception {
        Path postgresDirectory = dataDirectory.resolve("postgres");
        Files.createDirectories(postgresDirectory);
        int port;
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDirectory)
                .setCleanDataDirectory(false)
                .start()) {
            port = old.getPort();
            try (Connection connection = old.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database passerelle encoding 'UTF8' template template0");
            }
            var database = old.getDatabase("postgres", "passerelle");
            Flyway.configure()
                    .dataSource(database)
                    .schemas("audit")
                    .defaultSchema("audit")
                    .createSchemas(true)
                    .locations("classpath:db/migration/audit")
                    .target("3")
                    .load()
                    .migrate();
            try (Connection connection = database.getConnection();
                    Statement statement = connection.createStatement()) {
                for (int i = 0; i < 3; i++) {
                    statement.execute("insert into audit.audit_event (actor_name, action, record_type, outcome)"
                            + " values ('before|upgrade', 'READ', 'person', 'SUCCESS')");
                }
            }
        }

        try (RunningApplication app =
                RunningApplication.start(Map.of("passerelle.database.data-directory", dataDirectory.toString()))) {
            AuditChain.Verification verification = app.bean(AuditChain.class).verify();
            assertThat(verification.intact())
                    .as(verification.problems().toString())
                    .isTrue();
            assertThat(verification.entries()).isGreaterThanOrEqualTo(3);
            assertThat(Files.readString(postgresDirectory.resolve("pg_hba.conf")))
                    .doesNotContain("trust");
            int embeddedPort = Integer.parseInt(Files.readAllLines(postgresDirectory.resolve("postmaster.pid"))
                    .get(3)
                    .strip());
            assertThatThrownBy(() -> DriverManager.getConnection(
                            "jdbc:postgresql://localhost:" + embeddedPort + "/passerelle", "postgres", "guess"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
            assertOwnedByTheOwnerRole(app);
        }
        assertThat(port).isPositive();
    }

    /**
     * A data directory made after passwords but before the owner role: the superuser owned the schemas
     * and its password was kept as {@code database-owner.password}. The file becomes the superuser's, the
     * owner role gets a password of its own, and the superuser's password still opens the server.
     */
    @Test
    void givesTheSuperusersPasswordFileItsNameAndTheOwnerItsOwnPassword() throws Exception {
        Path postgresDirectory = dataDirectory.resolve("postgres");
        Path keys = dataDirectory.resolve("keys");
        Files.createDirectories(postgresDirectory);
        Files.createDirectories(keys);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String superuserPassword = Base64.getEncoder().encodeToString(secret);
        Files.writeString(keys.resolve("database-owner.password"), superuserPassword + "\n");
        Path initdbPassword = dataDirectory.resolve("initdb.password");
        Files.writeString(initdbPassword, superuserPassword + "\n");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder()
                .setDataDirectory(postgresDirectory)
                .setCleanDataDirectory(false)
                .setServerConfig("password_encryption", "scram-sha-256")
                .setLocaleConfig("pwfile", initdbPassword.toString())
                .setLocaleConfig("auth", "scram-sha-256")
                .setConnectConfig("password", superuserPassword)
                .start()) {
            try (Connection connection = old.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database passerelle encoding 'UTF8' template template0");
            }
            Flyway.configure()
                    .dataSource(old.getDatabase("postgres", "passerelle"))
                    .schemas("audit")
                    .defaultSchema("audit")
                    .createSchemas(true)
                    .locations("classpath:db/migration/audit")
                    .load()
                    .migrate();
        }
        Files.delete(initdbPassword);

        try (RunningApplication app =
                RunningApplication.start(Map.of("passerelle.database.data-directory", dataDirectory.toString()))) {
            assertThat(Files.readString(keys.resolve("database-superuser.password"))
                            .strip())
                    .isEqualTo(superuserPassword);
            String ownerPassword =
                    Files.readString(keys.resolve("database-owner.password")).strip();
            assertThat(ownerPassword).isNotEqualTo(superuserPassword).hasSize(44);
            int port = Integer.parseInt(Files.readAllLines(postgresDirectory.resolve("postmaster.pid"))
                    .get(3)
                    .strip());
            String url = "jdbc:postgresql://localhost:" + port + "/passerelle";
            assertThat(currentUser(url, "passerelle_owner", ownerPassword)).isEqualTo("passerelle_owner");
            assertThat(currentUser(url, "postgres", superuserPassword)).isEqualTo("postgres");
            assertOwnedByTheOwnerRole(app);
        }
    }

    private static String currentUser(String url, String user, String password) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement();
                var result = statement.executeQuery("select current_user")) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static void assertOwnedByTheOwnerRole(RunningApplication app) {
        JdbcClient jdbc = app.bean(JdbcClient.class);
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = 'passerelle_owner'")
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("""
                        select c.oid::regclass::text from pg_class c join pg_namespace n on n.oid = c.relnamespace
                         where pg_get_userbyid(c.relowner) <> 'passerelle_owner' and c.relkind in ('r', 'S', 'v')
                           and n.nspname in ('audit', 'people', 'access')
                        union all
                        select nspname from pg_namespace where nspname in ('audit', 'people', 'access')
                           and pg_get_userbyid(nspowner) <> 'passerelle_owner'
                        union all
                        select proname from pg_proc where proname in ('purge_prefix', 'refuse_change')
                           and pg_get_userbyid(proowner) <> 'passerelle_owner'
                        """).query(String.class).list())
                .as("left to the superuser")
                .isEmpty();
    }
}
