package org.passerelle.platform.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
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
        HikariConfig config = new HikariConfig();
        config.setPoolName("vault");
        config.setMaximumPoolSize(3);
        if (properties.isExternal()) {
            boolean ownVault =
                    properties.keysUrl() != null && !properties.keysUrl().isBlank();
            config.setJdbcUrl(ownVault ? properties.keysUrl() : properties.url());
            config.setUsername(ownVault ? properties.keysUsername() : properties.username());
            config.setPassword(ownVault ? properties.keysPassword() : properties.password());
            if (!ownVault) {
                log.warn("The key vault shares the data's database: set PASSERELLE_KEYS_DATABASE_URL so that "
                        + "backups of the data do not hold the keys and erasure reaches them");
            }
        } else {
            config.setJdbcUrl(embedded.jdbcUrl(VAULT_DATABASE_NAME));
            config.setUsername("postgres");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource, "vault", "classpath:db/vault");
        return new VaultDatabase(dataSource);
    }

    @Bean(destroyMethod = "close")
    @Primary
    HikariDataSource dataSource(DatabaseProperties properties, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("passerelle");
        config.setMaximumPoolSize(properties.maximumPoolSize());
        config.setConnectionTimeout(Duration.ofSeconds(10).toMillis());
        if (properties.isExternal()) {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        } else {
            config.setJdbcUrl(embedded.jdbcUrl(DATABASE_NAME));
            config.setUsername("postgres");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        migrate(dataSource, properties);
        return dataSource;
    }

    /** Runs each module's migrations in its own schema with its own history table. */
    private static void migrate(DataSource dataSource, DatabaseProperties properties) {
        for (String schema : properties.moduleSchemas()) {
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

    /** The embedded server, or nothing when an external server is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {

        private final @Nullable EmbeddedPostgres postgres;

        private EmbeddedDatabase(@Nullable EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        static EmbeddedDatabase start(DatabaseProperties properties) {
            Path directory = properties.dataDirectory().toAbsolutePath().resolve("postgres");
            try {
                Files.createDirectories(directory);
                EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                        .setDataDirectory(directory)
                        .setCleanDataDirectory(false)
                        .setPort(properties.embeddedPort())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        // The library tunes its server for throw-away test databases (no fsync, no
                        // synchronous commit); these are people's records, so every commit is durable.
                        .setServerConfig("fsync", "on")
                        .setServerConfig("synchronous_commit", "on")
                        .setServerConfig("full_page_writes", "on")
                        // old WAL segments are deleted, not reused with what an erasure deleted still in them
                        .setServerConfig("wal_recycle", "off")
                        .setServerConfig("max_connections", "100")
                        .setServerConfig("listen_addresses", "localhost")
                        .start();
                createDatabaseIfMissing(postgres);
                log.info("Embedded PostgreSQL started on port {}", postgres.getPort());
                return new EmbeddedDatabase(postgres);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + directory, e);
            }
        }

        private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws IOException {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                for (String name : List.of(DATABASE_NAME, VAULT_DATABASE_NAME)) {
                    var exists = statement.executeQuery("select 1 from pg_database where datname = '" + name + "'");
                    if (!exists.next()) {
                        statement.execute("create database " + name + " encoding 'UTF8' template template0");
                    }
                }
            } catch (SQLException e) {
                throw new IOException("Could not create the database " + DATABASE_NAME, e);
            }
        }

        String jdbcUrl(String database) {
            return Objects.requireNonNull(postgres, "no embedded database").getJdbcUrl("postgres", database);
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
                log.info("Embedded PostgreSQL stopped");
            }
        }
    }
}
