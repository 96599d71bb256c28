package org.passerelle.people;

import java.util.Locale;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle rotate-keys}: rotates the key epochs now, Passerelle stopped (after erasing
 * many persons, or to measure how long a rotation takes), prints what it did and how long it took,
 * and exits with 0, or 1 when the rotation failed (it is then continued at the next start).
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.erasure.rotate-and-exit")
class KeyRotationCommand implements ApplicationRunner {

    private final KeyRotation rotation;
    private final ConfigurableApplicationContext context;

    KeyRotationCommand(KeyRotation rotation, ConfigurableApplicationContext context) {
        this.rotation = rotation;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            KeyRotation.Rotation done = rotation.rotate();
            System.out.printf(
                    Locale.ROOT,
                    "Key epoch %d in use: %d keys re-wrapped, %d persons indexed again in %.1f s "
                            + "(re-wrap %.1f s, re-index %.1f s, old entries deleted and WAL switched %.1f s); "
                            + "older epochs destroyed%n",
                    done.epoch(),
                    done.keysRewrapped(),
                    done.personsIndexed(),
                    done.millis() / 1000.0,
                    done.rewrapMillis() / 1000.0,
                    done.indexMillis() / 1000.0,
                    (done.millis() - done.rewrapMillis() - done.indexMillis()) / 1000.0);
            code = 0;
        } catch (RuntimeException e) {
            System.out.println("Key rotation not finished: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }
}
