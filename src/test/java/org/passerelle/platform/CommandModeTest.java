package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passerelle.PasserelleApplication;
import org.passerelle.audit.AuditChain;
import org.passerelle.platform.crypto.KeyEpochs;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The operator commands (verify-audit, rotate-master-key) start Passerelle without its web server,
 * and so without the retention job.
 */
class CommandModeTest {

    @TempDir
    Path dataDirectory;

    @Test
    void startsWithoutTheWebServerForOperatorCommands() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PasserelleApplication.class)
                .web(WebApplicationType.NONE)
                .run(
                        "--passerelle.database.data-directory=" + dataDirectory,
                        "--passerelle.admin.initial-password=" + PasserelleTest.ADMIN_PASSWORD,
                        "--logging.structured.format.console=")) {
            AuditChain.Verification verification =
                    context.getBean(AuditChain.class).verify();

            assertThat(verification.intact()).isTrue();
            assertThat(verification.entries())
                    .as("the first administrator's creation is audited")
                    .isPositive();
            assertThat(context.getBean(KeyEpochs.class).rewrapWithCurrentMasterKey())
                    .isZero();
            assertThat(context.containsBean("retentionJob"))
                    .as("an operator command never purges")
                    .isFalse();
        }
    }
}
