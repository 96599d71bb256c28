package org.passerelle.backup;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import org.passerelle.platform.database.DatabaseProperties;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The recovery sheet, printed once on the console at the first start of an installation (never
 * logged): which secrets to keep, where, and what a restore needs. {@code docs/operations.md}
 * describes the same ceremony.
 */
@Component
@Order(1)
@ConditionalOnBooleanProperty(name = "passerelle.backup.recovery-sheet", matchIfMissing = true)
class RecoverySheet implements ApplicationRunner {

    private final BackupRepository repository;
    private final BackupSettings settings;
    private final Path keys;
    private final Clock clock;

    RecoverySheet(BackupRepository repository, BackupSettings settings, DatabaseProperties database, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.keys = database.dataDirectory().toAbsolutePath().normalize().resolve("keys");
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (repository.firstRecoverySheet(clock.instant())) {
            print(System.out);
        }
    }

    void print(PrintStream out) {
        out.println(String.join(
                "\n",
                "",
                "==================== PASSERELLE RECOVERY SHEET (shown once) ====================",
                "Backups go to " + settings.directory().toAbsolutePath().normalize() + " (" + settings.keep()
                        + " kept, schedule " + settings.cron() + "), with erasures.journal.",
                "A backup is restored ONLY with the key directory " + keys + ". Keep, apart from the backups:",
                "  1. master.key (or PASSERELLE_MASTER_KEY): offline, e.g. a USB key in the office safe,",
                "     and a second copy with the head of mission. Never on the backup disk.",
                "  2. epochs/<n>.key: copy it again after EVERY key rotation and destroy the old copy;",
                "     a backup is readable only while its epoch file exists (erasures depend on it).",
                "  3. audit.key and totp.key: with the master key; the audit key verifies the log.",
                "  4. The first administrator's password and second-factor recovery codes: in a",
                "     password manager or a sealed envelope.",
                "Restore: ./passerelle restore FILE --keys KEY-DIRECTORY into a new, empty data directory.",
                "See docs/operations.md, \"Backups and restore\".",
                "================================================================================",
                ""));
    }
}
