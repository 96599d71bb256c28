package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.List;
import org.passerelle.people.matching.FieldRegistry.Registration;

/**
 * The duplicate scan's engine on a generated {@link FieldRegistry}, as the scan runs it: the
 * weights chosen by {@link ScanWeights} (EM on the registry, or the hand-set fallback), the pairs
 * at a match probability of at least the scan's threshold for those weights.
 *
 * <pre>java ... FieldScanEvaluation [people] [seed]</pre>
 */
public final class FieldScanEvaluation {

    private FieldScanEvaluation() {}

    /** The scan's weights and the measure of its pairs. */
    public record Outcome(ScanWeights.Estimate weights, FieldScanReport report) {}

    public static Outcome run(List<Registration> registry, long seed) {
        return run(registry, seed, ReviewLabels.empty());
    }

    /** The same with the review queue's decisions so far. */
    public static Outcome run(List<Registration> registry, long seed, ReviewLabels labels) {
        List<MatchablePerson> persons = registry.stream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        ScanWeights.Estimate weights = ScanWeights.estimate(persons, seed, labels);
        FellegiSunterModel model = weights.model();
        List<ScoredPair> pairs = PersonMatching.linker()
                .deduplicate(
                        persons,
                        model,
                        model.scoreFor(weights.threshold()),
                        NameFrequencies.of(persons).within(model));
        List<FieldScanReport.Proposed> proposed = new ArrayList<>();
        for (ScoredPair pair : pairs) {
            proposed.add(new FieldScanReport.Proposed(
                    registry.get(pair.first()).id(), registry.get(pair.second()).id()));
        }
        return new Outcome(weights, FieldScanReport.of(registry, proposed));
    }

    public static void main(String[] args) {
        int people = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : FieldRegistry.SEED;
        List<Registration> registry = new FieldRegistry(seed).generate(people);
        long start = System.nanoTime();
        Outcome outcome = run(registry, seed);
        System.out.printf(
                "field registry: %d people, %d registrations, %d true pairs, seed %d (%d ms)%n",
                people,
                registry.size(),
                FieldRegistry.truePairs(registry),
                seed,
                (System.nanoTime() - start) / 1_000_000);
        System.out.printf(
                "weights: %s (fallback %s, %d EM iterations)%n",
                outcome.weights().kind(),
                outcome.weights().fallback(),
                outcome.weights().iterations());
        System.out.print(outcome.report());
        if (args.length > 2) {
            System.out.println("used: " + outcome.weights().model());
            System.out.println("EM:   " + outcome.weights().estimated());
        }
    }
}
