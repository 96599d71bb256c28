package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scan drops a pair as soon as it can no longer reach the score asked for, and sorts what it
 * finds by counting: it must find exactly the pairs, scores and order that scoring every candidate
 * pair on every field gives.
 */
class LinkerTest {

    @Test
    void findsWhatScoringEveryCandidatePairFullyFinds() {
        List<MatchablePerson> persons = SetRecordFile.read(SetRecordFile.readResource()).stream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
        Linker<MatchablePerson> linker = PersonMatching.linker();
        FellegiSunterModel trained = linker.trainDeduplication(persons, 7).model();
        List<int[]> candidates = new ArrayList<>();
        linker.deduplicationPairs(persons).visit(() -> (a, b) -> {
            synchronized (candidates) {
                candidates.add(new int[] {a, b});
            }
        });

        for (FellegiSunterModel model : List.of(trained, PersonMatching.defaultModel())) {
            for (double probability : new double[] {0.01, 0.2, 0.5, 0.9, 0.999}) {
                double minScore = model.scoreFor(probability);
                List<ScoredPair> expected = new ArrayList<>();
                for (int[] pair : candidates) {
                    double score = model.score(linker.compare(persons.get(pair[0]), persons.get(pair[1])));
                    if (score >= minScore) {
                        expected.add(new ScoredPair(pair[0], pair[1], score, model.probability(score)));
                    }
                }
                expected.sort(Comparator.comparingInt(ScoredPair::first).thenComparingInt(ScoredPair::second));

                assertThat(linker.deduplicate(persons, model, minScore))
                        .as("p >= " + probability)
                        .isEqualTo(expected);
            }
        }
    }
}
