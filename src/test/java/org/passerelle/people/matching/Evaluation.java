package org.passerelle.people.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.ToIntFunction;

/**
 * Scores a set with a model and measures the pairs above a threshold against the truth, both at
 * the unsupervised threshold (match probability 0.5 under the EM model, no labels used) and, for
 * reference, at the threshold that maximises F1 on the same labels (tuned on the answers).
 *
 * @param unsupervised metrics at probability >= 0.5
 * @param bestThreshold the score threshold giving the best F1 (chosen with the labels)
 * @param tuned metrics at that threshold
 * @param candidatePairs the number of pairs scored
 * @param candidateRecall the share of true pairs that blocking kept as candidates
 */
record Evaluation(
        PairwiseMetrics unsupervised,
        double bestThreshold,
        PairwiseMetrics tuned,
        long candidatePairs,
        double candidateRecall) {

    /** Evaluates scored candidate pairs; {@code isMatch} tells whether a pair is a true pair. */
    static Evaluation of(List<ScoredPair> scored, FellegiSunterModel model, long actual, PairTruth isMatch) {
        double unsupervisedThreshold = model.scoreFor(0.5);
        long predicted = 0;
        long truePositives = 0;
        long candidatesTrue = 0;
        for (ScoredPair pair : scored) {
            boolean match = isMatch.test(pair.first(), pair.second());
            candidatesTrue += match ? 1 : 0;
            if (pair.score() >= unsupervisedThreshold) {
                predicted++;
                truePositives += match ? 1 : 0;
            }
        }
        List<ScoredPair> byScore = scored.stream()
                .sorted((a, b) -> Double.compare(b.score(), a.score()))
                .toList();
        long tp = 0;
        long bestTp = 0;
        long bestPredicted = 0;
        double bestF1 = -1;
        double bestThreshold = Double.POSITIVE_INFINITY;
        for (int i = 0; i < byScore.size(); i++) {
            tp += isMatch.test(byScore.get(i).first(), byScore.get(i).second()) ? 1 : 0;
            boolean lastOfScore = i + 1 == byScore.size()
                    || byScore.get(i + 1).score() < byScore.get(i).score();
            double f1 = new PairwiseMetrics(tp, i + 1, actual).f1();
            if (lastOfScore && f1 > bestF1) {
                bestF1 = f1;
                bestTp = tp;
                bestPredicted = i + 1;
                bestThreshold = byScore.get(i).score();
            }
        }
        return new Evaluation(
                new PairwiseMetrics(truePositives, predicted, actual),
                bestThreshold,
                new PairwiseMetrics(bestTp, bestPredicted, actual),
                scored.size(),
                actual == 0 ? 0 : candidatesTrue / (double) actual);
    }

    /** The number of pairs within the clusters of a deduplication truth. */
    static <R> long truePairsWithin(List<R> records, ToIntFunction<R> entity) {
        Map<Integer, Long> sizes = new HashMap<>();
        records.forEach(r -> sizes.merge(entity.applyAsInt(r), 1L, Long::sum));
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    /** Whether two records (by index) are the same entity. */
    interface PairTruth {
        boolean test(int first, int second);
    }

    static IntPredicate always() {
        return i -> true;
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "unsupervised (p >= 0.5): %s%n  tuned on labels (score >= %.2f): %s%n  candidate pairs %d, blocking recall %.4f",
                unsupervised,
                bestThreshold,
                tuned,
                candidatePairs,
                candidateRecall);
    }
}
