package org.passerelle.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
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
 * its three roles: the superuser {@code postgres}, used only here at start-up to manage roles and
 * databases and to grant what only a superuser may ({@link #SUPERUSER_ONLY}); {@code passerelle_owner},
 * not a superuser, which owns the databases and schemas and runs the migrations; and {@code
 * passerelle_app}, which the application runs as. The passwords are generated once into {@code <data
 * directory>/keys/}. A new data directory is created with the superuser's password already set; one
 * made before passwords existed (trusting every local connection) is switched over at its next start,
 * and one whose schemas the superuser owned hands them over to the owner ({@link Ownership}).
 */
final class EmbeddedRoles {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "passerelle_owner";
    static final String APP = "passerelle_app";

    /** What the superuser still does at each start, because only a superuser may. */
    static final List<String> SUPERUSER_ONLY = List.of(
            "create and alter the owner's and the application's roles and set their passwords",
            "create the databases and give them to the owner",
            "hand over to the owner what an older data directory's superuser owned",
            "grant pg_checkpoint and execute on pg_switch_wal() to the application's role (WAL flush after an erasure)",
            "reload the configuration when an older data directory is switched to passwords");

    private static final Logger log = LoggerFactory.getLogger(EmbeddedRoles.class);
    private static final String HBA = """
            # Written by Passerelle: every connection gives a password.
            local   all   all                 scram-sha-256
            host    all   all   127.0.0.1/32  scram-sha-256
            host    all   all   ::1/128       scram-sha-256
            """;

    /** The started server and the credentials of the owner and the application's role. */
    record Started(EmbeddedPostgres postgres, Credentials owner, Credentials app) {}

    private EmbeddedRoles() {}

    /** Starts the server {@code builder} describes, with passwords, and creates {@code databases} if missing. */
    static Started start(EmbeddedPostgres.Builder builder, Path directory, Path keys, List<String> databases)
            throws IOException {
        boolean fresh = !Files.exists(directory.resolve("postgresql.conf"));
        Credentials superuser = new Credentials(SUPERUSER, password(superuserPasswordFile(keys, fresh)));
        Credentials owner = new Credentials(OWNER, password(keys.resolve("database-owner.password")));
        Credentials app = new Credentials(APP, password(keys.resolve("database-app.password")));
        boolean trusting = !fresh && trustsConnections(directory);
        Path passwordFile = keys.resolve("initdb.password");
        builder.setServerConfig("password_encryption", "scram-sha-256");
        if (fresh) {
            Files.writeString(passwordFile, superuser.password() + "\n", StandardCharsets.US_ASCII);
            builder.setLocaleConfig("pwfile", passwordFile.toString()).setLocaleConfig("auth", "scram-sha-256");
        }
        if (!trusting) {
            builder.setConnectConfig("password", Objects.requireNonNull(superuser.password()));
        }
        EmbeddedPostgres postgres;
        try {
            postgres = builder.start();
        } finally {
            Files.deleteIfExists(passwordFile);
        }
        prepare(postgres, superuser, owner, app, databases);
        if (trusting) {
            Files.writeString(directory.resolve("pg_hba.conf"), HBA, StandardCharsets.US_ASCII);
            reload(postgres);
            log.warn("The embedded PostgreSQL trusted every local connection: it now asks for passwords");
        }
        return new Started(postgres, owner, app);
    }

    /**
     * The superuser's password file. Before the owner role existed, the superuser owned the schemas
     * and its password was kept as the owner's: such a file is renamed, and the owner gets its own.
     */
    private static Path superuserPasswordFile(Path keys, boolean fresh) throws IOException {
        Path superuser = keys.resolve("database-superuser.password");
        Path formerOwner = keys.resolve("database-owner.password");
        if (!fresh && !Files.exists(superuser) && Files.exists(formerOwner)) {
            Files.move(formerOwner, superuser, StandardCopyOption.ATOMIC_MOVE);
            log.warn("The embedded PostgreSQL's schemas were owned by its superuser: they move to {}", OWNER);
        }
        return superuser;
    }

    /**
     * As the superuser: sets the roles' passwords (neither the owner nor the application's role is a
     * superuser or may create roles), creates the databases, gives them and everything in them to the
     * owner, and grants the application's role what it needs after an erasure.
     */
    private static void prepare(
            EmbeddedPostgres postgres,
            Credentials superuser,
            Credentials owner,
            Credentials app,
            List<String> databases)
            throws IOException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("alter role " + SUPERUSER + " password " + literal(superuser.password()));
            role(statement, OWNER, owner);
            role(statement, APP, app);
            for (String name : databases) {
                var database = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
                if (!database.next()) {
                    statement.execute("create database " + name + " encoding 'UTF8' template template0");
                }
                statement.execute("alter database " + name + " owner to " + OWNER);
            }
            statement.execute("grant pg_checkpoint to " + APP);
        } catch (SQLException e) {
            throw new IOException("Could not prepare the embedded PostgreSQL's roles and databases", e);
        }
        for (String name : databases) {
            try (Connection connection = postgres.getDatabase(SUPERUSER, name).getConnection()) {
                Ownership.handOver(connection, OWNER);
                allowWalSwitch(connection);
            } catch (SQLException e) {
                throw new IOException("Could not prepare the embedded PostgreSQL's database " + name, e);
            }
        }
    }

    private static void role(Statement statement, String name, Credentials credentials) throws SQLException {
        var exists = statement.executeQuery("select 1 from pg_roles where rolname = '" + name + "'");
        String verb = exists.next() ? "alter" : "create";
        statement.execute(verb + " role " + name + " login nosuperuser nocreatedb nocreaterole noreplication"
                + " nobypassrls password " + literal(credentials.password()));
    }

    /**
     * After an erasure the application pushes the deleted rows out of the write-ahead log (see {@link
     * WriteAheadLog}): it may checkpoint ({@code pg_checkpoint}, above) and switch segments, in each database.
     */
    private static void allowWalSwitch(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("grant execute on function pg_catalog.pg_switch_wal() to " + APP);
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
