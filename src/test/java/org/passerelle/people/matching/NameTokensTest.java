package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameTokensTest {

    @Test
    void dropsStandaloneArticlesAndFiliationParticles() {
        assertThat(NameTokens.of("Mohamed Ben Ali")).containsExactly("mohamed", "ali");
        assertThat(NameTokens.of("Ahmed Ould Salem")).containsExactly("ahmed", "salem");
        assertThat(NameTokens.of("Karim El-Haddad")).containsExactly("karim", "haddad");
        assertThat(NameTokens.of("Ali ibn Abi Talib")).containsExactly("ali", "abi", "talib");
    }

    @Test
    void dropsAnArticleGluedToALongerName() {
        assertThat(NameTokens.of("Alhassane")).containsExactly("hassane");
        assertThat(NameTokens.of("Elhadj Diallo")).containsExactly("hadj", "diallo");
        assertThat(NameTokens.of("Allah")).containsExactly("allah");
    }

    @Test
    void joinsAbdWithWhatFollowsWhateverTheSpelling() {
        List<String> forms = List.of("Abdul Rahman", "Abdulrahman", "Abd al-Rahman", "Abdel Rahman", "Abdelrahman");
        assertThat(forms.stream().map(NameTokens::of).distinct()).containsExactly(List.of("abdrahman"));
        assertThat(NameTokens.of("Abderrahmane")).containsExactly("abdrrahmane");
        assertThat(PhoneticKey.of("abdrrahmane")).isEqualTo(PhoneticKey.of("abdrahman"));
        assertThat(NameTokens.of("Abdel Kader")).isEqualTo(NameTokens.of("Abdelkader"));
    }

    @Test
    void keepsAbdouAsAName() {
        assertThat(NameTokens.of("Abdou Diallo")).containsExactly("abdou", "diallo");
    }

    @Test
    void joinsTheEddineEnding() {
        List<String> forms = List.of("Nour Eddine", "Noureddine", "Nour al-Din", "Nourdine");
        assertThat(forms.stream().map(NameTokens::of).distinct()).containsExactly(List.of("nourdin"));
        assertThat(NameTokens.of("Nadine")).containsExactly("nadine");
    }

    @Test
    void joinsAbuAndEthiopianCompounds() {
        assertThat(NameTokens.of("Abu Bakr")).containsExactly("abubakr");
        assertThat(NameTokens.of("Gebre Medhin")).isEqualTo(NameTokens.of("Gebremedhin"));
        assertThat(NameTokens.of("Tesfa Mariam")).isEqualTo(NameTokens.of("Tesfamariam"));
        assertThat(NameTokens.of("Haile Mariam")).containsExactly("hailemariam");
        assertThat(NameTokens.of("Haile Tesfaye")).containsExactly("haile", "tesfaye");
        assertThat(NameTokens.of("Mariam Diallo")).containsExactly("mariam", "diallo");
    }
}
