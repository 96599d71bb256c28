package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.people.Sex;

class NameFrequenciesTest {

    private static MatchablePerson person(String name) {
        return MatchablePerson.of(new PersonRecord(name, List.of(name), Sex.MALE, null, null));
    }

    @Test
    void aPersonBearingANameBeyondTheOthersAgreeingOnesCountsAgainstThePairEvenWhenOneIsRespelt() {
        MatchablePerson father = person("Tesfaye Berhane");
        MatchablePerson son = person("Semre Tesfaye Berhame");
        MatchablePerson respelt = person("Tesfaye Berhame");
        NameFrequencies frequencies = NameFrequencies.of(List.of(father, son, respelt));
        Linker<MatchablePerson> linker = PersonMatching.linker();
        int[] withSon = linker.compare(father, son);
        int[] withRespelt = linker.compare(father, respelt);

        assertThat(withSon[0])
                .as("all of the father's names agree with the son's")
                .isEqualTo(1);
        assertThat(withRespelt[0]).isEqualTo(1);
        assertThat(frequencies.weight(father, son, withSon))
                .isCloseTo(
                        frequencies.weight(father, respelt, withRespelt) - NameFrequencies.UNSHARED_NAME, within(1e-9));
    }
}
