package org.passerelle.people;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.DuplicateViews.Scan;
import org.passerelle.people.matching.FellegiSunterModel;
import org.passerelle.people.matching.FieldComparison;
import org.passerelle.people.matching.Linker;
import org.passerelle.people.matching.MatchExplanation;
import org.passerelle.people.matching.MatchablePerson;
import org.passerelle.people.matching.NameFrequencies;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.ReviewLabels;
import org.passerelle.people.matching.ScanWeights;
import org.passerelle.people.matching.ScoredPair;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The batch duplicate scan: reads the whole registry, estimates the engine's weights on it by
 * expectation maximisation (without labels), compares every pair that shares a blocking key and
 * puts the pairs likely to be one person in the review queue. Pairs a data officer judged to be
 * different people never return. One scan runs at a time, in the background; data officers start
 * one, and the server runs one every night ({@link DuplicateScanJob}).
 */
@Service
public class DuplicateScans {

    static final String RECORD_TYPE = "duplicate-scan";
    private static final Logger log = LoggerFactory.getLogger(DuplicateScans.class);

    /** Persons read, opened and prepared per batch. */
    private static final int BATCH = 20_000;

    private static final Linker<MatchablePerson> LINKER = PersonMatching.linker();

    private final RegistryReader registry;
    private final DuplicateRepository duplicates;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    /** The probability from which pairs are proposed; 0 or less: the one chosen for the scan's weights. */
    private final double threshold;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofPlatform()
            .name("duplicate-scan")
            .daemon(true)
            .priority(Thread.MIN_PRIORITY)
            .factory());

    DuplicateScans(
            RegistryReader registry,
            DuplicateRepository duplicates,
            CurrentUsers currentUsers,
            AuditLog audit,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${passerelle.duplicates.threshold:0}") double threshold) {
        this.registry = registry;
        this.duplicates = duplicates;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.transactions = transactions;
        this.clock = clock;
        this.threshold = threshold;
    }

    /** Starts a scan for the current data officer; refuses while another one runs. */
    public Scan start() {
        CurrentUser user = DuplicateReview.requireDataOfficer(currentUsers.current());
        UUID id = Ids.newId();
        Scan scan = transactions.execute(status -> {
            if (!duplicates.startScan(id, clock.instant(), user.id())) {
                throw PeopleProblems.duplicateScanRunning();
            }
            audit.record(AuditAction.CREATE, RECORD_TYPE, id);
            runAfterCommit(id);
            return duplicates.scan(id).orElseThrow();
        });
        return java.util.Objects.requireNonNull(scan);
    }

    /** Starts a scan on behalf of the system (the nightly job); does nothing while another runs. */
    void startScheduled() {
        transactions.executeWithoutResult(status -> begin("SCHEDULED").ifPresent(this::runAfterCommit));
    }

    /**
     * Runs a whole scan in the calling thread on behalf of the system ({@code ./passerelle
     * scan-duplicates}); refuses while another runs.
     */
    Scan scanNow() {
        UUID id = transactions.execute(
                status -> begin("COMMAND").orElseThrow(() -> PeopleProblems.duplicateScanRunning()));
        run(java.util.Objects.requireNonNull(id));
        return transactions.execute(status -> duplicates.scan(id).orElseThrow());
    }

    /** Records a new scan started by the system, audited with how it was started; empty while another runs. */
    private java.util.Optional<UUID> begin(String how) {
        UUID id = Ids.newId();
        if (!duplicates.startScan(id, clock.instant(), null)) {
            return java.util.Optional.empty();
        }
        audit.recordBySystem(AuditAction.CREATE, RECORD_TYPE, id, how);
        return java.util.Optional.of(id);
    }

    /** A scan, for data officers. */
    public Scan get(UUID id) {
        DuplicateReview.requireDataOfficer(currentUsers.current());
        return transactions.execute(
                status -> duplicates.scan(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE)));
    }

    /** Scans the whole registry now, in the calling thread (for the worker, tests and benchmarks). */
    void run(UUID scanId) {
        try {
            scan(scanId);
        } catch (RuntimeException e) {
            log.error("Duplicate scan {} failed", scanId, e);
            transactions.executeWithoutResult(status -> duplicates.failScan(scanId, clock.instant()));
        }
    }

    private void runAfterCommit(UUID id) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                worker.submit(() -> run(id));
            }
        });
    }

    private void scan(UUID scanId) {
        long start = System.nanoTime();
        List<UUID> ids = new ArrayList<>();
        List<MatchablePerson> persons = new ArrayList<>();
        registry.forEach(BATCH, batch -> {
            persons.addAll(batch.parallelStream()
                    .map(entry -> MatchablePerson.of(entry.person()))
                    .toList());
            batch.forEach(entry -> ids.add(entry.id()));
        });
        long loaded = System.nanoTime();
        ScanWeights.Estimate estimate = estimate(persons, scanId);
        long trained = System.nanoTime();
        FellegiSunterModel model = estimate.model();
        NameFrequencies frequencies = NameFrequencies.of(persons).within(model);
        List<ScoredPair> pairs = LINKER.deduplicate(
                persons, model, model.scoreFor(threshold > 0 ? threshold : estimate.threshold()), frequencies);
        Set<String> judgedDifferent = transactions.execute(status -> duplicates.notDuplicates());
        List<DuplicateRepository.Found> found = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            UUID first = ids.get(pair.first());
            UUID second = ids.get(pair.second());
            boolean ordered = Ids.compareAsDatabase(first, second) < 0;
            UUID a = ordered ? first : second;
            UUID b = ordered ? second : first;
            if (judgedDifferent != null && judgedDifferent.contains(DuplicateRepository.pairKey(a, b))) {
                continue;
            }
            MatchExplanation why =
                    LINKER.explain(persons.get(pair.first()), persons.get(pair.second()), model, frequencies);
            found.add(new DuplicateRepository.Found(
                    a,
                    b,
                    pair.probability(),
                    pair.score(),
                    why.contributions().stream()
                            .map(MatchExplanation.Contribution::level)
                            .toList(),
                    why.contributions().stream()
                            .mapToDouble(MatchExplanation.Contribution::weight)
                            .toArray()));
        }
        long compared = System.nanoTime();
        transactions.executeWithoutResult(status -> {
            int proposed = duplicates.storeFindings(scanId, clock.instant(), found);
            duplicates.finishScan(
                    scanId,
                    clock.instant(),
                    estimate,
                    model,
                    levels(),
                    reasonFields(model),
                    persons.size(),
                    proposed,
                    millis(start, loaded),
                    millis(loaded, trained),
                    millis(trained, compared));
        });
        log.info(
                "Duplicate scan {}: {} persons, {} pairs proposed, read {} ms, weights {} ms, compare {} ms",
                scanId,
                persons.size(),
                found.size(),
                millis(start, loaded),
                millis(loaded, trained),
                millis(trained, compared));
    }

    /**
     * The weights of a scan ({@link ScanWeights}): m learnt from the review queue's merges once there
     * are enough, else EM on a random sample of the registry estimates m and the prior; u is measured
     * on random pairs of the registry; when EM does not converge or its m are implausible the hand-set
     * m serve with the measured u, and the scan records why.
     */
    private ScanWeights.Estimate estimate(List<MatchablePerson> persons, UUID scanId) {
        ReviewLabels labels =
                java.util.Objects.requireNonNull(transactions.execute(status -> duplicates.reviewLabels()));
        ScanWeights.Estimate estimate = ScanWeights.estimate(persons, scanId.getLeastSignificantBits(), labels);
        log.info(
                "Duplicate scan {}: weights {} (EM fallback {} after {} iterations, {} merges to learn from): {}",
                scanId,
                estimate.kind(),
                estimate.fallback(),
                estimate.iterations(),
                estimate.merges(),
                estimate.model());
        return estimate;
    }

    /** The names of what each pair's reasons hold: the model's fields, then the name frequency adjustment. */
    private static List<String> reasonFields(FellegiSunterModel model) {
        List<String> fields = new ArrayList<>(model.fields());
        fields.add(NameFrequencies.NAME);
        return fields;
    }

    static List<List<String>> levels() {
        return PersonMatching.settings().fields().stream()
                .map(FieldComparison::levels)
                .toList();
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Scans a stopped server left running will never finish: they are marked as failed. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        Integer failed = transactions.execute(status -> duplicates.failInterruptedScans(clock.instant()));
        if (failed != null && failed > 0) {
            log.warn("{} duplicate scan(s) interrupted by a stop marked as failed", failed);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    @Nullable
    Scan latest() {
        return duplicates.latestScan().orElse(null);
    }
}
