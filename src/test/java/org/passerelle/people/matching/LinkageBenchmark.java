package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * Timed runs on generated persons (not a test: run by {@code bench/linkage.sh}). For each size:
 * preparing the records, training on a sample, the full scan (blocking and scoring every
 * candidate pair with the trained model), and single look-ups through an in-memory index of the
 * blocking keys standing in for the database index.
 *
 * <pre>java ... LinkageBenchmark 100000 1000000</pre>
 */
public final class LinkageBenchmark {

    private static final int TRAINING_SAMPLE = 50_000;
    private static final int LOOKUPS = 2_000;
    private static final double RECORDS_PER_PERSON = 1.9;

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
        for (int size : sizes) {
            run(size);
        }
    }

    private static void run(int size) {
        long start = System.nanoTime();
        List<SetRecord> records = new TransliterationSet(size)
                .generate((int) (size / RECORDS_PER_PERSON) + 1, 0)
                .subList(0, size);
        double generated = seconds(start);
        start = System.nanoTime();
        List<MatchablePerson> persons = records.parallelStream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        double prepared = seconds(start);
        Linker<MatchablePerson> linker = PersonMatching.linker();
        start = System.nanoTime();
        FellegiSunterModel model = linker.trainDeduplication(persons.subList(0, Math.min(TRAINING_SAMPLE, size)), 1)
                .model();
        double trained = seconds(start);
        start = System.nanoTime();
        long candidatePairs = linker.countCandidatePairs(persons);
        double blocked = seconds(start);
        System.out.printf(Locale.ROOT, "  blocking alone: %,d candidate pairs in %.1f s%n", candidatePairs, blocked);
        start = System.nanoTime();
        List<ScoredPair> matches = linker.deduplicate(persons, model, model.scoreFor(0.5));
        double scanned = seconds(start);
        System.out.printf(
                Locale.ROOT,
                "%,d records: generate %.1f s, prepare %.1f s, train on %,d %.1f s, full scan %.1f s (%,d pairs at p >= 0.5)%n",
                size,
                generated,
                prepared,
                Math.min(TRAINING_SAMPLE, size),
                trained,
                scanned,
                matches.size());
        lookUps(linker, model, persons);
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

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
