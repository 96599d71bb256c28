package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Fellegi-Sunter model: for each field and level, m (the probability of that level among true
 * matches) and u (among non-matches), and the prior probability that a candidate pair is a match.
 * A pair's score is the sum of log2(m/u) over its fields (its log2 Bayes factor); its probability
 * adds the prior odds.
 *
 * <p>A field's levels run from the strongest agreement to disagreement, and the weights keep that
 * order ({@link #orderLevels}): whatever a registry measured, a better agreement never counts for
 * less than a worse one.
 */
public final class FellegiSunterModel {

    static final double FLOOR = 1e-6;

    private final List<String> fields;
    private final List<List<String>> levels;
    private final double[][] m;
    private final double[][] u;
    private final double prior;
    private final double[][] weights;

    FellegiSunterModel(List<String> fields, List<List<String>> levels, double[][] m, double[][] u, double prior) {
        this.fields = List.copyOf(fields);
        this.levels = levels.stream().map(List::copyOf).toList();
        this.m = copy(m);
        this.u = copy(u);
        for (int f = 0; f < this.m.length; f++) {
            orderLevels(this.m[f], this.u[f]);
        }
        this.prior = prior;
        this.weights = new double[m.length][];
        for (int f = 0; f < m.length; f++) {
            weights[f] = new double[m[f].length];
            for (int l = 0; l < m[f].length; l++) {
                weights[f][l] = log2(Math.max(this.m[f][l], FLOOR) / Math.max(this.u[f][l], FLOOR));
                if (l > 0) {
                    // the floors may break a pool's equal ratios by a hair: the order holds regardless
                    weights[f][l] = Math.min(weights[f][l], weights[f][l - 1]);
                }
            }
        }
    }

    /**
     * A model learnt from labelled comparison vectors: m and u are the level frequencies among the
     * matches and the non-matches (with add-one smoothing), the prior their proportion.
     */
    static FellegiSunterModel fromLabelledVectors(
            List<String> fields, List<List<String>> levels, Map<Long, long[]> countsByVector) {
        double[][] m = zeros(levels);
        double[][] u = zeros(levels);
        long matches = 0;
        long total = 0;
        for (Map.Entry<Long, long[]> entry : countsByVector.entrySet()) {
            long matchCount = entry.getValue()[0];
            long nonMatchCount = entry.getValue()[1];
            matches += matchCount;
            total += matchCount + nonMatchCount;
            for (int f = 0; f < fields.size(); f++) {
                int level = ComparisonVector.level(entry.getKey(), f);
                if (level != FieldComparison.MISSING) {
                    m[f][level] += matchCount;
                    u[f][level] += nonMatchCount;
                }
            }
        }
        normalise(m, 1);
        normalise(u, 1);
        return new FellegiSunterModel(fields, levels, m, u, Math.max(matches, 1) / (double) Math.max(total, 1));
    }

    /**
     * Makes the likelihood ratios m/u of one field's levels non-increasing from the strongest
     * agreement to disagreement, in place, by pooling adjacent levels out of order (pool adjacent
     * violators, weighted by u): the levels of a pool share the ratio of their summed m to their
     * summed u, m moving and u (measured on many random pairs) held. Sums are kept, so m stays a
     * distribution. On a registry full of namesakes, where an exact name is common among different
     * people, an exact name then weighs as much as a looser agreement instead of less.
     */
    static void orderLevels(double[] m, double[] u) {
        int levels = m.length;
        double[] poolM = new double[levels];
        double[] poolU = new double[levels];
        int[] poolEnd = new int[levels];
        int pools = 0;
        for (int l = 0; l < levels; l++) {
            poolM[pools] = Math.max(m[l], 0);
            poolU[pools] = Math.max(u[l], FLOOR);
            poolEnd[pools] = l + 1;
            pools++;
            while (pools > 1 && poolM[pools - 1] * poolU[pools - 2] > poolM[pools - 2] * poolU[pools - 1]) {
                poolM[pools - 2] += poolM[pools - 1];
                poolU[pools - 2] += poolU[pools - 1];
                poolEnd[pools - 2] = poolEnd[pools - 1];
                pools--;
            }
        }
        int start = 0;
        for (int p = 0; p < pools; p++) {
            if (poolEnd[p] - start > 1) {
                for (int l = start; l < poolEnd[p]; l++) {
                    m[l] = poolM[p] * Math.max(u[l], FLOOR) / poolU[p];
                }
            }
            start = poolEnd[p];
        }
    }

    /** The same weights with another prior. */
    FellegiSunterModel withPrior(double newPrior) {
        return new FellegiSunterModel(fields, levels, m, u, newPrior);
    }

    public List<String> fields() {
        return fields;
    }

    public double prior() {
        return prior;
    }

    public double m(int field, int level) {
        return m[field][level];
    }

    public double u(int field, int level) {
        return u[field][level];
    }

    /** log2(m/u) of a level of a field. */
    /** The number of agreement levels of a field. */
    int levels(int field) {
        return levels.get(field).size();
    }

    public double weight(int field, int level) {
        return weights[field][level];
    }

    /** The log2 Bayes factor of a comparison vector. */
    public double score(int[] vector) {
        double score = 0;
        for (int f = 0; f < vector.length; f++) {
            if (vector[f] != FieldComparison.MISSING) {
                score += weights[f][vector[f]];
            }
        }
        return score;
    }

    double score(long packed) {
        double score = 0;
        for (int f = 0; f < weights.length; f++) {
            int level = ComparisonVector.level(packed, f);
            if (level != FieldComparison.MISSING) {
                score += weights[f][level];
            }
        }
        return score;
    }

    /** log2 of the prior odds of a match. */
    public double priorWeight() {
        return log2(prior / (1 - prior));
    }

    /** The match probability of a score under this model's prior. */
    public double probability(double score) {
        return 1 / (1 + Math.pow(2, -(score + priorWeight())));
    }

    /** The score giving a probability, the inverse of {@link #probability(double)}. */
    public double scoreFor(double probability) {
        return log2(probability / (1 - probability)) - priorWeight();
    }

    public MatchExplanation explain(int[] vector) {
        List<MatchExplanation.Contribution> contributions = new ArrayList<>();
        for (int f = 0; f < vector.length; f++) {
            boolean missing = vector[f] == FieldComparison.MISSING;
            contributions.add(new MatchExplanation.Contribution(
                    fields.get(f),
                    missing ? "missing" : levels.get(f).get(vector[f]),
                    missing ? 0 : weights[f][vector[f]]));
        }
        double score = score(vector);
        return new MatchExplanation(priorWeight(), contributions, score, probability(score));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT, "prior %.5f", prior));
        for (int f = 0; f < fields.size(); f++) {
            for (int l = 0; l < m[f].length; l++) {
                text.append(String.format(
                        java.util.Locale.ROOT,
                        "%n  %-12s %-24s m=%.4f u=%.6f w=%+.2f",
                        fields.get(f),
                        levels.get(f).get(l),
                        m[f][l],
                        u[f][l],
                        weights[f][l]));
            }
        }
        return text.toString();
    }

    static double[][] zeros(List<List<String>> levels) {
        double[][] table = new double[levels.size()][];
        for (int f = 0; f < table.length; f++) {
            table[f] = new double[levels.get(f).size()];
        }
        return table;
    }

    /** Adds {@code smoothing} to every cell and makes each field's row sum to one. */
    static void normalise(double[][] table, double smoothing) {
        for (double[] row : table) {
            double sum = 0;
            for (int l = 0; l < row.length; l++) {
                row[l] += smoothing;
                sum += row[l];
            }
            for (int l = 0; l < row.length; l++) {
                row[l] /= sum;
            }
        }
    }

    private static double[][] copy(double[][] table) {
        double[][] copy = new double[table.length][];
        for (int f = 0; f < table.length; f++) {
            copy[f] = table[f].clone();
        }
        return copy;
    }

    static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
