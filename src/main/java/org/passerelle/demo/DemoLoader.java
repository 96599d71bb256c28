package org.passerelle.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.passerelle.care.ConsultationImport;
import org.passerelle.people.PersonImport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates the demo organisation and streams generated persons and consultations into the
 * database, one transaction per batch, generating the next batch while the current one is
 * written. Logs counts, progress and rates, never names.
 */
@Service
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    /** What was loaded and how long it took. */
    public record LoadReport(long persons, long consultations, Duration duration) {

        /** Persons and consultations written per second. */
        public double rowsPerSecond() {
            return (persons + consultations) / Math.max(0.001, duration.toNanos() / 1e9);
        }
    }

    private final OrganisationSetup setup;
    private final PersonImport personImport;
    private final ConsultationImport consultationImport;
    private final Clock clock;

    DemoLoader(OrganisationSetup setup, PersonImport personImport, ConsultationImport consultationImport, Clock clock) {
        this.setup = setup;
        this.personImport = personImport;
        this.consultationImport = consultationImport;
        this.clock = clock;
    }

    /** Creates the demo organisation and users, then loads {@code persons} persons and their consultations. */
    public LoadReport load(long persons, int consultationsPerPerson, long seed, int batchSize) {
        return load(persons, consultationsPerPerson, seed, batchSize, 8, DemoGenerator.Scale.STANDARD);
    }

    /**
     * Like {@link #load(long, int, long, int)}, for an organisation of {@code sites} sites and at
     * the given scale.
     */
    public LoadReport load(
            long persons, int consultationsPerPerson, long seed, int batchSize, int sites, DemoGenerator.Scale scale) {
        long start = System.nanoTime();
        DemoOrganisation organisation = setup.create(DemoOrganisation.plan(seed, sites));
        DemoGenerator generator =
                new DemoGenerator(organisation, seed, LocalDate.now(clock), consultationsPerPerson, scale);
        long personsWritten = 0;
        long consultationsWritten = 0;
        long batches = (persons + batchSize - 1) / batchSize;
        long lastProgress = System.nanoTime();
        try (ExecutorService background = Executors.newSingleThreadExecutor()) {
            CompletableFuture<DemoGenerator.Batch> next = generate(generator, 0, persons, batchSize, background);
            for (long i = 0; i < batches; i++) {
                DemoGenerator.Batch batch = next.join();
                next = generate(generator, i + 1, persons, batchSize, background);
                personsWritten += personImport.importBatch(batch.persons());
                consultationsWritten += consultationImport.importBatch(batch.consultations());
                if (!batch.groupSessions().isEmpty()) {
                    consultationsWritten += consultationImport.importBatch(batch.groupSessions());
                }
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                    lastProgress = System.nanoTime();
                    LoadReport sofar = new LoadReport(
                            personsWritten, consultationsWritten, Duration.ofNanos(lastProgress - start));
                    log.info(
                            "Demo data: {} persons and {} consultations so far, {} rows/s",
                            personsWritten,
                            consultationsWritten,
                            Math.round(sofar.rowsPerSecond()));
                }
            }
        }
        return new LoadReport(personsWritten, consultationsWritten, Duration.ofNanos(System.nanoTime() - start));
    }

    private static CompletableFuture<DemoGenerator.Batch> generate(
            DemoGenerator generator, long index, long persons, int batchSize, ExecutorService executor) {
        long first = index * batchSize;
        if (first >= persons) {
            return CompletableFuture.completedFuture(new DemoGenerator.Batch(first, List.of(), List.of()));
        }
        return CompletableFuture.supplyAsync(
                () -> generator.batch(first, (int) Math.min(batchSize, persons - first)), executor);
    }
}
