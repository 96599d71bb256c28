package org.passerelle.backup;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditChain;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonRegistry;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.platform.database.VaultDatabase;
import org.springframework.stereotype.Component;

/**
 * Restores a backup into this installation's embedded server, freshly created in an empty data
 * directory with the key directory's files (see {@link RestoreLauncher}): the whole file is checked
 * first (checksum, key epoch, migrations), then both databases are loaded and committed together;
 * the erasures the journal records are made again, the audit log's restored head is adopted and the
 * log verified.
 */
@Component
class Restore {

    /** The embedded server's superuser, the only role that may load rows without their triggers. */
    private static final String SUPERUSER = "postgres";

    private final BackupReader reader;
    private final BackupWriter writer;
    private final DataSource dataSource;
    private final VaultDatabase vault;
    private final DatabaseProperties database;
    private final PersonRegistry people;
    private final AuditLog audit;
    private final AuditChain chain;

    Restore(
            BackupReader reader,
            BackupWriter writer,
            DataSource dataSource,
            VaultDatabase vault,
            DatabaseProperties database,
            PersonRegistry people,
            AuditLog audit,
            AuditChain chain) {
        this.reader = reader;
        this.writer = writer;
        this.dataSource = dataSource;
        this.vault = vault;
        this.database = database;
        this.people = people;
        this.audit = audit;
        this.chain = chain;
    }

    /** What a restore did: the backup's header, the rows per table, the persons erased again, the audit check. */
    record Restored(
            BackupHeader header,
            Map<String, Long> rows,
            long loadMillis,
            int erasedAgain,
            AuditChain.Verification audit) {}

    Restored restore(Path file, Path journal) {
        if (database.url() != null && !database.url().isBlank()) {
            throw BackupException.unreadable("A backup is restored into the embedded server of a new data directory; "
                    + "for an external server, restore into a new data directory, then move the data with pg_dump.");
        }
        BackupFile.verifyChecksum(file);
        BackupHeader header = reader.header(file);
        if (!reader.restorable(header)) {
            throw BackupException.epochDestroyed(header.epoch());
        }
        List<ErasureJournal.Entry> erasures = ErasureJournal.read(journal);
        Map<String, String> current = writer.migrations();
        if (!current.equals(header.schemaVersions())) {
            throw BackupException.otherVersion(header.schemaVersions().toString(), current.toString());
        }
        long started = System.nanoTime();
        Map<String, Long> rows = reader.read(file, (opened, body) -> {
            try (Connection data = superuser(dataSource);
                    Connection keys = superuser(vault.dataSource())) {
                data.setAutoCommit(false);
                keys.setAutoCommit(false);
                Map<String, Long> loaded =
                        new LinkedHashMap<>(DatabaseLoad.load(body, BackupWriter.DATA, data, database.moduleSchemas()));
                loaded.putAll(DatabaseLoad.load(body, BackupWriter.VAULT, keys, BackupWriter.VAULT_SCHEMAS));
                keys.commit();
                data.commit();
                return loaded;
            } catch (SQLException e) {
                throw new IOException("could not load the backup: " + e.getMessage(), e);
            }
        });
        long loadMillis = (System.nanoTime() - started) / 1_000_000;
        audit.adoptRestoredLog();
        int erasedAgain = 0;
        for (ErasureJournal.Entry entry : erasures) {
            if (people.eraseAgainAfterRestore(entry.personId(), entry.erasedBy())) {
                erasedAgain++;
            }
        }
        audit.recordBySystem(AuditAction.UPDATE, Backups.RECORD_TYPE, null, "RESTORED " + header.createdAt());
        audit.adoptRestoredLog();
        return new Restored(header, rows, loadMillis, erasedAgain, chain.verify());
    }

    private Connection superuser(DataSource pool) throws SQLException, IOException {
        if (!(pool instanceof HikariDataSource hikari)) {
            throw new IllegalStateException("the embedded server's pool was expected");
        }
        Path password =
                database.dataDirectory().toAbsolutePath().resolve("keys").resolve("database-superuser.password");
        return DriverManager.getConnection(
                hikari.getJdbcUrl(),
                SUPERUSER,
                Files.readString(password, StandardCharsets.US_ASCII).strip());
    }
}
