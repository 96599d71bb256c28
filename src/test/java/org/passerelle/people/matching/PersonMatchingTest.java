package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

class PersonMatchingTest {

    /** The keys stored in the database index: the sub-blocking keys of the scan are not among them. */
    @Test
    void indexesNameYearNamePairAndDateKeys() {
        PersonRecord person = new PersonRecord(
                "p",
                List.of("Mohamed Ben Ali Hassan", "محمد علي"),
                Sex.MALE,
                BirthDate.exact(LocalDate.of(1990, 5, 17)),
                "SD");

        assertThat(PersonMatching.indexKeys(person))
                .containsExactly(
                        "name-year:MHMT|1990",
                        "name-year:AL|1990",
                        "name-year:HSN|1990",
                        "name-pair:AL|HSN",
                        "name-pair:AL|MHMT",
                        "name-pair:HSN|MHMT",
                        "date:1990-5-17");
        assertThat(PersonMatching.indexKeys(
                        new PersonRecord("q", List.of("Abdul Rahman Youssef"), Sex.MALE, BirthDate.year(1985), null)))
                .containsExactly("name-year:ABTRHMN|1985", "name-year:ASF|1985", "name-pair:ABTRHMN|ASF");
    }

    @Test
    void splitsCommonNameBlocksByTwoNamesAndTheBirthYear() {
        MatchablePerson person = MatchablePerson.of(
                new PersonRecord("p", List.of("Mohamed Ali Hassan"), Sex.MALE, BirthDate.year(1990), null));

        assertThat(PersonMatching.namePairYearKeys(person))
                .containsExactly("AL|HSN|1990", "AL|MHMT|1990", "HSN|MHMT|1990");
    }
}
