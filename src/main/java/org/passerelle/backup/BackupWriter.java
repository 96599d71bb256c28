package org.passerelle.backup;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.passerelle.platform.crypto.KeyEpochs;
import org.passerelle.platform.database.DatabaseProperties;
import org.passerelle.platform.database.VaultDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one backup file: the data's database (every module's schema, in one snapshot), then the
 * key vault (the persons' keys, wrapped under the key epoch; read after the data, so every person
 * in the data still has their key unless erased meanwhile), under a key derived from the oldest
 * key epoch still kept, whose destruction by a rotation is what makes the backup unreadable.
 */
@Component
class BackupWriter {

    static final String DATA = "passerelle";
    static final String VAULT = "passerelle_keys";
    static final List<String> VAULT_SCHEMAS = List.of("vault");

    private final DataSource dataSource;
    private final VaultDatabase vault;
    private final List<String> schemas;
    private final KeyEpochs epochs;
    private final SecureRandom random = new SecureRandom();

    BackupWriter(DataSource dataSource, VaultDatabase vault, DatabaseProperties database, KeyEpochs epochs) {
        this.dataSource = dataSource;
        this.vault = vault;
        this.schemas = List.copyOf(database.moduleSchemas());
        this.epochs = epochs;
    }

    /** What was written: the header and the rows of each table. */
    record Written(BackupHeader header, Map<String, Long> rows) {}

    Written write(Path file, Instant now) throws IOException {
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        int epoch = epochs.searchEpoch();
        BackupHeader header = new BackupHeader(BackupFile.FORMAT_VERSION, appVersion(), epoch, now, salt, migrations());
        Map<String, Long> rows = new LinkedHashMap<>();
        BackupFile.write(file, header, epochs.backupKey(epoch, salt), body -> {
            DataOutputStream out = new DataOutputStream(body);
            rows.putAll(DatabaseDump.write(out, DATA, dataSource, schemas));
            rows.putAll(DatabaseDump.write(out, VAULT, vault.dataSource(), VAULT_SCHEMAS));
            out.flush();
        });
        return new Written(header, rows);
    }

    /** The migrations of this installation's schemas (and of the vault), as a header records them. */
    Map<String, String> migrations() {
        Map<String, String> versions =
                new LinkedHashMap<>(DatabaseDump.migrations(JdbcClient.create(dataSource), schemas));
        DatabaseDump.migrations(JdbcClient.create(vault.dataSource()), VAULT_SCHEMAS)
                .forEach((schema, version) -> versions.put("keys." + schema, version));
        return versions;
    }

    static String appVersion() {
        String version = BackupWriter.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
