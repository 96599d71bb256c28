package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * The record-linkage engine for one configuration: compares records field by field, finds
 * candidate pairs by blocking, estimates a Fellegi-Sunter model (by expectation maximisation, or
 * from labelled pairs), scores and explains pairs.
 *
 * @param <R> the record type, usually prepared once so that comparisons are cheap
 */
public final class Linker<R> {

    /** Random pairs drawn to estimate u when the data has more pairs than that. */
    public static final int RANDOM_PAIRS = 300_000;

    /**
     * A trained model and how the training went.
     *
     * @param vectorCounts how many pairs of the whole population of pairs have each comparison vector
     *     (packed), as EM saw them: the candidate pairs, and the others through a weighted sample
     */
    public record Training(
            FellegiSunterModel model,
            long candidatePairs,
            int iterations,
            boolean converged,
            Map<Long, Double> vectorCounts) {}

    private final LinkageSettings<R> settings;
    private final List<String> fieldNames;
    private final List<List<String>> levelNames;
    private final List<FieldComparison<R>> fields;

    /** The fields from the cheapest to compare to the costliest (see {@link FieldComparison#cost}). */
    private final int[] cheapestFirst;

    public Linker(LinkageSettings<R> settings) {
        this.settings = settings;
        this.fieldNames = settings.fields().stream().map(FieldComparison::name).toList();
        this.levelNames =
                settings.fields().stream().map(FieldComparison::levels).toList();
        this.fields = settings.fields();
        this.cheapestFirst = IntStream.range(0, fields.size())
                .boxed()
                .sorted(Comparator.comparingInt(f -> fields.get(f).cost()))
                .mapToInt(Integer::intValue)
                .toArray();
    }

    public LinkageSettings<R> settings() {
        return settings;
    }

    /** The comparison vector of two records: one level per field. */
    public int[] compare(R a, R b) {
        int[] levels = new int[fields.size()];
        for (int f = 0; f < levels.length; f++) {
            levels[f] = fields.get(f).compare(a, b);
        }
        return levels;
    }

    /** The comparison vector packed ({@link ComparisonVector}), without an array. */
    long packedComparison(R a, R b) {
        long packed = 0;
        for (int f = 0; f < fields.size(); f++) {
            packed = ComparisonVector.with(packed, f, fields.get(f).compare(a, b));
        }
        return packed;
    }

    public MatchExplanation explain(R a, R b, FellegiSunterModel model) {
        return model.explain(compare(a, b));
    }

    /** The explanation with the pair's adjustment as one more contribution (last), named by the adjustment. */
    public MatchExplanation explain(R a, R b, FellegiSunterModel model, PairAdjustment<R> adjustment) {
        int[] levels = compare(a, b);
        MatchExplanation plain = model.explain(levels);
        double extra = adjustment.weight(a, b, levels);
        List<MatchExplanation.Contribution> contributions = new ArrayList<>(plain.contributions());
        contributions.add(new MatchExplanation.Contribution(adjustment.name(), adjustment.level(extra), extra));
        double score = plain.score() + extra;
        return new MatchExplanation(plain.priorWeight(), contributions, score, model.probability(score));
    }

    /**
     * Trains by expectation maximisation without labels on all the pairs within one list: the
     * candidate pairs, plus random pairs standing for the pairs blocking left out (see {@link
     * #train}).
     */
    public Training trainDeduplication(List<R> records, long seed) {
        CandidatePairs candidates = deduplicationPairs(records);
        long pairs = (long) records.size() * (records.size() - 1) / 2;
        return train(candidates, records, records, 0, pairs, seed);
    }

    /** Trains by expectation maximisation without labels on all the pairs between two lists. */
    public Training trainLinkage(List<R> left, List<R> right, long seed) {
        CandidatePairs candidates = linkagePairs(left, right);
        return train(candidates, left, right, left.size(), (long) left.size() * right.size(), seed);
    }

