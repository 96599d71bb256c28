package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void acceptsLongUncommonPassphrases() {
        assertThatCode(() -> policy.check("tea with mint at Calais", "amina")).doesNotThrowAnyException();
        assertThatCode(() -> policy.check("Dune-Camion-Lumiere", "amina")).doesNotThrowAnyException();
    }

    @Test
    void refusesShortPasswordsCountingCharactersNotBytes() {
        assertThatThrownBy(() -> policy.check("short-pass1", "amina")).hasMessage("password-too-short");
        assertThatThrownBy(() -> policy.check("ééééééééééé", "amina")).hasMessage("password-too-short");
    }

    @Test
    void refusesCommonPasswordsAndTheirObviousVariants() {
        assertThatThrownBy(() -> policy.check("1qaz2wsx3edc", "amina")).hasMessage("password-too-common");
        assertThatThrownBy(() -> policy.check("Sunshine2024!!", "amina")).hasMessage("password-too-common");
        assertThatThrownBy(() -> policy.check("monkeymonkeymonkey", "amina")).hasMessage("password-too-common");
        assertThatThrownBy(() -> policy.check("123456789012", "amina")).hasMessage("password-too-common");
    }

    @Test
    void refusesAPasswordContainingTheUserName() {
        assertThatThrownBy(() -> policy.check("my name is Amina Diallo", "amina"))
                .hasMessage("password-contains-username");
    }
}
