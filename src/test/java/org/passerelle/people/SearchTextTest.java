package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsCaseAccentsAndPunctuation() {
        assertThat(SearchText.fold("Abd-El Kâder")).isEqualTo("abd el kader");
        assertThat(SearchText.fold("  Zoë   N'Diaye ")).isEqualTo("zoe n diaye");
    }

    @Test
    void unifiesArabicLetterVariantsAndDropsShortVowels() {
        assertThat(SearchText.fold("أحمد")).isEqualTo(SearchText.fold("احمد"));
        assertThat(SearchText.fold("مُحَمَّد")).isEqualTo("محمد");
        assertThat(SearchText.fold("فاطمة")).isEqualTo(SearchText.fold("فاطمه"));
    }

    @Test
    void splitsAQueryIntoDistinctTokensLongestFirst() {
        assertThat(SearchText.tokens("Ali ali  Mohammed")).containsExactly("mohammed", "ali");
        assertThat(SearchText.tokens(" - ")).isEmpty();
    }
}
