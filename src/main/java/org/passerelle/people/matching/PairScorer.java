package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.List;

/**
 * Scores pairs and keeps those at {@code minScore} or above. The fields are compared cheapest
 * first, and a pair is dropped as soon as the weights still to come cannot lift it to {@code
 * minScore} (each field adds at most its best weight, or nothing when missing), so the costly
 * name comparison is skipped for most pairs. A kept pair's score is summed in the fields' order,
 * exactly as {@link FellegiSunterModel#score(int[])} does, plus the pair's adjustment ({@link
 * PairAdjustment}), whose most is counted in the bound.
 */
final class PairScorer<R> implements CandidatePairs.PairVisitor {
    /** Leeway for the bound, summed in another order than the score. */
    private static final double ROUNDING = 1e-9;

    private final List<ScoredPair> pairs = new ArrayList<>();
    private final List<FieldComparison<R>> fields;
    private final int[] cheapestFirst;
    private final List<R> left;
    private final List<R> right;
    private final int offset;
    private final FellegiSunterModel model;
    private final double minScore;
    private final double[] bestStillToCome;
    private final int[] levels;
    private final PairAdjustment<R> adjustment;

    /**
     * @param fields the fields compared, in the model's order
     * @param cheapestFirst the fields' indexes from the cheapest to compare to the costliest
     * @param offset where the right-hand records start among the pairs' numbers (0 within one list)
     */
    PairScorer(
            List<FieldComparison<R>> fields,
            int[] cheapestFirst,
            List<R> left,
            List<R> right,
            int offset,
            FellegiSunterModel model,
            double minScore,
            PairAdjustment<R> adjustment) {
        this.adjustment = adjustment;
        this.fields = fields;
        this.cheapestFirst = cheapestFirst;
        this.left = left;
        this.right = right;
        this.offset = offset;
        this.model = model;
        this.minScore = minScore;
        this.levels = new int[fields.size()];
        this.bestStillToCome = new double[fields.size() + 1];
        bestStillToCome[fields.size()] = Math.max(0, adjustment.max());
        for (int k = cheapestFirst.length - 1; k >= 0; k--) {
            int f = cheapestFirst[k];
            double best = 0;
            for (int l = 0; l < model.levels(f); l++) {
                best = Math.max(best, model.weight(f, l));
            }
            bestStillToCome[k] = bestStillToCome[k + 1] + best;
        }
    }

    @Override
    public void visit(int first, int second) {
        R a = first < offset || offset == 0 ? left.get(first) : right.get(first - offset);
        R b = second < offset || offset == 0 ? left.get(second) : right.get(second - offset);
        double partial = 0;
        for (int k = 0; k < cheapestFirst.length; k++) {
            if (partial + bestStillToCome[k] < minScore - ROUNDING) {
                return;
            }
            int f = cheapestFirst[k];
            int level = fields.get(f).compare(a, b);
            levels[f] = level;
            if (level != FieldComparison.MISSING) {
                partial += model.weight(f, level);
            }
        }
        double score = model.score(levels) + adjustment.weight(a, b, levels);
        if (score >= minScore) {
            pairs.add(new ScoredPair(first, second - offset, score, model.probability(score)));
        }
    }

    /** The pairs kept, with their scores. */
    List<ScoredPair> pairs() {
        return pairs;
    }
}
