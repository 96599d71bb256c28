package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.BiPredicate;

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

    /** A trained model and how the training went. */
    public record Training(FellegiSunterModel model, long candidatePairs, int iterations, boolean converged) {}

    private final LinkageSettings<R> settings;
    private final List<String> fieldNames;
    private final List<List<String>> levelNames;

    public Linker(LinkageSettings<R> settings) {
        this.settings = settings;
        this.fieldNames = settings.fields().stream().map(FieldComparison::name).toList();
        this.levelNames =
                settings.fields().stream().map(FieldComparison::levels).toList();
    }

    public LinkageSettings<R> settings() {
        return settings;
    }

    /** The comparison vector of two records: one level per field. */
    public int[] compare(R a, R b) {
        int[] levels = new int[settings.fields().size()];
        for (int f = 0; f < levels.length; f++) {
            levels[f] = settings.fields().get(f).compare(a, b);
        }
        return levels;
    }

    long packedComparison(R a, R b) {
        return ComparisonVector.pack(compare(a, b));
    }

    public MatchExplanation explain(R a, R b, FellegiSunterModel model) {
        return model.explain(compare(a, b));
    }

    /** Trains by expectation maximisation on the candidate pairs within one list, without labels. */
    public Training trainDeduplication(List<R> records, long seed) {
        CandidatePairs candidates = deduplicationPairs(records);
        return train(vectorCounts(candidates, records, records, 0), uFromRandomPairs(records, records, seed));
    }

    /** Trains by expectation maximisation on the candidate pairs between two lists, without labels. */
    public Training trainLinkage(List<R> left, List<R> right, long seed) {
        CandidatePairs candidates = linkagePairs(left, right);
        return train(vectorCounts(candidates, left, right, left.size()), uFromRandomPairs(left, right, seed));
    }

    private Training train(Map<Long, Long> counts, double[][] u) {
        long pairs = counts.values().stream().mapToLong(Long::longValue).sum();
        ExpectationMaximisation.Result result = ExpectationMaximisation.fit(fieldNames, levelNames, counts, u);
        return new Training(result.model(), pairs, result.iterations(), result.converged());
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
        return score(deduplicationPairs(records), records, records, 0, model, minScore);
    }

    /** The candidate pairs between two lists scoring at least {@code minScore}. */
    public List<ScoredPair> link(List<R> left, List<R> right, FellegiSunterModel model, double minScore) {
        return score(linkagePairs(left, right), left, right, left.size(), model, minScore);
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
        return deduplicationPairs(records).visit(PairCounter::new).stream()
                .mapToLong(c -> c.count)
                .sum();
    }

    CandidatePairs deduplicationPairs(List<R> records) {
        return CandidatePairs.deduplication(records, settings.blockingKeys(), settings.maxBlockSize());
    }

    CandidatePairs linkagePairs(List<R> left, List<R> right) {
        return CandidatePairs.linkage(left, right, settings.blockingKeys(), settings.maxBlockSize());
    }

    private Map<Long, Long> vectorCounts(CandidatePairs candidates, List<R> left, List<R> right, int offset) {
        Map<Long, Long> merged = new HashMap<>();
        for (VectorCounts visitor : candidates.visit(() -> new VectorCounts(left, right, offset))) {
            visitor.counts.forEach((vector, count) -> merged.merge(vector, count, Long::sum));
        }
        return merged;
    }

    private List<ScoredPair> score(
            CandidatePairs candidates,
            List<R> left,
            List<R> right,
            int offset,
            FellegiSunterModel model,
            double minScore) {
        List<ScoredPair> pairs = new ArrayList<>();
        candidates
                .visit(() -> new Scorer(left, right, offset, model, minScore))
                .forEach(scorer -> pairs.addAll(scorer.pairs));
        pairs.sort((a, b) -> a.first() != b.first()
                ? Integer.compare(a.first(), b.first())
                : Integer.compare(a.second(), b.second()));
        return pairs;
    }

    /** u: the level frequencies among random pairs, with add-one smoothing. */
    double[][] uFromRandomPairs(List<R> left, List<R> right, long seed) {
        double[][] u = FellegiSunterModel.zeros(levelNames);
        boolean same = left == right;
        long possible = same ? (long) left.size() * (left.size() - 1) / 2 : (long) left.size() * right.size();
        SplittableRandom random = new SplittableRandom(seed);
        long samples = Math.min(RANDOM_PAIRS, possible);
        for (long s = 0; s < samples; s++) {
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
        }
        FellegiSunterModel.normalise(u, 1);
        return u;
    }

    private R record(List<R> left, List<R> right, int offset, int index) {
        return index < offset || offset == 0 ? left.get(index) : right.get(index - offset);
    }

    private final class VectorCounts implements CandidatePairs.PairVisitor {
        private final Map<Long, Long> counts = new HashMap<>();
        private final List<R> left;
        private final List<R> right;
        private final int offset;

        VectorCounts(List<R> left, List<R> right, int offset) {
            this.left = left;
            this.right = right;
            this.offset = offset;
        }

        @Override
        public void visit(int first, int second) {
            long vector = packedComparison(record(left, right, offset, first), record(left, right, offset, second));
            counts.merge(vector, 1L, Long::sum);
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

    private final class Scorer implements CandidatePairs.PairVisitor {
        private final List<ScoredPair> pairs = new ArrayList<>();
        private final List<R> left;
        private final List<R> right;
        private final int offset;
        private final FellegiSunterModel model;
        private final double minScore;

        Scorer(List<R> left, List<R> right, int offset, FellegiSunterModel model, double minScore) {
            this.left = left;
            this.right = right;
            this.offset = offset;
            this.model = model;
            this.minScore = minScore;
        }

        @Override
        public void visit(int first, int second) {
            double score =
                    model.score(compare(record(left, right, offset, first), record(left, right, offset, second)));
            if (score >= minScore) {
                pairs.add(new ScoredPair(first, second - offset, score, model.probability(score)));
            }
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
