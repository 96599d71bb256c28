package org.passerelle.people.matching;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * Timed runs on generated persons (not a test: run by {@code bench/linkage.sh}). For each size:
 * preparing the records, training on a sample, the full scan (blocking and scoring every
 * candidate pair with the trained model), and single look-ups through an in-memory index of the
 * blocking keys standing in for the database index. Since the generator knows who is who, it also
 * reports the share of true pairs blocking keeps as candidates and how many of the pairs found are
 * true, and the peak heap in use (sampled every 20 ms) during each step. The weights are chosen as
 * the duplicate scan chooses them: EM's on the sample when plausible, else the hand-set m with the u
 * measured on the sample and a prior of 5 % duplicates. With {@code
 * -Dpasserelle.linkage.otherScans=true} it also times the scan under the hand-set default weights
 * (which let many more pairs through) and every candidate pair compared on all fields.
 *
 * <pre>java ... LinkageBenchmark 100000 1000000</pre>
 */
public final class LinkageBenchmark {

    private static final int TRAINING_SAMPLE = 50_000;
    private static final int LOOKUPS = 2_000;
    private static final double RECORDS_PER_PERSON = 1.9;
    private static final long SAMPLING_MILLIS = 20;

    private LinkageBenchmark() {}

    public static void main(String[] args) {
        int[] sizes = args.length == 0
                ? new int[] {100_000}
                : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        System.out.printf(
                Locale.ROOT,
                "cores %d, max heap %d MB%n",
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        HeapPeak heap = new HeapPeak();
        for (int size : sizes) {
            run(size, heap);
        }
    }

    private static void run(int size, HeapPeak heap) {
        long start = System.nanoTime();
        List<SetRecord> records = new TransliterationSet(size)
                .generate((int) (size / RECORDS_PER_PERSON) + 1, 0)
                .subList(0, size);
        double generated = seconds(start);
        settle();

        heap.reset();
        start = System.nanoTime();
        List<MatchablePerson> persons = records.parallelStream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        double prepared = seconds(start);
        long preparedHeap = heap.peakMegabytes();

        Linker<MatchablePerson> linker = PersonMatching.linker();
        int sample = Math.min(TRAINING_SAMPLE, size);
        heap.reset();
        start = System.nanoTime();
        Linker.Training training = linker.trainDeduplication(persons.subList(0, sample), 1);
        boolean estimated = training.converged() && plausible(training.model());
        FellegiSunterModel model = estimated
                ? training.model()
                : PersonMatching.defaultModelWithMeasuredU(training.model(), assumedPrior(size));
        double trained = seconds(start);
        long trainedHeap = heap.peakMegabytes();

        heap.reset();
        start = System.nanoTime();
        List<ScoredPair> matches = linker.deduplicate(persons, model, model.scoreFor(0.5));
        double scanned = seconds(start);
        long scannedHeap = heap.peakMegabytes();
        start = System.nanoTime();
        matches.forEach(pair -> linker.explain(persons.get(pair.first()), persons.get(pair.second()), model));
        double explained = seconds(start);

        System.out.printf(
                Locale.ROOT,
                "%,d records: generate %.1f s, prepare %.1f s, train on %,d %.1f s, full scan %.1f s"
                        + " (%,d pairs at p >= 0.5); prepare + train + scan %.1f s%n",
                size,
                generated,
                prepared,
                sample,
                trained,
                scanned,
                matches.size(),
                prepared + trained + scanned);
        System.out.printf(
                Locale.ROOT,
                "  peak heap in use: prepare %,d MB, train %,d MB, scan %,d MB%n",
                preparedHeap,
                trainedHeap,
                scannedHeap);
        System.out.printf(
                Locale.ROOT,
                "  training: %,d candidate pairs in the sample, EM %d iterations, converged %s; weights %s,"
                        + " threshold %.2f; explaining the pairs found %.1f s%n",
                training.candidatePairs(),
                training.iterations(),
                training.converged(),
                estimated ? "estimated by EM" : "hand-set m with measured u (EM's m implausible)",
                model.scoreFor(0.5),
                explained);
        blocking(linker, records, persons, matches);
        if (Boolean.getBoolean("passerelle.linkage.otherScans")) {
            otherScans(linker, records, persons);
        }
        lookUps(linker, model, persons);
    }

    /**
     * Whether EM's m are plausible, as the duplicate scan judges them ({@code people.DuplicateScans}):
     * agreeing fully on names and on the birth date counts for a match, disagreeing fully against.
     */
    private static boolean plausible(FellegiSunterModel model) {
        for (int f = 0; f < 2; f++) {
            int last = PersonMatching.settings().fields().get(f).levels().size() - 1;
            if (!(model.weight(f, 0) > 3 && model.weight(f, last) < -1 && model.m(f, last) < 0.3)) {
                return false;
            }
        }
        return true;
    }

    /** The prior of the duplicate scan when EM's m are set aside: 5 % of the persons are duplicates. */
    private static double assumedPrior(int persons) {
        double pairs = Math.max(1.0, persons * (persons - 1.0) / 2);
        return Math.min(0.5, Math.max(1.0, 0.05 * persons) / pairs);
    }

    /** Candidate pairs, the true pairs blocking keeps, and the true pairs among those found. */
    private static void blocking(
            Linker<MatchablePerson> linker,
            List<SetRecord> records,
            List<MatchablePerson> persons,
            List<ScoredPair> matches) {
        long start = System.nanoTime();
        CandidatePairs candidates = linker.deduplicationPairs(persons);
        long candidatePairs = linker.countCandidatePairs(candidates);
        double blocked = seconds(start);
        Map<Integer, List<Integer>> byPerson = new HashMap<>();
        for (int i = 0; i < records.size(); i++) {
            byPerson.computeIfAbsent(records.get(i).person(), p -> new ArrayList<>(4))
                    .add(i);
        }
        long truePairs = 0;
        long kept = 0;
        for (List<Integer> cluster : byPerson.values()) {
            for (int a = 0; a < cluster.size(); a++) {
                for (int b = a + 1; b < cluster.size(); b++) {
                    truePairs++;
                    kept += candidates.isCandidate(cluster.get(a), cluster.get(b)) ? 1 : 0;
                }
            }
        }
        long found = matches.stream()
                .filter(p -> records.get(p.first()).person()
                        == records.get(p.second()).person())
                .count();
        System.out.printf(
                Locale.ROOT,
                "  blocking alone: %,d candidate pairs in %.1f s, keeping %,d of %,d true pairs (%.4f)%n",
                candidatePairs,
                blocked,
                kept,
                truePairs,
                kept / (double) truePairs);
        System.out.printf(Locale.ROOT, "  pairs found: %s%n", new PairwiseMetrics(found, matches.size(), truePairs));
    }

    /**
     * The scan's cost depends on the model, since pairs that cannot reach the threshold are dropped
     * early: the same scan with the hand-set default model (whose threshold many more pairs pass),
     * and every candidate pair compared on all fields, as training does.
     */
    private static void otherScans(
            Linker<MatchablePerson> linker, List<SetRecord> records, List<MatchablePerson> persons) {
        FellegiSunterModel model = PersonMatching.defaultModel();
        long start = System.nanoTime();
        List<ScoredPair> matches = linker.deduplicate(persons, model, model.scoreFor(0.5));
        double scanned = seconds(start);
        long found = matches.stream()
                .filter(p -> records.get(p.first()).person()
                        == records.get(p.second()).person())
                .count();
        System.out.printf(
                Locale.ROOT,
                "  full scan with the default model (threshold %.2f): %.1f s, %,d pairs at p >= 0.5, %,d true%n",
                model.scoreFor(0.5),
                scanned,
                matches.size(),
                found);
        start = System.nanoTime();
        CandidatePairs candidates = linker.deduplicationPairs(persons);
        long compared = candidates
                .visit(() -> new CandidatePairs.PairVisitor() {
                    long vectors;

                    @Override
                    public void visit(int first, int second) {
                        vectors += linker.packedComparison(persons.get(first), persons.get(second)) == 0 ? 0 : 1;
                    }

                    @Override
                    public String toString() {
                        return Long.toString(vectors);
                    }
                })
                .stream()
                .mapToLong(v -> Long.parseLong(v.toString()))
                .sum();
        System.out.printf(
                Locale.ROOT,
                "  every candidate pair compared on all fields: %.1f s (%,d vectors)%n",
                seconds(start),
                compared);
    }

    /** Look-ups of records of the set against all others, through a map of blocking keys. */
    private static void lookUps(
            Linker<MatchablePerson> linker, FellegiSunterModel model, List<MatchablePerson> persons) {
        long start = System.nanoTime();
        Map<String, List<Integer>> index = new HashMap<>();
        for (int i = 0; i < persons.size(); i++) {
            for (String key : linker.blockingKeys(persons.get(i))) {
                index.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
            }
        }
        double indexed = seconds(start);
        SplittableRandom random = new SplittableRandom(3);
        long[] nanos = new long[LOOKUPS];
        double minScore = model.scoreFor(0.5);
        for (int q = 0; q < LOOKUPS; q++) {
            MatchablePerson query = persons.get(random.nextInt(persons.size()));
            long t = System.nanoTime();
            List<MatchablePerson> candidates = new ArrayList<>();
            java.util.Set<Integer> ids = new java.util.HashSet<>();
            for (String key : linker.blockingKeys(query)) {
                List<Integer> block = index.getOrDefault(key, List.of());
                if (block.size() <= PersonMatching.MAX_BLOCK_SIZE) {
                    ids.addAll(block);
                }
            }
            ids.forEach(id -> candidates.add(persons.get(id)));
            linker.lookUp(query, candidates, model, minScore);
            nanos[q] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf(
                Locale.ROOT,
                "  look-up: index of keys built in %.1f s; %d look-ups p50 %.2f ms, p95 %.2f ms, max %.2f ms%n",
                indexed,
                LOOKUPS,
                nanos[LOOKUPS / 2] / 1e6,
                nanos[LOOKUPS * 95 / 100] / 1e6,
                nanos[LOOKUPS - 1] / 1e6);
    }

    /** Collects the garbage of generating the records, which is not part of the timed steps. */
    @SuppressWarnings("SystemGc") // outside the timed steps, so that they do not pay for the generator
    private static void settle() {
        System.gc();
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The largest heap in use seen by a sampling thread since the last reset. */
    private static final class HeapPeak {
        private final AtomicLong peak = new AtomicLong();

        HeapPeak() {
            Thread sampler = new Thread(() -> {
                while (true) {
                    long used = ManagementFactory.getMemoryMXBean()
                            .getHeapMemoryUsage()
                            .getUsed();
                    peak.accumulateAndGet(used, Math::max);
                    try {
                        Thread.sleep(SAMPLING_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
        }

        void reset() {
            peak.set(0);
        }

        long peakMegabytes() {
            return peak.get() >> 20;
        }
    }
}
