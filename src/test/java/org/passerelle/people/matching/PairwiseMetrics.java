package org.passerelle.people.matching;

import java.util.Locale;

/**
 * Pairwise precision, recall and F1 of predicted match pairs against the true pairs.
 *
 * @param truePositives predicted pairs that are true pairs
 * @param predicted all predicted pairs
 * @param actual all true pairs (in a deduplication, every pair within each true cluster)
 */
public record PairwiseMetrics(long truePositives, long predicted, long actual) {

    public double precision() {
        return predicted == 0 ? 0 : truePositives / (double) predicted;
    }

    public double recall() {
        return actual == 0 ? 0 : truePositives / (double) actual;
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
        return String.format(
                Locale.ROOT,
                "precision %.4f  recall %.4f  F1 %.4f  (%d true of %d predicted, %d actual)",
                precision(),
                recall(),
                f1(),
                truePositives,
                predicted,
                actual);
    }
}
