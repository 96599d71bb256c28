package org.passerelle.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.crypto.KeyFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Password authentication (scram-sha-256) on the embedded server, local connections included, and
 * its two roles: the superuser {@code postgres}, which owns the schemas and runs the migrations, and
 * {@code passerelle_app}, which the application runs as. Both passwords are generated once into
 * {@code <data directory>/keys/}. A new data directory is created with the password already set; one
 * made before passwords existed (trusting every local connection) is switched over at its next start.
 */
final class EmbeddedRoles {

    static final String OWNER = "postgres";
    static final String APP = "passerelle_app";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);
    private static final String HBA = """
            # Written by Passerelle: every connection gives a password.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    /** The started server and the credentials of its two roles. */
    record Started(EmbeddedPostgres postgres, Credentials owner, Credentials app) {}

    private EmbeddedRoles() {}

    /** Starts the server {@code builder} describes, with passwords, and creates {@code databases} if missing. */
    static Started start(EmbeddedPostgres.Builder builder, Path directory, Path keys, List<String> databases)
            throws IOException {
        Credentials owner = new Credentials(OWNER, password(keys.resolve("database-owner.password")));
        Credentials app = new Credentials(APP, password(keys.resolve("database-app.password")));
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        boolean trusting = !fresh && trustsConnections(directory);
        Path passwordFile = keys.resolve("initdb.password");
        builder.setServerConfig("password_encryption", "scram-sha-256");
        if (fresh) {
            Files.writeString(passwordFile, owner.password() + "\n", StandardCharsets.US_ASCII);
            builder.setLocaleConfig("pwfile", passwordFile.toString()).setLocaleConfig("auth", "scram-sha-256");
        }
        if (!trusting) {
            builder.setConnectConfig("password", Objects.requireNonNull(owner.password()));
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        prepare(postgres, owner, app, databases);
        if (trusting) {
            Files.writeString(directory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            reload(postgres);
            log.warn("The embedded PostgreSQL trusted every local connection: it now asks for passwords");
        }
        return new Started(postgres, owner, app);
    }

    /** Sets both roles' passwords (the application's role has no other right than to log in) and creates the databases. */
    private static void prepare(EmbeddedPostgres postgres, Credentials owner, Credentials app, List<String> databases)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role " + OWNER + " password " + literal(owner.password()));
            var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + APP + "'");
            String verb = exists.next() ? "alter" : "create";
            statement.execute(verb + " role " + APP + " login nosuperuser nocreatedb nocreaterole noreplication"
                    + " nobypassrls password " + literal(app.password()));
            for (String name : databases) {
                var database = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
                if (!database.next()) {
                    statement.execute("create database " + name + " encoding 'UTF8' template template0");
                }
            }
            statement.execute("grant pg_checkpoint to " + APP);
        } catch (SQLException e) {
            throw new IOException("Could not prepare the embedded PostgreSQL's roles and databases", e);
        }
        for (String name : databases) {
            allowWalSwitch(postgres, name);
        }
    }

    /**
     * After an erasure the application pushes the deleted rows out of the write-ahead log (see {@link
     * WriteAheadLog}): it may checkpoint ({@code pg_checkpoint}, above) and switch segments, in each database.
     */
    private static void allowWalSwitch(EmbeddedPostgres postgres, String database) throws IOException {
        try (Connection connection = postgres.getDatabase(OWNER, database).getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("grant execute on function pg_catalog.pg_switch_wal() to " + APP);
        } catch (SQLException e) {
            throw new IOException("Could not let the application switch the embedded PostgreSQL's WAL", e);
        }
    }

    private static void reload(EmbeddedPostgres postgres) throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_reload_conf()");
        } catch (SQLException e) {
            throw new IOException("Could not reload the embedded PostgreSQL's configuration", e);
        }
    }

    private static boolean trustsConnections(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("pg_hba.conf"), StandardCharsets.US_ASCII).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\btrust\\b.*"));
    }

    /** A generated password kept in {@code file}: 32 random bytes in Base64, like the key files. */
    private static String password(Path file) {
        return Base64.getEncoder().encodeToString(KeyFile.load(null, file, "the embedded database's password"));
    }

    /** Base64 text needs no escaping, but a password is never pasted into SQL unchecked. */
    private static String literal(@Nullable String password) {
        if (password == null || !password.matches("[A-Za-z0-9+/=]+")) {
            throw new IllegalStateException("unexpected characters in a generated database password");
        }
        return "'" + password + "'";
    }
}
