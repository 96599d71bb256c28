package org.passerelle.platform.crypto;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle rotate-master-key}: re-wraps the key epochs' files (which hold the keys that
 * wrap every person's key) with the current master key ({@code PASSERELLE_MASTER_KEY}), the old one
 * being given in {@code PASSERELLE_PREVIOUS_MASTER_KEYS}; afterwards the old master key is no longer
 * needed.
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.security.rewrap-and-exit")
class MasterKeyRewrapCommand implements ApplicationRunner {

    private final KeyEpochs epochs;
    private final ConfigurableApplicationContext context;

    MasterKeyRewrapCommand(KeyEpochs epochs, ConfigurableApplicationContext context) {
        this.epochs = epochs;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int rewrapped = epochs.rewrapWithCurrentMasterKey();
        System.out.printf(
                "Re-wrapped %d key epochs with the current master key; the previous ones are no longer needed%n",
                rewrapped);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
