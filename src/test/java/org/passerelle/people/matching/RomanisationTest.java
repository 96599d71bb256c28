package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RomanisationTest {

    @Test
    void romanisesArabicScriptToAKeyEqualToTheLatinSpellings() {
        assertThat(NameFolding.fold("محمد")).isEqualTo("mhmd");
        assertThat(PhoneticKey.of(NameFolding.fold("محمد"))).isEqualTo(PhoneticKey.of("Mohamed"));
        assertThat(PhoneticKey.of(NameFolding.fold("يوسف"))).isEqualTo(PhoneticKey.of("Youssef"));
        assertThat(PhoneticKey.of(NameFolding.fold("عائشة"))).isEqualTo(PhoneticKey.of("Aicha"));
        assertThat(NameFolding.fold("علي")).isEqualTo("ali");
    }

    @Test
    void romanisesArabicWithShortVowelsWhenTheyAreWritten() {
        assertThat(NameFolding.fold("مُحَمَّد")).isEqualTo("mouhammad");
    }

    @Test
    void separatesTheArabicArticle() {
        assertThat(NameTokens.of("عبد الرحمن")).containsExactly("abdrhmn");
        assertThat(PhoneticKey.of("abdrhmn"))
                .isEqualTo(PhoneticKey.of(NameTokens.of("Abdul Rahman").getFirst()));
        assertThat(NameFolding.fold("الحداد")).isEqualTo("al hdad");
    }

    @Test
    void romanisesEthiopicSyllables() {
        assertThat(NameFolding.fold("ተስፋዬ")).isEqualTo("tesfaye");
        assertThat(NameFolding.fold("ሃይሌ")).isEqualTo("hayle");
        assertThat(NameFolding.fold("አበበ")).isEqualTo("abebe");
        assertThat(NameFolding.fold("ዮሃንስ")).isEqualTo("yohans");
        assertThat(PhoneticKey.of(NameFolding.fold("ገብረመድህን"))).isEqualTo(PhoneticKey.of("Gebremedhin"));
        assertThat(PhoneticKey.of(NameFolding.fold("ትግስት"))).isEqualTo(PhoneticKey.of("Tigist"));
    }

    @Test
    void foldsAccentsApostrophesAndSpecialLetters() {
        assertThat(NameFolding.fold("Aïcha N'Diaye-Fofaná")).isEqualTo("aicha ndiaye fofana");
        assertThat(NameFolding.fold("FRANÇOIS Œuvre")).isEqualTo("fransois oeuvre");
        assertThat(NameFolding.fold("  Sa'ïd   ")).isEqualTo("said");
    }

    @Test
    void keepsBothScriptsOfAMixedName() {
        assertThat(NameFolding.fold("Tesfaye ተስፋዬ")).isEqualTo("tesfaye tesfaye");
    }
}
