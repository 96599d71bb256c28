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
        assertThat(NameTokens.of("Abdi Hassan Ali")).containsExactly("abdi", "hassan", "ali");
        assertThat(NameTokens.of("Abdou Ly")).containsExactly("abdou", "ly");
        assertThat(NameTokens.of("Abdou Lo")).containsExactly("abdou", "lo");
    }

    @Test
    void joinsAbdiAndAbdouToANameOfGod() {
        assertThat(NameTokens.of("Abdi Rahman")).isEqualTo(NameTokens.of("Abdirahman"));
        assertThat(NameTokens.of("Abdi Rahman")).isEqualTo(NameTokens.of("Abdul Rahman"));
        assertThat(NameTokens.of("Abdi Kadir Warsame")).isEqualTo(NameTokens.of("Abdikadir Warsame"));
        assertThat(NameTokens.of("Abdou Laye")).isEqualTo(NameTokens.of("Abdoulaye"));
        assertThat(NameTokens.of("Abdou Aziz")).isEqualTo(NameTokens.of("Abdouaziz"));
    }

    @Test
    void dropsAFiliationParticleGluedToAName() {
        assertThat(NameTokens.of("Benmoussa")).isEqualTo(NameTokens.of("Moussa"));
        assertThat(NameTokens.of("Karim Benmoussa")).isEqualTo(NameTokens.of("Karim Ben Moussa"));
        assertThat(NameTokens.of("Ouldmohamed")).containsExactly("mohamed");
        assertThat(NameTokens.of("Benjamin")).containsExactly("benjamin");
        assertThat(NameTokens.of("Bennani")).containsExactly("bennani");
        assertThat(NameTokens.of("Benali")).containsExactly("benali");
        assertThat(NameTokens.of("Bou Zid")).isEqualTo(NameTokens.of("Bouzid"));
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
        assertThat(NameTokens.of("Berhe Mariam")).isEqualTo(NameTokens.of("Berhemariam"));
        assertThat(NameTokens.of("Fikre Mariam")).isEqualTo(NameTokens.of("Fikremariam"));
        assertThat(NameTokens.of("Woldemichael")).isEqualTo(NameTokens.of("Woldemikael"));
        assertThat(NameTokens.of("Wolde Mikhael")).isEqualTo(NameTokens.of("Woldemichael"));
        assertThat(NameTokens.of("G/Medhin")).isEqualTo(NameTokens.of("Gebremedhin"));
        assertThat(NameTokens.of("W/Mariam")).isEqualTo(NameTokens.of("Woldemariam"));
        assertThat(NameTokens.of("H/Selassie")).isEqualTo(NameTokens.of("Haile Selassie"));
        assertThat(NameTokens.of("Haile G/Medhin")).containsExactly("haile", "gebremedhin");
    }
}
