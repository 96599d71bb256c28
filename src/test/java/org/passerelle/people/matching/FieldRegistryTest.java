package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.FieldRegistry.Difference;
import org.passerelle.people.matching.FieldRegistry.Kinship;
import org.passerelle.people.matching.FieldRegistry.Registration;

class FieldRegistryTest {

    @Test
    void sameSeedGivesTheSameRegistry() {
        assertThat(new FieldRegistry(5).generate(300)).isEqualTo(new FieldRegistry(5).generate(300));
        assertThat(new FieldRegistry(6).generate(300)).isNotEqualTo(new FieldRegistry(5).generate(300));
    }

    @Test
    void registersEachPersonOneToFourTimesWithEveryKindOfDifferenceAndLookAlikes() {
        List<Registration> registry = new FieldRegistry(FieldRegistry.SEED).generate(2_000);

        assertThat(registry.stream().map(Registration::person).distinct()).hasSize(2_000);
        assertThat(registry.size()).isBetween(3_000, 3_600);
        assertThat(registry.stream().collect(Collectors.groupingBy(Registration::person, Collectors.counting())))
                .allSatisfy((person, count) -> assertThat(count).isBetween(1L, 4L));
        Set<Difference> seen = EnumSet.noneOf(Difference.class);
        registry.forEach(r -> seen.addAll(r.differences()));
        assertThat(seen).containsExactlyInAnyOrder(Difference.values());
        assertThat(registry.stream().map(Registration::kinship).distinct()).contains(Kinship.values());
        assertThat(registry.stream().map(Registration::site).distinct()).hasSize(FieldRegistry.SITES.size());
    }

    @Test
    void estimatesAgesOnTheDayOfRegistrationAndChildrenComeWithAParent() {
        List<Registration> registry = new FieldRegistry(FieldRegistry.SEED).generate(2_000);

        assertThat(registry)
                .filteredOn(r -> r.differences().contains(Difference.ESTIMATED_AGE))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.birthDate().estimatedOn()).isEqualTo(r.registeredOn()));
        assertThat(registry)
                .filteredOn(r -> r.kinship() == Kinship.PARENT_AND_CHILD && r.person() != r.family())
                .anySatisfy(child -> assertThat(registry)
                        .anyMatch(parent -> parent.person() == child.family()
                                && parent.registeredOn().equals(child.registeredOn())
                                && parent.site().equals(child.site())));
    }
}
