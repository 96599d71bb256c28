package org.passerelle.people;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Scans the registry for duplicates every night ({@code passerelle.duplicates.cron}, 02:30 by
 * default), unless {@code passerelle.duplicates.scheduled} is false; only the server runs it.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "passerelle.duplicates.scheduled", matchIfMissing = true)
class DuplicateScanJob {

    private final DuplicateScans scans;

    DuplicateScanJob(DuplicateScans scans) {
        this.scans = scans;
    }

    @Scheduled(cron = "${passerelle.duplicates.cron:0 30 2 * * *}", zone = "${passerelle.time-zone:Europe/Paris}")
    void run() {
        scans.startScheduled();
    }
}