    /**
     * Candidate pairs are a biased sample: they agree on the blocked fields by construction, so EM
     * on them alone would take "same name" for "same person". EM runs instead on the whole
     * population of pairs: the candidate pairs as they are, and the other pairs represented by a
     * random sample of non-candidate pairs, each counting for its share of them. u also comes from
     * random pairs, held fixed; EM estimates m and the prior.
     */
    private Training train(
            CandidatePairs candidates, List<R> left, List<R> right, int offset, long allPairs, long seed) {
        List<Integer> sessionKeys = IntStream.range(0, settings.blockingKeys().size())
                .filter(k -> !settings.blockingKeys().get(k).fields().isEmpty())
                .boxed()
                .toList();
        TrainingCounts scanned = trainingCounts(candidates, left, right, offset, sessionKeys);
        Map<Long, Double> counts = scanned.candidates();
        double candidateCount =
                counts.values().stream().mapToDouble(Double::doubleValue).sum();
        RandomPairs sample = randomPairs(candidates, left, right, offset, seed);
        double weight = sample.outside == 0 ? 0 : (allPairs - candidateCount) / sample.outside;
        sample.outsideCounts.forEach((vector, count) -> counts.merge(vector, count * weight, Double::sum));
        double expectedPrior = Math.min(0.5, (double) Math.min(left.size(), right.size()) / allPairs);
        double[][] m = mBySessions(sessionKeys, scanned.byKey(), left.size(), right.size(), sample.u);
        ExpectationMaximisation.Result result =
                ExpectationMaximisation.fit(fieldNames, levelNames, counts, sample.u, m, expectedPrior);
        return new Training(
                result.model(), (long) candidateCount, result.iterations(), result.converged(), Map.copyOf(counts));
    }

    /** The vector counts of all candidate pairs, and of the pairs of each key that declares its fields. */
    private record TrainingCounts(Map<Long, Double> candidates, List<Map<Long, Double>> byKey) {}

    /**
     * Counts the comparison vectors of the candidate pairs in one scan, and at the same time those of
     * the pairs of each blocking key alone (the pairs sharing one of that key's own usable blocks, as
     * a blocking on that key only would give), which {@link #mBySessions} needs.
     */
    private TrainingCounts trainingCounts(
            CandidatePairs candidates, List<R> left, List<R> right, int offset, List<Integer> sessionKeys) {
        List<VectorCounts> visitors =
                candidates.visit(() -> new VectorCounts(candidates, left, right, offset, sessionKeys));
        Map<Long, Double> all = new HashMap<>();
        List<Map<Long, Double>> byKey = new ArrayList<>();
        sessionKeys.forEach(k -> byKey.add(new HashMap<>()));
        for (VectorCounts visitor : visitors) {
            visitor.counts.addTo(all);
            for (int s = 0; s < sessionKeys.size(); s++) {
                visitor.byKey[s].addTo(byKey.get(s));
            }
        }
        return new TrainingCounts(all, byKey);
    }

    /**
     * m field by field, from EM on the pairs of each blocking key that declares its fields, taking
     * for each field the average over the keys that do not condition on it; null (m estimated on
     * all pairs at once) unless every field is covered so.
     */
    private double @Nullable [][] mBySessions(
            List<Integer> sessionKeys, List<Map<Long, Double>> countsByKey, int leftSize, int rightSize, double[][] u) {
        double[][] sum = FellegiSunterModel.zeros(levelNames);
        int[] sessions = new int[fieldNames.size()];
        for (int s = 0; s < sessionKeys.size(); s++) {
            BlockingKey<R> key = settings.blockingKeys().get(sessionKeys.get(s));
            Map<Long, Double> counts = countsByKey.get(s);
            double total =
                    counts.values().stream().mapToDouble(Double::doubleValue).sum();
            if (total == 0) {
                continue;
            }
            double prior = Math.min(0.5, Math.min(leftSize, rightSize) / total);
            FellegiSunterModel session = ExpectationMaximisation.fit(fieldNames, levelNames, counts, u, prior)
                    .model();
            for (int f = 0; f < fieldNames.size(); f++) {
                if (!key.fields().contains(fieldNames.get(f))) {
                    sessions[f]++;
                    for (int l = 0; l < sum[f].length; l++) {
                        sum[f][l] += session.m(f, l);
                    }
                }
            }
        }
        for (int f = 0; f < sum.length; f++) {
            if (sessions[f] == 0) {
                return null;
            }
            for (int l = 0; l < sum[f].length; l++) {
                sum[f][l] /= sessions[f];
            }
        }
        return sum;
    }

