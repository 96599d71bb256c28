package org.passerelle.backup;

import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle backup [DIR]} with Passerelle stopped: makes one backup into the backup
 * directory, reads it back, prints its name, size and time, and exits with 0, or 1 when it failed.
 * (With Passerelle running, the script asks the running server instead: {@link BackupRequests}.)
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.backup.backup-and-exit")
class BackupCommand implements ApplicationRunner {

    private final Backups backups;
    private final BackupSettings settings;
    private final ConfigurableApplicationContext context;

    BackupCommand(Backups backups, BackupSettings settings, ConfigurableApplicationContext context) {
        this.backups = backups;
        this.settings = settings;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            System.out.println(describe(backups.backUp(Backups.MadeBy.COMMAND), settings));
            code = 0;
        } catch (RuntimeException e) {
            System.out.println("Backup not made: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    static String describe(BackupRepository.Run run, BackupSettings settings) {
        return String.format(
                Locale.ROOT,
                "Backup written and verified: %s (%.1f MB in %.1f s, key epoch %d)",
                settings.directory().toAbsolutePath().normalize().resolve(run.fileName()),
                run.sizeBytes() / 1e6,
                run.millis() / 1000.0,
                run.epoch());
    }
}
