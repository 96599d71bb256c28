package org.passerelle.platform.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle rotate-master-key}: re-wraps every person's key with the current master key
 * ({@code PASSERELLE_MASTER_KEY}), the old one being given in {@code PASSERELLE_PREVIOUS_MASTER_KEYS};
 * afterwards the old master key is no longer needed.
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.security.rewrap-and-exit")
class KeyRotationCommand implements ApplicationRunner {

    private final SubjectKeys keys;
    private final ConfigurableApplicationContext context;

    KeyRotationCommand(SubjectKeys keys, ConfigurableApplicationContext context) {
        this.keys = keys;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int rewrapped = keys.rewrapWithCurrentMasterKey();
        System.out.printf(
                "Re-wrapped %d keys with the current master key; the previous ones are no longer needed%n", rewrapped);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