    /**
     * Learns m, u and the prior from the candidate pairs within one list labelled by {@code isMatch}
     * (supervised: for comparison with the unsupervised estimate, or where labels exist).
     */
    public FellegiSunterModel trainFromLabels(List<R> records, BiPredicate<Integer, Integer> isMatch) {
        List<LabelledCounts> visitors = deduplicationPairs(records).visit(() -> new LabelledCounts(records, isMatch));
        Map<Long, long[]> merged = new HashMap<>();
        for (LabelledCounts visitor : visitors) {
            visitor.counts.forEach((vector, counts) -> {
                long[] total = merged.computeIfAbsent(vector, v -> new long[2]);
                total[0] += counts[0];
                total[1] += counts[1];
            });
        }
        return FellegiSunterModel.fromLabelledVectors(fieldNames, levelNames, merged);
    }

    /** The candidate pairs within one list scoring at least {@code minScore}. */
    public List<ScoredPair> deduplicate(List<R> records, FellegiSunterModel model, double minScore) {
        return deduplicate(records, model, minScore, PairAdjustment.none());
    }

    /** The same, each pair's score adjusted ({@link PairAdjustment}) before it is kept or not. */
    public List<ScoredPair> deduplicate(
            List<R> records, FellegiSunterModel model, double minScore, PairAdjustment<R> adjustment) {
        return score(deduplicationPairs(records), records, records, 0, model, minScore, adjustment);
    }

    /** The candidate pairs between two lists scoring at least {@code minScore}. */
    public List<ScoredPair> link(List<R> left, List<R> right, FellegiSunterModel model, double minScore) {
        return score(linkagePairs(left, right), left, right, left.size(), model, minScore, PairAdjustment.none());
    }

