package org.passerelle.demo;

import org.passerelle.sites.SiteDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo data at start-up when {@code passerelle.demo.enabled=true} (environment
 * variable {@code PASSERELLE_DEMO=true}) and the database has no programme yet; otherwise does
 * nothing, so it is safe to leave on. Runs after the first administrator is created. Every demo
 * user's password is {@value DemoOrganisation#DEMO_PASSWORD}: demo data is for demonstrations,
 * training and load tests, never for a server holding real data.
 *
 * <p>Properties ({@link DemoProperties}): {@code passerelle.demo.persons} (400),
 * {@code passerelle.demo.consultations-per-person} (average, 10), {@code passerelle.demo.seed}
 * (2026) and {@code passerelle.demo.batch-size} (5000). A large set loads from the command line:
 * {@code java -jar target/passerelle.jar --passerelle.demo.enabled=true --passerelle.demo.persons=1000000}.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final DemoProperties properties;
    private final SiteDirectory sites;
    private final DemoLoader loader;
    private final JdbcTemplate jdbc;

    DemoData(DemoProperties properties, SiteDirectory sites, DemoLoader loader, JdbcTemplate jdbc) {
        this.properties = properties;
        this.sites = sites;
        this.loader = loader;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.enabled()) {
            return;
        }
        if (!sites.programmes().isEmpty()) {
            log.info("Demo data not loaded: the database already has programmes");
            return;
        }
        log.info(
                "Loading demo data: {} persons, about {} consultations each (seed {})",
                properties.persons(),
                properties.consultationsPerPerson(),
                properties.seed());
        DemoLoader.LoadReport report = loader.load(
                properties.persons(),
                properties.consultationsPerPerson(),
                properties.seed(),
                properties.batchSize(),
                properties.sites(),
                properties.scale());
        log.info(
                "Demo data loaded: {} persons and {} consultations in {} ms ({} rows/s)",
                report.persons(),
                report.consultations(),
                report.duration().toMillis(),
                Math.round(report.rowsPerSecond()));
        // after a bulk load, refresh the planner's statistics and the visibility map at once rather
        // than whenever autovacuum comes round: look-ups are then as fast as on a settled database
        long start = System.nanoTime();
        jdbc.execute("vacuum (analyze)");
        log.info("Database vacuumed and analysed after the load in {} ms", (System.nanoTime() - start) / 1_000_000);
    }
}
