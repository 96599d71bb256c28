package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Chooses the weights of a duplicate scan over a whole registry: m learnt from the data officers'
 * decisions in the review queue once they have merged enough pairs, else estimated on the registry
 * by expectation maximisation when it is large enough and EM's answer is plausible, otherwise the
 * hand-set m; u is always measured on the registry, except for a registry too small to measure,
 * where the default weights serve. The scan and its evaluations use this one choice, so they judge
 * the same weights.
 */
public final class ScanWeights {

    /** Below this many persons the registry says too little for EM: the default weights serve. */
    public static final int MIN_PERSONS_FOR_ESTIMATION = 2_000;

    /** EM runs on a random sample of this many persons. */
    public static final int TRAINING_SAMPLE = 50_000;

    /**
     * The share of registrations that are someone already registered, assumed when EM cannot
     * estimate it: field reports put duplicates at a few percent of registrations.
     */
    public static final double ASSUMED_DUPLICATE_SHARE = 0.05;

    /**
     * The probability from which a scan proposes a pair, for weights with u measured on the registry:
     * chosen on field-like registries (tuning seeds 101, 202 and 303, 2,000 people), where those
     * weights are overconfident: 0.7 gives the best F1 (0.81-0.82, precision 0.85-0.87). 0.8 raises
     * precision near 0.90 but drops the recall of pairs registered with an estimated age below 0.6,
     * the people this engine must not miss.
     */
    public static final double MEASURED_THRESHOLD = 0.7;

    /**
     * The same for the default weights of a small registry, whose hand-set u are cautious: at 0.5
     * their precision on field-like registries of 300 people is already 0.92 to 0.96.
     */
    public static final double DEFAULT_THRESHOLD = 0.5;

    /**
     * At most this many pairs per person are taken to be one person: a prior estimated above that
     * (on a registry where many different people share names and birth dates, EM may take them for
     * duplicates) is brought back to it, so that such a registry never floods the review queue.
     */
    static final double MAX_DUPLICATE_PAIRS_PER_PERSON = 2;

    /** The merges of the review queue from which their m serve, pulled towards the hand-set m. */
    public static final int MIN_MERGES_TO_LEARN = 50;

    /** How many pairs' worth the hand-set m count for beside the merged pairs. */
    static final double HAND_SET_PAIRS = 50;

    /** How the weights were obtained. */
    public enum Kind {
        /** Estimated on this registry by EM. */
        REGISTRY,
        /** m learnt from the review queue's decisions, u measured on the registry. */
        LABELLED,
        /** Hand-set m, u measured on the registry: EM's estimate was implausible or did not settle. */
        MEASURED,
        /** Hand-set weights: the registry is too small to measure. */
        DEFAULT
    }

    /** Why EM's weights do not serve, when they do not. */
    public enum Fallback {
        NONE,
        /** The registry is too small for EM. */
        TOO_FEW_PERSONS,
        /** EM did not settle within its iterations. */
        NOT_CONVERGED,
        /** EM settled on m that true duplicates cannot have (see {@link #plausible}). */
        IMPLAUSIBLE
    }

    /**
     * The weights of a scan and how they were obtained.
     *
     * @param fallback why EM's weights were not used ({@code NONE} when they were)
     * @param iterations the EM iterations run (0 when EM did not run)
     * @param estimated EM's own model, even when it was not used
     * @param merges the merged pairs of the review queue there were to learn from
     */
    public record Estimate(
            FellegiSunterModel model,
            Kind kind,
            Fallback fallback,
            int iterations,
            FellegiSunterModel estimated,
            long merges) {

        /** The probability from which a scan with these weights proposes a pair. */
        public double threshold() {
            return kind == Kind.DEFAULT ? DEFAULT_THRESHOLD : MEASURED_THRESHOLD;
        }
    }

    private static final Linker<MatchablePerson> LINKER = PersonMatching.linker();

    private ScanWeights() {}

    /** The weights for a scan of these persons, without review decisions. */
    public static Estimate estimate(List<MatchablePerson> persons, long seed) {
        return estimate(persons, seed, ReviewLabels.empty());
    }

    /**
     * The weights for a scan of these persons; {@code seed} draws the sample and the random pairs;
     * {@code labels} are the review queue's decisions so far.
     */
    public static Estimate estimate(List<MatchablePerson> persons, long seed, ReviewLabels labels) {
        double prior = assumedPrior(persons.size());
        if (persons.size() < MIN_PERSONS_FOR_ESTIMATION) {
            FellegiSunterModel model = PersonMatching.defaultModel(prior);
            return new Estimate(model, Kind.DEFAULT, Fallback.TOO_FEW_PERSONS, 0, model, labels.merges());
        }
        List<MatchablePerson> sample = sample(persons, seed);
        Estimate estimate = estimate(sample, seed, labels, prior);
        // a random sample has the registry's share of duplicate pairs among its pairs, so the bound is the registry's
        double maxPrior = maxPrior(persons.size());
        return estimate.model().prior() <= maxPrior
                ? estimate
                : new Estimate(
                        estimate.model().withPrior(maxPrior),
                        estimate.kind(),
                        estimate.fallback(),
                        estimate.iterations(),
                        estimate.estimated(),
                        estimate.merges());
    }

