package org.passerelle.platform.database;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives. Without a {@code url} Passerelle starts its own embedded PostgreSQL
 * keeping its files in {@code dataDirectory}; with one (for example from the environment
 * variable {@code PASSERELLE_DATABASE_URL}) it connects to that server instead.
 *
 * @param url JDBC URL of an external PostgreSQL server, or none for the embedded one
 * @param username user for the external server
 * @param password password for the external server
 * @param dataDirectory directory of the embedded server's files, kept across restarts
 * @param embeddedPort TCP port of the embedded server on the loopback interface (0: any free port)
 * @param maximumPoolSize connections kept open to the database
 * @param moduleSchemas the modules' schemas, migrated in this order from {@code db/migration/<schema>}
 * @param keysUrl JDBC URL of the key vault's database with an external server; by default the
 *     data's own database (then backups of the data hold the keys: set it in production)
 * @param keysUsername user for the key vault's database
 * @param keysPassword password for the key vault's database
 * @param migrationUsername with an external server, the role that owns the schemas and runs the
 *     migrations ({@code PASSERELLE_DATABASE_MIGRATION_USER}); the application then runs as
 *     {@code username} with only the rights granted to it. Without one, both are {@code username},
 *     which could disable the audit log's triggers (weaker)
 * @param migrationPassword password of {@code migrationUsername}
 * @param bulkLoad the embedded server started for a restore only: WAL kept to the minimum, so that
 *     the rows loaded into tables emptied in the same transaction are written once, not also to
 *     the WAL (the next ordinary start goes back to the usual WAL; nothing else runs meanwhile)
 * @param sharedBuffers the embedded server's page cache ({@code shared_buffers}): larger than
 *     PostgreSQL's 128 MB by default, so that a report and the background catch-up of its facts do
 *     not evict each other's pages on a registry of a million persons; an external server keeps its
 *     own setting
 */
@ConfigurationProperties("passerelle.database")
public record DatabaseProperties(
        @Nullable String url,
        @Nullable String username,
        @Nullable String password,
        @DefaultValue("./data") Path dataDirectory,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("10") int maximumPoolSize,

        @DefaultValue({
            "sites",
            "access",
            "audit",
            "people",
            "care",
            "retention",
            "reporting",
            "devices",
            "sync",
            "backup",
            "stock",
            "referrals",
            "rights",
            "shelters",
            "outreach",
            "outbreaks",
            "vaccination",
            "water"
        })
        List<String> moduleSchemas,

        @Nullable String keysUrl,
        @Nullable String keysUsername,
        @Nullable String keysPassword,
        @Nullable String migrationUsername,
        @Nullable String migrationPassword,
        @DefaultValue("false") boolean bulkLoad,
        @DefaultValue("256MB") String sharedBuffers) {

    public DatabaseProperties {
        if (!sharedBuffers.matches("[1-9][0-9]*(kB|MB|GB)")) {
            throw new IllegalArgumentException(
                    "passerelle.database.shared-buffers must be a size such as 256MB, not " + sharedBuffers);
        }
    }

    boolean isExternal() {
        return url != null && !url.isBlank();
    }

    Credentials appCredentials() {
        return new Credentials(username, password);
    }

    /** The role that runs the migrations: the migration user when one is given, else the application's. */
    Credentials migrationCredentials() {
        return migrationUsername == null || migrationUsername.isBlank()
                ? appCredentials()
                : new Credentials(migrationUsername, migrationPassword);
    }
}
