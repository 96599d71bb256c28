package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class RecoveryCodesTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void matchesTheCodeHowEverItIsTypedButNoOther() {
        String code = RecoveryCodes.generate(random);
        byte[] salt = RecoveryCodes.newSalt(random);
        byte[] hash = RecoveryCodes.hash(salt, code);

        assertThat(code).matches("[2-9a-z]{5}(-[2-9a-z]{5}){4}");
        assertThat(RecoveryCodes.matches(salt, hash, code)).isTrue();
        assertThat(RecoveryCodes.matches(salt, hash, " " + code.toUpperCase().replace("-", " ") + " "))
                .isTrue();
        assertThat(RecoveryCodes.matches(salt, hash, RecoveryCodes.generate(random)))
                .isFalse();
        assertThat(RecoveryCodes.matches(RecoveryCodes.newSalt(random), hash, code))
                .isFalse();
    }
}
