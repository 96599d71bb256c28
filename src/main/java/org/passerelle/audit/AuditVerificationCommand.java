package org.passerelle.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle verify-audit}: verifies the audit chain, prints the result and exits with 0
 * when the chain is intact and 3 when it is broken.
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.audit.verify-and-exit")
class AuditVerificationCommand implements ApplicationRunner {

    static final int BROKEN = 3;

    private final AuditChain chain;
    private final AuditSealer sealer;
    private final ConfigurableApplicationContext context;

    AuditVerificationCommand(AuditChain chain, AuditSealer sealer, ConfigurableApplicationContext context) {
        this.chain = chain;
        this.sealer = sealer;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        sealer.sealNow();
        AuditChain.Verification result = chain.verify();
        VerificationReport.print(result, "Audit log", System.out);
        int code = result.intact() ? 0 : BROKEN;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
