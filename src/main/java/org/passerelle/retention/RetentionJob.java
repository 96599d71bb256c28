package org.passerelle.retention;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges what has outlived its retention rule every day ({@code passerelle.retention.cron}, 03:30 by
 * default, in the teams' time zone), unless {@code passerelle.retention.enabled} is false. Only the server runs it: the
 * operator commands (verify-audit, rotate-master-key) start without a web server and so without it.
 */
@Component
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "passerelle.retention.enabled", matchIfMissing = true)
class RetentionJob {

    private final Retention retention;

    RetentionJob(Retention retention) {
        this.retention = retention;
    }

    @Scheduled(cron = "${passerelle.retention.cron:0 30 3 * * *}", zone = "${passerelle.time-zone:Europe/Paris}")
    void run() {
        retention.purge();
    }
}
