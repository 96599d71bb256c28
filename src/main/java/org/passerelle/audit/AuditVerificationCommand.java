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
        if (result.intact()) {
            System.out.printf("Audit log intact: %d entries, head %s%n", result.entries(), result.headHash());
            if (result.checkpointPosition() != null) {
                System.out.printf("The chain holds the last checkpoint, position %d%n", result.checkpointPosition());
            }
            if (result.anchorPosition() != null) {
                System.out.printf(
                        "Entries up to position %d were removed at the end of their retention period%n",
                        result.anchorPosition());
            }
        } else {
            System.out.printf("Audit log BROKEN: %d problems in %d entries%n", result.problemCount(), result.entries());
            result.problems().forEach(problem -> System.out.printf("  %s: %s%n", problem.kind(), problem.detail()));
        }
        int code = result.intact() ? 0 : BROKEN;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
