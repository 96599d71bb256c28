package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExpectationMaximisationTest {

    private static final List<String> FIELDS = List.of("a", "b", "c");
    private static final List<List<String>> LEVELS =
            List.of(List.of("same", "close", "different"), List.of("same", "different"), List.of("same", "different"));
    private static final double[][] M = {{0.85, 0.1, 0.05}, {0.9, 0.1}, {0.8, 0.2}};
    private static final double[][] U = {{0.01, 0.09, 0.9}, {0.05, 0.95}, {0.2, 0.8}};
    private static final double PRIOR = 0.1;

    /** Pairs drawn from a known model: conditionally independent fields, one in ten a match. */
    private static Map<Long, Double> sample(int pairs) {
        SplittableRandom random = new SplittableRandom(1);
        Map<Long, Double> counts = new HashMap<>();
        for (int p = 0; p < pairs; p++) {
            double[][] table = random.nextDouble() < PRIOR ? M : U;
            int[] vector = new int[table.length];
            for (int f = 0; f < table.length; f++) {
                double draw = random.nextDouble();
                int level = 0;
                while (level < table[f].length - 1 && (draw -= table[f][level]) > 0) {
                    level++;
                }
                vector[f] = level;
            }
            counts.merge(ComparisonVector.pack(vector), 1.0, Double::sum);
        }
        return counts;
    }

    @Test
    void recoversMUAndThePriorOfASyntheticModel() {
        var result = ExpectationMaximisation.fit(FIELDS, LEVELS, sample(200_000), null);

        assertThat(result.converged()).isTrue();
        FellegiSunterModel model = result.model();
        assertThat(model.prior()).isCloseTo(PRIOR, within(0.01));
        for (int f = 0; f < M.length; f++) {
            for (int l = 0; l < M[f].length; l++) {
                assertThat(model.m(f, l)).as("m %d %d", f, l).isCloseTo(M[f][l], within(0.03));
                assertThat(model.u(f, l)).as("u %d %d", f, l).isCloseTo(U[f][l], within(0.03));
            }
        }
    }

    @Test
    void estimatesOnlyMAndThePriorWhenUIsGiven() {
        var result = ExpectationMaximisation.fit(FIELDS, LEVELS, sample(200_000), U);

        assertThat(result.model().u(0, 0)).isEqualTo(U[0][0]);
        assertThat(result.model().m(0, 0)).isCloseTo(M[0][0], within(0.03));
        assertThat(result.model().prior()).isCloseTo(PRIOR, within(0.01));
    }

    @Test
    void scoresAndExplainsWithLog2BayesFactors() {
        FellegiSunterModel model = new FellegiSunterModel(FIELDS, LEVELS, M, U, PRIOR);
        int[] vector = {0, 1, FieldComparison.MISSING};

        MatchExplanation explanation = model.explain(vector);

        double expected = Math.log(0.85 / 0.01) / Math.log(2) + Math.log(0.1 / 0.95) / Math.log(2);
        assertThat(explanation.score()).isCloseTo(expected, within(1e-9));
        assertThat(explanation.contributions())
                .extracting(MatchExplanation.Contribution::level)
                .containsExactly("same", "different", "missing");
        assertThat(explanation.contributions().get(2).weight()).isZero();
        assertThat(model.probability(model.scoreFor(0.8))).isCloseTo(0.8, within(1e-9));
    }
}
