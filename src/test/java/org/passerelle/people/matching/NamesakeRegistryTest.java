package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * A registry full of namesakes, like a test suite's where thousands of records bear one name and
 * one birth date: random pairs of it agree on all names so often that an exact agreement, measured
 * on it, says less than a looser one. The weights measured on it must still rank every level of
 * agreement, and the scan must not propose the namesakes in bulk (before the levels were kept in
 * order, this registry of different people had 309 pairs proposed).
 */
class NamesakeRegistryTest {

    private static final int PERSONS = 2_400;
    private static final LocalDate CONVENTIONAL = LocalDate.of(1990, 3, 14);
    private static final List<String> RESPELT =
            List.of("Crash Persson", "Krash Person", "Crash Personne", "Crach Person");

    /**
     * Different people: six in ten named alike, half of those born on one conventional day; two in
     * ten with that name respelt and an imprecise or estimated date; the rest with names of their own.
     */
    private static List<MatchablePerson> namesakes() {
        SplittableRandom random = new SplittableRandom(7);
        List<MatchablePerson> persons = new ArrayList<>();
        for (int i = 0; i < PERSONS; i++) {
            int draw = random.nextInt(100);
            String name;
            BirthDate born;
            if (draw < 60) {
                name = "Crash Person";
                born = BirthDate.exact(random.nextInt(100) < 50 ? CONVENTIONAL : anyDay(random));
            } else if (draw < 80) {
                name = RESPELT.get(random.nextInt(RESPELT.size()));
                born = switch (random.nextInt(3)) {
                    case 0 -> BirthDate.year(CONVENTIONAL.getYear());
                    case 1 -> BirthDate.estimated(34 + random.nextInt(3), LocalDate.of(2024, 6, 1));
                    default -> BirthDate.exact(anyDay(random));
                };
            } else {
                name = "W" + Integer.toString(random.nextInt(1 << 20), 36) + " Q"
                        + Integer.toString(random.nextInt(1 << 20), 36);
                born = BirthDate.exact(anyDay(random));
            }
            persons.add(MatchablePerson.of(new PersonRecord("p" + i, List.of(name), Sex.MALE, born, null)));
        }
        return persons;
    }

    private static LocalDate anyDay(SplittableRandom random) {
        return LocalDate.of(1950, 1, 2).plusDays(random.nextInt(60 * 365));
    }

    @Test
    void aBetterLevelOfAgreementNeverWeighsLessThanAWorseOne() {
        ScanWeights.Estimate estimate = ScanWeights.estimate(namesakes(), 11);

        FellegiSunterModel model = estimate.model();
        assertThat(model.u(0, 0))
                .as("the registry makes an exact name common among different people: %s", model)
                .isGreaterThan(model.m(0, 0) / 2);
        assertThat(model.weight(0, 0))
                .as("all names exact against all names similar")
                .isGreaterThanOrEqualTo(model.weight(0, 1));
        assertThat(model.weight(1, 0)).as("same date against a looser date").isGreaterThanOrEqualTo(model.weight(1, 2));
        assertOrdered(model);
        assertOrdered(estimate.estimated());
    }

    @Test
    void theScanDoesNotProposeTheNamesakesInBulk() {
        List<MatchablePerson> persons = namesakes();
        ScanWeights.Estimate estimate = ScanWeights.estimate(persons, 11);
        FellegiSunterModel model = estimate.model();

        List<ScoredPair> pairs = PersonMatching.linker()
                .deduplicate(
                        persons,
                        model,
                        model.scoreFor(estimate.threshold()),
                        NameFrequencies.of(persons).within(model));

        assertThat(model.prior()).isLessThanOrEqualTo(ScanWeights.maxPrior(PERSONS));
        assertThat(pairs).as("pairs proposed under %s", model).hasSizeLessThan(50);
    }

    @Test
    void aRareExtraNameIsProposedAmongTheNamesakes() {
        List<MatchablePerson> persons = new ArrayList<>(namesakes());
        LocalDate born = LocalDate.of(1987, 9, 23);
        for (int i = 0; i < 4; i++) {
            persons.add(MatchablePerson.of(new PersonRecord(
                    "rare" + i, List.of("Crash Person Zerihun"), Sex.MALE, BirthDate.exact(born), null)));
        }
        ScanWeights.Estimate estimate = ScanWeights.estimate(persons, 11);
        FellegiSunterModel model = estimate.model();

        List<ScoredPair> pairs = PersonMatching.linker()
                .deduplicate(
                        persons,
                        model,
                        model.scoreFor(estimate.threshold()),
                        NameFrequencies.of(persons).within(model));

        assertThat(pairs.stream().filter(pair -> pair.first() >= PERSONS && pair.second() >= PERSONS))
                .as("pairs of the four records bearing a rare name, under %s", model)
                .hasSize(6);
        assertThat(pairs).as("pairs proposed under %s", model).hasSizeLessThan(50);
    }

    @Test
    void withoutTheModelARareNameWeighsAsBefore() {
        List<MatchablePerson> persons = new ArrayList<>(namesakes());
        MatchablePerson rare = MatchablePerson.of(new PersonRecord(
                "rare", List.of("Crash Person Zerihun"), Sex.MALE, BirthDate.exact(CONVENTIONAL), null));
        persons.add(rare);
        persons.add(rare);
        ScanWeights.Estimate estimate = ScanWeights.estimate(persons, 11);
        NameFrequencies plain = NameFrequencies.of(persons);
        int[] allExact = {0, 0, 0};

        assertThat(plain.weight(rare, rare, allExact)).isLessThanOrEqualTo(NameFrequencies.MAX_TOTAL);
        assertThat(plain.within(estimate.model()).weight(rare, rare, allExact))
                .as("within a level measured on namesakes")
                .isGreaterThan(NameFrequencies.MAX_TOTAL);
    }

    @Test
    void poolsTheLevelsOutOfOrderIntoOneLikelihoodRatio() {
        double[] m = {0.30, 0.55, 0.07, 0.06, 0.02};
        double[] u = {0.53, 0.002, 0.01, 0.15, 0.308};

        FellegiSunterModel.orderLevels(m, u);

        // the first three levels share the ratio of their sums, 0.92 / 0.542; the others keep theirs
        for (int l = 0; l < 3; l++) {
            assertThat(m[l] / u[l]).as("level %d", l).isCloseTo(0.92 / 0.542, within(1e-9));
        }
        assertThat(m[3]).isEqualTo(0.06);
        assertThat(m[4]).isEqualTo(0.02);
        assertThat(m[0] + m[1] + m[2] + m[3] + m[4]).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void leavesLevelsAlreadyInOrderAlone() {
        double[] m = {0.6, 0.3, 0.1};
        double[] u = {0.01, 0.09, 0.9};

        FellegiSunterModel.orderLevels(m, u);

        assertThat(m).containsExactly(0.6, 0.3, 0.1);
    }

    private static void assertOrdered(FellegiSunterModel model) {
        for (int f = 0; f < model.fields().size(); f++) {
            for (int l = 0; l + 1 < model.levels(f); l++) {
                assertThat(model.weight(f, l))
                        .as("%s level %d against level %d: %s", model.fields().get(f), l, l + 1, model)
                        .isGreaterThanOrEqualTo(model.weight(f, l + 1));
            }
        }
    }
}
