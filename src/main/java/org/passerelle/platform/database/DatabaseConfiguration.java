package org.passerelle.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Provides the one {@link DataSource} of the application, already migrated: either a connection
 * pool to an external PostgreSQL server, or to an embedded server started here and stopped
 * cleanly after the pool on shutdown.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);
    private static final String DATABASE_NAME = "passerelle";
    private static final String VAULT_DATABASE_NAME = "passerelle_keys";

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) {
        return properties.isExternal() ? EmbeddedDatabase.none() : EmbeddedDatabase.start(properties);
    }

    /** The key vault: its own database on the embedded server, or as configured for an external one. */
    @Bean(destroyMethod = "close")
    VaultDatabase vaultDatabase(DatabaseProperties properties, EmbeddedDatabase embedded) {
        String url;
        Credentials owner;
        Credentials app;
        if (properties.isExternal()) {
            boolean ownVault =
                    properties.keysUrl() != null && !properties.keysUrl().isBlank();
            url = Objects.requireNonNull(ownVault ? properties.keysUrl() : properties.url());
            app = ownVault
                    ? new Credentials(properties.keysUsername(), properties.keysPassword())
                    : properties.appCredentials();
            owner = ownVault ? app : properties.migrationCredentials();
            if (!ownVault) {
                log.warn("The key vault shares the data's database: set PASSERELLE_KEYS_DATABASE_URL so that "
                        + "backups of the data do not hold the keys and erasure reaches them");
            }
        } else {
            url = embedded.jdbcUrl(VAULT_DATABASE_NAME);
            owner = embedded.owner();
            app = embedded.app();
        }
        try (HikariDataSource migration = pool("vault-migration", url, owner, 3)) {
            migrate(migration, "vault", "classpath:db/vault");
            grantIfDistinct(migration, owner, app, List.of("vault"));
        }
        return new VaultDatabase(pool("vault", url, app, 3));
    }

    /**
     * The application's pool, connected as the application's role once the owner has run the
     * migrations and granted that role its rights.
     */
    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        String url =
                properties.isExternal() ? Objects.requireNonNull(properties.url()) : embedded.jdbcUrl(DATABASE_NAME);
        Credentials owner = properties.isExternal() ? properties.migrationCredentials() : embedded.owner();
        Credentials app = properties.isExternal() ? properties.appCredentials() : embedded.app();
        try (HikariDataSource migration = pool("migration", url, owner, 3)) {
            migrate(migration, properties);
            grantIfDistinct(migration, owner, app, properties.moduleSchemas());
        }
        HikariDataSource dataSource = pool("passerelle", url, app, properties.maximumPoolSize());
        return dataSource;
    }

    private static HikariDataSource pool(String name, String url, Credentials credentials, int size) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        config.setJdbcUrl(url);
        config.setUsername(credentials.user());
        config.setPassword(credentials.password());
        return new HikariDataSource(config);
    }

    private static void grantIfDistinct(
            DataSource migration, Credentials owner, Credentials app, List<String> schemas) {
        String appUser = app.user();
        if (appUser == null || appUser.equals(owner.user())) {
            log.warn("The application runs as the role that owns its tables: it could disable the audit log's "
                    + "triggers. Set PASSERELLE_DATABASE_MIGRATION_USER to a separate owner role");
            return;
        }
        DatabaseRoles.grant(migration, appUser, schemas);
    }

    /** Runs each module's migrations in its own schema with its own history table. */
    private static void migrate(DataSource dataSource, DatabaseProperties properties) {
        for (String schema : properties.moduleSchemas()) {
            RewrittenMigrations.accept(dataSource, schema);
            migrate(dataSource, schema, "classpath:db/migration/" + schema);
        }
        log.info("Database migrated for modules {}", properties.moduleSchemas());
    }

    private static void migrate(DataSource dataSource, String schema, String location) {
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations(location)
                .load()
                .migrate();
    }

    /**
     * The embedded server, or nothing when an external server is configured. A watchdog starts it
     * again, on the same port, when its postmaster died under it; the pools then reconnect by themselves.
     */
    static final class EmbeddedDatabase implements AutoCloseable {

        private static final Duration WATCH_INTERVAL = Duration.ofSeconds(5);

        private final @Nullable DatabaseProperties properties;
        private volatile EmbeddedRoles.@Nullable Started server;
        private final @Nullable ScheduledExecutorService watchdog;

        private EmbeddedDatabase(@Nullable DatabaseProperties properties, EmbeddedRoles.@Nullable Started server) {
            this.properties = properties;
            this.server = server;
            if (server == null) {
                this.watchdog = null;
            } else {
                this.watchdog = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform()
                        .name("embedded-postgres-watchdog")
                        .daemon()
                        .factory());
                this.watchdog.scheduleWithFixedDelay(
                        this::restartIfDead, WATCH_INTERVAL.toSeconds(), WATCH_INTERVAL.toSeconds(), TimeUnit.SECONDS);
            }
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null, null);
        }

        static EmbeddedDatabase start(DatabaseProperties properties) {
            return new EmbeddedDatabase(properties, launch(properties, properties.embeddedPort()));
        }

        private static EmbeddedRoles.Started launch(DatabaseProperties properties, int port) {
            Path directory = directory(properties);
            Path keys = properties.dataDirectory().toAbsolutePath().resolve("keys");
            try {
                Files.createDirectories(directory);
                OrphanedServer.stopIfAny(directory);
                EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setPort(port)
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // The library tunes its server for throw-away test databases (no fsync, no
                        // synchronous commit); these are people's records, so every commit is durable.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // old WAL segments are deleted, not reused with what an erasure deleted still in them
                        .setServerConfig("wal_recycle", "off")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("shared_buffers", properties.sharedBuffers())
                        .setServerConfig("listen_addresses", "localhost");
                if (properties.bulkLoad()) {
                    // A restore loads every table in one transaction that emptied them first: with
                    // minimal WAL, PostgreSQL writes those rows and indexes once and syncs them at
                    // commit instead of logging each page too.
                    builder.setServerConfig("wal_level", "minimal")
                            .setServerConfig("max_wal_senders", "0")
                            .setServerConfig("max_wal_size", "4GB")
                            .setServerConfig("checkpoint_timeout", "30min");
                }
                EmbeddedRoles.Started server =
                        EmbeddedRoles.start(builder, directory, keys, List.of(DATABASE_NAME, VAULT_DATABASE_NAME));
                log.info(
                        "Embedded PostgreSQL started on port {}",
                        server.postgres().getPort());
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
            }
        }

        private static Path directory(DatabaseProperties properties) {
            return properties.dataDirectory().toAbsolutePath().resolve("postgres");
        }

        /** Starts the server again when its postmaster is gone (killed, out of memory). */
        private synchronized void restartIfDead() {
            EmbeddedRoles.Started current = server;
            if (current == null || properties == null) {
                return;
            }
            if (OrphanedServer.runningPostmaster(directory(properties)).isPresent()) {
                return;
            }
            log.error("The embedded PostgreSQL stopped unexpectedly: starting it again");
            try {
                current.postgres().close();
                server = launch(properties, current.postgres().getPort());
            } catch (IOException | RuntimeException e) {
                log.error("Could not start the embedded PostgreSQL again, will retry: {}", e.toString());
            }
        }

        private EmbeddedRoles.Started server() {
            return Objects.requireNonNull(server, "no embedded database");
        }

        String jdbcUrl(String database) {
            // without a user in the URL: the driver would prefer it to the pool's
            return "jdbc:postgresql://localhost:" + server().postgres().getPort() + "/" + database;
        }

        Credentials owner() {
            return server().owner();
        }

        Credentials app() {
            return server().app();
        }

        @Override
        public synchronized void close() throws IOException {
            if (watchdog != null) {
                watchdog.shutdownNow();
            }
            EmbeddedRoles.Started running = server;
            server = null;
            if (running != null) {
                running.postgres().close();
                log.info("Embedded PostgreSQL stopped");
            }
        }
    }
}
