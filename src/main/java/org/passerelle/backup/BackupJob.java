package org.passerelle.backup;

import org.passerelle.people.KeyEpochsRotated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The scheduled backup ({@code passerelle.backup.cron}, daily by default), and a new backup after
 * each rotation of the key epochs: the rotation made every earlier backup unreadable, so without one
 * there would be nothing to restore until the next scheduled backup.
 */
@Component
class BackupJob {

    private static final Logger log = LoggerFactory.getLogger(BackupJob.class);

    private final Backups backups;

    BackupJob(Backups backups) {
        this.backups = backups;
    }

    @Scheduled(cron = "${passerelle.backup.cron:0 30 1 * * *}", zone = "${passerelle.time-zone:Europe/Paris}")
    void scheduled() {
        run(Backups.MadeBy.SCHEDULE);
    }

    @EventListener
    void afterRotation(KeyEpochsRotated rotated) {
        run(Backups.MadeBy.KEY_ROTATION);
    }

    private void run(Backups.MadeBy madeBy) {
        try {
            backups.backUp(madeBy);
        } catch (RuntimeException e) {
            log.error("The backup ({}) failed: {}", madeBy, e.getMessage());
        }
    }
}
