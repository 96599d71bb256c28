package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.PersonMatching;
import org.passerelle.people.matching.ScanWeights;

class DuplicateScansTest {

    @Test
    void assumesAFewPercentOfRegistrationsAreDuplicatesWhateverTheSize() {
        // 5,000 duplicate pairs among the 4,999,950,000 pairs of 100,000 persons
        assertThat(ScanWeights.assumedPrior(100_000)).isCloseTo(5_000 / 4_999_950_000.0, within(1e-12));
        assertThat(ScanWeights.assumedPrior(1_000_000)).isLessThan(ScanWeights.assumedPrior(100_000) / 9);
        assertThat(ScanWeights.assumedPrior(2)).isEqualTo(0.5);
        assertThat(ScanWeights.assumedPrior(0)).isEqualTo(0.5);
    }

    @Test
    void findsTheHandSetWeightsPlausible() {
        assertThat(ScanWeights.plausible(PersonMatching.defaultModel())).isTrue();
    }
}
