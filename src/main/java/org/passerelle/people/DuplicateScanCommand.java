package org.passerelle.people;

import java.util.Locale;
import org.passerelle.people.DuplicateViews.Scan;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code ./passerelle scan-duplicates}: scans the whole registry for duplicates now (after a large
 * import, say), prints what it found and how long each step took, and exits with 0, or 1 when the
 * scan failed or another was running. The pairs found wait in the data officers' review queue.
 */
@Component
@Order(-10)
@ConditionalOnBooleanProperty("passerelle.duplicates.scan-and-exit")
class DuplicateScanCommand implements ApplicationRunner {

    private final DuplicateScans scans;
    private final ConfigurableApplicationContext context;

    DuplicateScanCommand(DuplicateScans scans, ConfigurableApplicationContext context) {
        this.scans = scans;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        int code;
        try {
            Scan scan = scans.scanNow();
            code = scan.status().equals("DONE") ? 0 : 1;
            System.out.printf(
                    Locale.ROOT,
                    "Duplicate scan %s: %s; %d persons, %d pairs waiting for review; weights %s;%n"
                            + "  read and prepare %.1f s, estimate weights %.1f s, compare %.1f s, total %.1f s%n",
                    scan.id(),
                    scan.status(),
                    scan.persons() == null ? 0 : scan.persons(),
                    scan.proposed() == null ? 0 : scan.proposed(),
                    switch (String.valueOf(scan.model())) {
                        case "REGISTRY" -> "estimated by EM on the registry";
                        case "MEASURED" -> "hand-set m, u measured on the registry";
                        default -> "default";
                    },
                    seconds(scan.loadMillis()),
                    seconds(scan.trainMillis()),
                    seconds(scan.compareMillis()),
                    seconds(scan.loadMillis()) + seconds(scan.trainMillis()) + seconds(scan.compareMillis()));
        } catch (RuntimeException e) {
            System.out.println("Duplicate scan not run: " + e.getMessage());
            code = 1;
        }
        int exit = code;
        System.exit(SpringApplication.exit(context, () -> exit));
    }

    private static double seconds(@org.jspecify.annotations.Nullable Long millis) {
        return millis == null ? 0 : millis / 1000.0;
    }
}
