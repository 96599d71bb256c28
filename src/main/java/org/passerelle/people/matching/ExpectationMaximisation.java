package org.passerelle.people.matching;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Estimates a Fellegi-Sunter model without labels by expectation maximisation over the counts of
 * the distinct comparison vectors of the candidate pairs. With u given (estimated from random
 * pairs, which blocking would otherwise bias), only m and the prior are estimated. Each step keeps
 * the levels of every field in order ({@link FellegiSunterModel#orderLevels}): EM constrained so
 * never settles on a better agreement weighing less than a worse one, as it may on a registry
 * where different people often share names and birth dates.
 */
final class ExpectationMaximisation {

    /** The fitted model, the iterations run and whether the parameters settled. */
    record Result(FellegiSunterModel model, int iterations, boolean converged) {}

    static final int MAX_ITERATIONS = 500;
    static final double TOLERANCE = 1e-7;
    private static final double INITIAL_PRIOR = 0.05;
    private static final double SMOOTHING = 1e-3;

    private ExpectationMaximisation() {}

    static Result fit(
            List<String> fields,
            List<List<String>> levels,
            Map<Long, Double> vectorCounts,
            double @Nullable [][] fixedU) {
        return fit(fields, levels, vectorCounts, fixedU, INITIAL_PRIOR);
    }

    /**
     * Fits from a starting prior: EM finds a local optimum, and starting near the expected share of
     * matches keeps it from settling on another latent split (such as "same origin").
     */
    static Result fit(
            List<String> fields,
            List<List<String>> levels,
            Map<Long, Double> vectorCounts,
            double @Nullable [][] fixedU,
            double initialPrior) {
        return fit(fields, levels, vectorCounts, fixedU, null, initialPrior);
    }

    /** Fits the prior alone when both m and u are given, or m and the prior when u is given. */
    static Result fit(
            List<String> fields,
            List<List<String>> levels,
            Map<Long, Double> vectorCounts,
            double @Nullable [][] fixedU,
            double @Nullable [][] fixedM,
            double initialPrior) {
        int n = vectorCounts.size();
        long[] vectors = new long[n];
        double[] counts = new double[n];
        int i = 0;
        for (Map.Entry<Long, Double> entry : vectorCounts.entrySet()) {
            vectors[i] = entry.getKey();
            counts[i++] = entry.getValue();
        }
        double[][] m = fixedM != null ? fixedM : initial(levels, true);
        double[][] u = fixedU != null ? fixedU : initial(levels, false);
        double prior = initialPrior;
        double[] posterior = new double[n];
        int iteration = 0;
        boolean converged = false;
        while (iteration < MAX_ITERATIONS && !converged) {
            iteration++;
            double matched = 0;
            double total = 0;
            for (int v = 0; v < n; v++) {
                double pm = prior;
                double pu = 1 - prior;
                for (int f = 0; f < m.length; f++) {
                    int level = ComparisonVector.level(vectors[v], f);
                    if (level != FieldComparison.MISSING) {
                        pm *= m[f][level];
                        pu *= u[f][level];
                    }
                }
                posterior[v] = pm / (pm + pu);
                matched += posterior[v] * counts[v];
                total += counts[v];
            }
            double[][] nextM = FellegiSunterModel.zeros(levels);
            double[][] nextU = FellegiSunterModel.zeros(levels);
            for (int v = 0; v < n; v++) {
                for (int f = 0; f < m.length; f++) {
                    int level = ComparisonVector.level(vectors[v], f);
                    if (level != FieldComparison.MISSING) {
                        nextM[f][level] += posterior[v] * counts[v];
                        nextU[f][level] += (1 - posterior[v]) * counts[v];
                    }
                }
            }
            FellegiSunterModel.normalise(nextM, SMOOTHING);
            FellegiSunterModel.normalise(nextU, SMOOTHING);
            for (int f = 0; f < nextM.length; f++) {
                FellegiSunterModel.orderLevels(nextM[f], fixedU != null ? fixedU[f] : nextU[f]);
            }
            double nextPrior = matched / total;
            double change = Math.abs(nextPrior - prior);
            if (fixedM == null) {
                change += maxChange(m, nextM);
                m = nextM;
            }
            if (fixedU == null) {
                change += maxChange(u, nextU);
                u = nextU;
            }
            prior = nextPrior;
            converged = change < TOLERANCE;
        }
        return new Result(new FellegiSunterModel(fields, levels, m, u, prior), iteration, converged);
    }

    /** Starting values: m falls and u rises from the strongest agreement to disagreement. */
    private static double[][] initial(List<List<String>> levels, boolean forMatches) {
        double[][] table = FellegiSunterModel.zeros(levels);
        for (int f = 0; f < table.length; f++) {
            int last = table[f].length - 1;
            for (int l = 0; l <= last; l++) {
                int rank = forMatches ? l : last - l;
                table[f][l] = Math.pow(0.25, rank);
            }
        }
        FellegiSunterModel.normalise(table, 0);
        return table;
    }

    private static double maxChange(double[][] before, double[][] after) {
        double max = 0;
        for (int f = 0; f < before.length; f++) {
            for (int l = 0; l < before[f].length; l++) {
                max = Math.max(max, Math.abs(before[f][l] - after[f][l]));
            }
        }
        return max;
    }
}