    /** Scores one record against candidates (found by an index of its blocking keys), best first. */
    public List<ScoredPair> lookUp(R query, List<R> candidates, FellegiSunterModel model, double minScore) {
        List<ScoredPair> found = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            double score = model.score(compare(query, candidates.get(i)));
            if (score >= minScore) {
                found.add(new ScoredPair(-1, i, score, model.probability(score)));
            }
        }
        found.sort((a, b) -> Double.compare(b.score(), a.score()));
        return found;
    }

    /** The qualified blocking keys of a record, as an index would store them. */
    public List<String> blockingKeys(R record) {
        List<String> keys = new ArrayList<>();
        for (BlockingKey<R> key : settings.blockingKeys()) {
            keys.addAll(key.qualifiedKeys(record));
        }
        return keys.stream().distinct().toList();
    }

    /** The number of candidate pairs within one list, to assess blocking. */
    public long countCandidatePairs(List<R> records) {
        return countCandidatePairs(deduplicationPairs(records));
    }

    long countCandidatePairs(CandidatePairs candidates) {
        return candidates.visit(PairCounter::new).stream()
                .mapToLong(c -> c.count)
                .sum();
    }

    CandidatePairs deduplicationPairs(List<R> records) {
        return CandidatePairs.deduplication(records, settings.blockingKeys(), settings.maxBlockSize());
    }

    CandidatePairs linkagePairs(List<R> left, List<R> right) {
        return CandidatePairs.linkage(left, right, settings.blockingKeys(), settings.maxBlockSize());
    }

    private List<ScoredPair> score(
            CandidatePairs candidates,
            List<R> left,
            List<R> right,
            int offset,
            FellegiSunterModel model,
            double minScore,
            PairAdjustment<R> adjustment) {
        List<PairScorer<R>> scorers = candidates.visit(
                () -> new PairScorer<>(fields, cheapestFirst, left, right, offset, model, minScore, adjustment));
        return byRecords(scorers.stream().map(PairScorer::pairs).toList(), left.size());
    }

    /**
     * The pairs in the order of their first record, then their second: placed by their first record
     * (a counting sort, linear however many pairs a scan finds), then sorted within each record's.
     */
    static List<ScoredPair> byRecords(List<List<ScoredPair>> found, int firstRecords) {
        int[] starts = new int[firstRecords + 1];
        int total = 0;
        for (List<ScoredPair> pairs : found) {
            for (ScoredPair pair : pairs) {
                starts[pair.first() + 1]++;
            }
            total += pairs.size();
        }
        for (int r = 0; r < firstRecords; r++) {
            starts[r + 1] += starts[r];
        }
        ScoredPair[] sorted = new ScoredPair[total];
        int[] next = Arrays.copyOf(starts, firstRecords);
        for (List<ScoredPair> pairs : found) {
            for (ScoredPair pair : pairs) {
                sorted[next[pair.first()]++] = pair;
            }
        }
        Comparator<ScoredPair> bySecond = Comparator.comparingInt(ScoredPair::second);
        for (int r = 0; r < firstRecords; r++) {
            if (starts[r + 1] - starts[r] > 1) {
                Arrays.sort(sorted, starts[r], starts[r + 1], bySecond);
            }
        }
        return new ArrayList<>(Arrays.asList(sorted));
    }

    /** What random pairs tell: u, and the comparison vectors of those that are not candidates. */
    private record RandomPairs(double[][] u, Map<Long, Double> outsideCounts, long outside) {}

    /** Draws random pairs: u is their level frequencies, with add-one smoothing. */
    private RandomPairs randomPairs(CandidatePairs candidates, List<R> left, List<R> right, int offset, long seed) {
        double[][] u = FellegiSunterModel.zeros(levelNames);
        Map<Long, Double> outsideCounts = new HashMap<>();
        long outside = 0;
        boolean same = offset == 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int s = 0; s < RANDOM_PAIRS; s++) {
            int a = random.nextInt(left.size());
            int b = random.nextInt(right.size());
            if (same && a == b) {
                continue;
            }
            int[] levels = compare(left.get(a), right.get(b));
            for (int f = 0; f < levels.length; f++) {
                if (levels[f] != FieldComparison.MISSING) {
                    u[f][levels[f]]++;
                }
            }
            if (!candidates.isCandidate(a, b + offset)) {
                outside++;
                outsideCounts.merge(ComparisonVector.pack(levels), 1.0, Double::sum);
            }
        }
        FellegiSunterModel.normalise(u, 1);
        return new RandomPairs(u, outsideCounts, outside);
    }

    private R record(List<R> left, List<R> right, int offset, int index) {
        return index < offset || offset == 0 ? left.get(index) : right.get(index - offset);
    }

    private final class VectorCounts implements CandidatePairs.PairVisitor {
        private final LongCounts counts = new LongCounts();
        private final LongCounts[] byKey;
        private final CandidatePairs candidates;
        private final List<R> left;
        private final List<R> right;
        private final int offset;
        private final int[] sessionKeys;

        VectorCounts(CandidatePairs candidates, List<R> left, List<R> right, int offset, List<Integer> sessionKeys) {
            this.candidates = candidates;
            this.left = left;
            this.right = right;
            this.offset = offset;
            this.sessionKeys = sessionKeys.stream().mapToInt(Integer::intValue).toArray();
            this.byKey = new LongCounts[this.sessionKeys.length];
            for (int s = 0; s < byKey.length; s++) {
                byKey[s] = new LongCounts();
            }
        }

        @Override
        public void visit(int first, int second) {
            long vector = packedComparison(record(left, right, offset, first), record(left, right, offset, second));
            counts.add(vector);
            if (sessionKeys.length > 0) {
                long shared = candidates.sharedKeys(first, second);
                for (int s = 0; s < sessionKeys.length; s++) {
                    if ((shared & (1L << sessionKeys[s])) != 0) {
                        byKey[s].add(vector);
                    }
                }
            }
        }
    }

    private final class LabelledCounts implements CandidatePairs.PairVisitor {
        private final Map<Long, long[]> counts = new HashMap<>();
        private final List<R> records;
        private final BiPredicate<Integer, Integer> isMatch;

        LabelledCounts(List<R> records, BiPredicate<Integer, Integer> isMatch) {
            this.records = records;
            this.isMatch = isMatch;
        }

        @Override
        public void visit(int first, int second) {
            long vector = packedComparison(records.get(first), records.get(second));
            counts.computeIfAbsent(vector, v -> new long[2])[isMatch.test(first, second) ? 0 : 1]++;
        }
    }

    private static final class PairCounter implements CandidatePairs.PairVisitor {
        private long count;

        @Override
        public void visit(int first, int second) {
            count++;
        }
    }
}
