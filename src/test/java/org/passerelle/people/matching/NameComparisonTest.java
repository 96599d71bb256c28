package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.people.Sex;

class NameComparisonTest {

    private static MatchablePerson person(String... names) {
        return MatchablePerson.of(new PersonRecord("p", List.of(names), Sex.UNKNOWN, null, null));
    }

    private static String level(MatchablePerson a, MatchablePerson b) {
        int level = NameComparison.level(a, b);
        return level < 0 ? "missing" : NameComparison.LEVELS.get(level);
    }

    @Test
    void ignoresNameOrder() {
        assertThat(level(person("Mohamed Ali Hassan"), person("Hassan Mohamed Ali")))
                .isEqualTo("all names exact");
    }

    @Test
    void pairsSpellingsScriptsAndParticles() {
        assertThat(level(person("Mohamed Ben Ali"), person("محمد علي"))).isEqualTo("all names similar");
        assertThat(level(person("Tesfaye Gebremedhin"), person("ተስፋዬ ገብረመድህን"))).isEqualTo("all names similar");
        assertThat(level(person("Abdul Rahman Youssef"), person("Yusuf Abderrahmane")))
                .isEqualTo("all names similar");
        assertThat(level(person("Mahamat Ahmat"), person("Ahmed El Mohamed"))).isEqualTo("all names similar");
    }

    @Test
    void matchesAJoinedNameWithItsTwoParts() {
        assertThat(level(person("Benali Youssef"), person("Youssef Ben Ali"))).isEqualTo("all names similar");
        assertThat(level(person("Habibullah Karimi"), person("Habib Ullah Karimi")))
                .isEqualTo("all names similar");
    }

    @Test
    void toleratesATypo() {
        assertThat(level(person("Fatoumata Diallo"), person("Fatuomata Dialo"))).isEqualTo("all names similar");
    }

    @Test
    void usesAllThePersonsNames() {
        MatchablePerson withAlias = person("Aisha Konate", "Awa Diarra");
        assertThat(level(withAlias, person("Diarra Awa"))).isEqualTo("all names exact");
    }

    @Test
    void findsWhichOfAPersonsNamesIsClosestToTheQuery() {
        List<String> names = List.of("Amina Tesfay", "Aminata Yusuf", "أمينة يوسف");
        assertThat(NameComparison.closestName(person("Aminata Youssouf"), names))
                .isEqualTo(1);
        assertThat(NameComparison.closestName(person("Tesfaye"), names)).isZero();
        assertThat(NameComparison.closestName(person("Yusuf Aminata"), List.of("Amina Yusuf", "Aminata Yusuf")))
                .isEqualTo(1);
        assertThat(NameComparison.closestName(person("Ali"), List.of("Mohamed Ali", "Ali")))
                .as("the chosen name wins a tie")
                .isZero();
    }

    @Test
    void countsPartialAgreement() {
        assertThat(level(person("Mohamed Ali Hassan"), person("Mohamed Ali Osman")))
                .isEqualTo("two or more names similar");
        assertThat(level(person("Mohamed Diallo"), person("Mohamed Traore"))).isEqualTo("one name similar");
        assertThat(level(person("Tigist Haile"), person("Mohamed Traore"))).isEqualTo("no name in common");
        assertThat(level(person("Tigist Haile"), person())).isEqualTo("missing");
    }

    @Test
    void scoresTokenSimilarity() {
        assertThat(NameComparison.similarity(NameToken.of("fatima"), NameToken.of("fatima")))
                .isEqualTo(1);
        assertThat(NameComparison.similarity(NameToken.of("youcef"), NameToken.of("yusuf")))
                .isEqualTo(NameComparison.PHONETIC);
        assertThat(NameComparison.similarity(NameToken.of("ali"), NameToken.of("wael")))
                .isLessThan(NameComparison.SIMILAR);
    }
}
