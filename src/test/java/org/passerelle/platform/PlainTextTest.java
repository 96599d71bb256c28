package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void findsBidirectionalControlsAnywhereInAName() {
        assertThat(PlainText.hiddenFormatting("Ali\u202Eexe.PDF")).isTrue();
        for (char control : new char[] {
            '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E',
            '\u200F', '\u061C'
        }) {
            assertThat(PlainText.hiddenFormatting("Amina" + control))
                    .as("U+%04X", (int) control)
                    .isTrue();
            assertThat(PlainText.hiddenFormatting(control + "أمينة"))
                    .as("U+%04X", (int) control)
                    .isTrue();
        }
    }

    @Test
    void findsZeroWidthCharactersThatMakeTwoNamesLookAlike() {
        assertThat(PlainText.hiddenFormatting("Mo\u200Bhamed")).isTrue();
        assertThat(PlainText.hiddenFormatting("Mo\u2060hamed")).isTrue();
        assertThat(PlainText.hiddenFormatting("\uFEFFMohamed")).isTrue();
        assertThat(PlainText.hiddenFormatting("Mohamed\u200C")).isTrue();
        assertThat(PlainText.hiddenFormatting("\u200DMohamed")).isTrue();
        assertThat(PlainText.hiddenFormatting("Ali \u200C Said")).isTrue();
        assertThat(PlainText.hiddenFormatting("a\u200D\u200Db")).isTrue();
    }

    @Test
    void keepsJoinersWhereScriptsAndEmojiNeedThem() {
        assertThat(PlainText.hiddenFormatting("می\u200Cخواهم")).as("Persian").isFalse();
        assertThat(PlainText.hiddenFormatting("क्\u200Dष")).as("Devanagari").isFalse();
        assertThat(PlainText.hiddenFormatting("👩🏽\u200D⚕️"))
                .as("emoji sequence")
                .isFalse();
        assertThat(PlainText.hiddenFormatting("محمد عبد القادر")).isFalse();
        assertThat(PlainText.hiddenFormatting("አበበ ቢቂላ")).isFalse();
        assertThat(PlainText.hiddenFormatting("Zoé N'Guessan-Koné")).isFalse();
    }
}
