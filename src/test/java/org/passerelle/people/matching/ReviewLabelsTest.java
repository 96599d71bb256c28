package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.FieldRegistry.Registration;

/**
 * The data officer's decisions in the review queue teach the next scan how true duplicates agree,
 * once enough pairs have been merged; before that the scan says how many merges it has.
 */
class ReviewLabelsTest {

    private static final long SEED = 11;

    @Test
    void theNextScanLearnsFromTheMergesOnceThereAreEnough() {
        List<Registration> registry = new FieldRegistry(SEED).generate(2_000);
        List<MatchablePerson> persons = registry.stream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        FieldScanEvaluation.Outcome before = FieldScanEvaluation.run(registry, SEED);
        assertThat(before.weights().kind()).isIn(ScanWeights.Kind.REGISTRY, ScanWeights.Kind.MEASURED);

        ReviewLabels few = decisions(registry, persons, before.weights().model(), 30);
        ScanWeights.Estimate notYet = ScanWeights.estimate(persons, SEED, few);
        assertThat(few.merges()).isLessThan(ScanWeights.MIN_MERGES_TO_LEARN);
        assertThat(notYet.kind()).isEqualTo(before.weights().kind());
        assertThat(notYet.merges()).isEqualTo(few.merges());

        ReviewLabels many = decisions(registry, persons, before.weights().model(), 400);
        FieldScanEvaluation.Outcome after = FieldScanEvaluation.run(registry, SEED, many);

        assertThat(many.merges()).isGreaterThanOrEqualTo(ScanWeights.MIN_MERGES_TO_LEARN);
        assertThat(many.differents()).isPositive();
        assertThat(after.weights().kind()).isEqualTo(ScanWeights.Kind.LABELLED);
        assertThat(after.weights().merges()).isEqualTo(many.merges());
        // the merged pairs mostly agree on all names, seldom on one only: the learnt m say so
        int allSimilar = 1;
        int oneName = NameComparison.LEVELS.size() - 2;
        FellegiSunterModel handSet = PersonMatching.defaultModel();
        assertThat(after.weights().model().m(0, allSimilar)).isGreaterThan(handSet.m(0, allSimilar));
        assertThat(after.weights().model().m(0, oneName)).isLessThan(handSet.m(0, oneName));
        assertThat(after.report().pairs().precision())
                .isGreaterThanOrEqualTo(before.report().pairs().precision());
        assertThat(after.report().pairs().f1())
                .isGreaterThanOrEqualTo(before.report().pairs().f1() - 0.02);
    }

    /**
     * The first {@code limit} pairs a scan with these weights proposes, decided as a data officer
     * who knows the truth would: merged when one person, else judged different people.
     */
    private static ReviewLabels decisions(
            List<Registration> registry, List<MatchablePerson> persons, FellegiSunterModel model, int limit) {
        Linker<MatchablePerson> linker = PersonMatching.linker();
        NameFrequencies frequencies = NameFrequencies.of(persons);
        ReviewLabels labels = ReviewLabels.empty();
        for (ScoredPair pair :
                linker.deduplicate(persons, model, model.scoreFor(ScanWeights.MEASURED_THRESHOLD), frequencies)) {
            if (labels.merges() + labels.differents() >= limit) {
                break;
            }
            MatchExplanation why =
                    linker.explain(persons.get(pair.first()), persons.get(pair.second()), model, frequencies);
            labels.add(
                    why.contributions().stream()
                            .map(MatchExplanation.Contribution::field)
                            .toList(),
                    why.contributions().stream()
                            .map(MatchExplanation.Contribution::level)
                            .toList(),
                    registry.get(pair.first()).person()
                            == registry.get(pair.second()).person());
        }
        return labels;
    }
}
