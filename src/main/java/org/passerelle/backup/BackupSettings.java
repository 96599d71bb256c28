package org.passerelle.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and when backups are made ({@code passerelle.backup.*}).
 *
 * @param directory where the backup files go: another disk, a mounted share or a USB drive, never
 *     the key directory ({@code PASSERELLE_BACKUP_DIR})
 * @param cron when the scheduled backup runs, in the teams' time zone; {@code -} for never
 *     ({@code PASSERELLE_BACKUP_CRON}, daily at 01:30 by default)
 * @param keep how many backups are kept; older ones are deleted after each new one
 *     ({@code PASSERELLE_BACKUP_KEEP})
 */
@ConfigurationProperties("passerelle.backup")
public record BackupSettings(
        @DefaultValue("./backups") Path directory,
        @DefaultValue("0 30 1 * * *") String cron,
        @DefaultValue("14") int keep) {

    public BackupSettings {
        if (keep < 1) {
            throw new IllegalArgumentException("passerelle.backup.keep must keep at least one backup");
        }
    }
}