    /**
     * The largest plausible share of pairs that are one person in a registry of {@code persons}
     * ({@link #MAX_DUPLICATE_PAIRS_PER_PERSON}).
     */
    static double maxPrior(int persons) {
        double pairs = Math.max(1.0, persons * (persons - 1.0) / 2);
        return Math.min(0.5, MAX_DUPLICATE_PAIRS_PER_PERSON * persons / pairs);
    }

    /** The weights estimated on a sample of the registry, before the prior is bounded. */
    private static Estimate estimate(List<MatchablePerson> sample, long seed, ReviewLabels labels, double prior) {
        Linker.Training training = LINKER.trainDeduplication(sample, Long.rotateLeft(seed, 17));
        FellegiSunterModel model = training.model();
        Fallback fallback = !training.converged()
                ? Fallback.NOT_CONVERGED
                : plausible(model) ? Fallback.NONE : Fallback.IMPLAUSIBLE;
        if (labels.merges() >= MIN_MERGES_TO_LEARN) {
            double[][] m = labels.m(PersonMatching.defaultModel(), HAND_SET_PAIRS);
            FellegiSunterModel learnt = PersonMatching.modelWithMeasuredU(m, model, prior);
            return new Estimate(
                    PersonMatching.modelWithMeasuredU(m, model, priorGiven(learnt, training)),
                    Kind.LABELLED,
                    fallback,
                    training.iterations(),
                    model,
                    labels.merges());
        }
        if (fallback == Fallback.NONE) {
            // a random sample of persons has the registry's share of duplicate pairs among its pairs (both
            // grow with the square of the persons), so the prior holds for the whole registry
            return new Estimate(model, Kind.REGISTRY, Fallback.NONE, training.iterations(), model, labels.merges());
        }
        FellegiSunterModel handSet = PersonMatching.defaultModelWithMeasuredU(model, prior);
        return new Estimate(
                PersonMatching.defaultModelWithMeasuredU(model, priorGiven(handSet, training)),
                Kind.MEASURED,
                fallback,
                training.iterations(),
                model,
                labels.merges());
    }

    /**
     * The share of pairs that are the same person under the hand-set m and the measured u: EM on
     * the prior alone, over the pairs EM saw. With m and u held it has one unknown and settles;
     * the registry's own share of duplicates replaces a share assumed for every registry.
     */
    static double priorGiven(FellegiSunterModel model, Linker.Training training) {
        double[][] m = FellegiSunterModel.zeros(levelNames());
        double[][] u = FellegiSunterModel.zeros(levelNames());
        for (int f = 0; f < m.length; f++) {
            for (int l = 0; l < m[f].length; l++) {
                m[f][l] = model.m(f, l);
                u[f][l] = model.u(f, l);
            }
        }
        return ExpectationMaximisation.fit(model.fields(), levelNames(), training.vectorCounts(), u, m, model.prior())
                .model()
                .prior();
    }

    private static List<List<String>> levelNames() {
        return PersonMatching.settings().fields().stream()
                .map(FieldComparison::levels)
                .toList();
    }

    /** The prior that a pair is the same person when {@link #ASSUMED_DUPLICATE_SHARE} of n records are duplicates. */
    public static double assumedPrior(int persons) {
        double pairs = Math.max(1.0, persons * (persons - 1.0) / 2);
        return Math.min(0.5, Math.max(1.0, ASSUMED_DUPLICATE_SHARE * persons) / pairs);
    }

    /**
     * Plausible m: most true duplicates agree on names and on the birth date as far as it is known,
     * and agreeing fully counts for a match, disagreeing fully against it.
     */
    public static boolean plausible(FellegiSunterModel model) {
        for (int f = 0; f < 2; f++) {
            int last = model.levels(f) - 1;
            if (!(model.weight(f, 0) > 3 && model.weight(f, last) < -1 && model.m(f, last) < 0.3)) {
                return false;
            }
        }
        return true;
    }

    private static List<MatchablePerson> sample(List<MatchablePerson> persons, long seed) {
        if (persons.size() <= TRAINING_SAMPLE) {
            return persons;
        }
        int[] indexes = new int[persons.size()];
        Arrays.setAll(indexes, i -> i);
        SplittableRandom random = new SplittableRandom(seed);
        List<MatchablePerson> sample = new ArrayList<>(TRAINING_SAMPLE);
        for (int i = 0; i < TRAINING_SAMPLE; i++) {
            int j = i + random.nextInt(indexes.length - i);
            int swap = indexes[i];
            indexes[i] = indexes[j];
            indexes[j] = swap;
            sample.add(persons.get(indexes[i]));
        }
        return Collections.unmodifiableList(sample);
    }
}
