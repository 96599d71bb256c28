package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.FieldRegistry.Difference;
import org.passerelle.people.matching.FieldRegistry.Registration;

/**
 * A small field-like registry through the scan's engine as the scan runs it (300 people, so the
 * default weights serve, as on a new registry); bench/matching-field.sh measures 2,000 people
 * through the API.
 */
class FieldScanEvaluationTest {

    @Test
    void findsMostDuplicatesOfASmallRegistryWithFewWrongPairs() {
        List<Registration> registry = new FieldRegistry(7).generate(300);

        FieldScanEvaluation.Outcome outcome = FieldScanEvaluation.run(registry, 7);

        assertThat(outcome.weights().kind()).isEqualTo(ScanWeights.Kind.DEFAULT);
        assertThat(outcome.report().pairs().precision()).isGreaterThanOrEqualTo(0.9);
        assertThat(outcome.report().pairs().f1()).isGreaterThanOrEqualTo(0.65);
        assertThat(outcome.report().recall(Difference.ESTIMATED_AGE))
                .as("an estimated age is evidence")
                .isGreaterThanOrEqualTo(0.2);
        assertThat(outcome.report().recall(Difference.YEAR_ONLY)).isGreaterThanOrEqualTo(0.5);
    }
}
