package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every hour ({@code passerelle.erasure.rotation-check}) whether an erasure has waited the
 * longest it may ({@code passerelle.erasure.rotation-max-delay}, 7 days by default) for the next
 * rotation of the key epochs, or whether a rotation was interrupted, and rotates then. Only the
 * server runs it, not the operator commands.
 */
@Component
@ConditionalOnWebApplication
class KeyRotationJob {

    private final KeyRotation rotation;
    private final Clock clock;

    KeyRotationJob(KeyRotation rotation, Clock clock) {
        this.rotation = rotation;
        this.clock = clock;
    }

    @Scheduled(
            fixedDelayString = "${passerelle.erasure.rotation-check:PT1H}",
            initialDelayString = "${passerelle.erasure.rotation-check:PT1H}")
    void run() {
        runAt(clock.instant());
    }

    /** Rotates if a rotation is due at {@code now}; returns whether it rotated. */
    boolean runAt(Instant now) {
        if (!rotation.due(now)) {
            return false;
        }
        rotation.rotate();
        return true;
    }
}
