package org.passerelle.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle export-audit FILE}: writes the audit log to a new file for an auditor, who
 * checks it with {@code ./passerelle verify-audit-export FILE} and the audit key alone. The export
 * is audited; an existing file is never overwritten.
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.audit.export-and-exit")
class AuditExportCommand implements ApplicationRunner {

    private final AuditExport export;
    private final Path file;
    private final ConfigurableApplicationContext context;

    AuditExportCommand(
            AuditExport export,
            @Value("${passerelle.audit.export-file}") Path file,
            ConfigurableApplicationContext context) {
        this.export = export;
        this.file = file;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        export.recordBySystem();
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW)) {
            export.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the audit export " + file, e);
        }
        System.out.printf("Audit log exported to %s%n", file.toAbsolutePath());
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
