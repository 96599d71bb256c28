package org.passerelle.platform.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class DataKeyTest {

    private final UUID subject = UUID.randomUUID();
    private final DataKey key = new DataKey(subject, new SecretKeySpec(new byte[32], "AES"));

    @Test
    void sealsWithAFreshNonceAndOpensWhatItSealed() {
        byte[] first = key.seal("chosen-name", "Semhar Tesfay");
        byte[] second = key.seal("chosen-name", "Semhar Tesfay");

        assertThat(first).isNotEqualTo(second);
        assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("Semhar");
        assertThat(key.open("chosen-name", first)).isEqualTo("Semhar Tesfay");
        assertThat(key.open("chosen-name", second)).isEqualTo("Semhar Tesfay");
    }

    @Test
    void refusesAnAlteredCiphertext() {
        byte[] sealed = key.seal("chosen-name", "Semhar Tesfay");
        sealed[sealed.length - 1] ^= 1;

        assertThatThrownBy(() -> key.open("chosen-name", sealed)).isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesACiphertextMovedToAnotherFieldOrPerson() {
        byte[] sealed = key.seal("chosen-name", "Semhar Tesfay");
        DataKey samebytesOtherPerson = new DataKey(UUID.randomUUID(), new SecretKeySpec(new byte[32], "AES"));

        assertThatThrownBy(() -> key.open("phone", sealed)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> samebytesOtherPerson.open("chosen-name", sealed))
                .isInstanceOf(CryptoException.class);
    }

    @Test
    void refusesAnotherKey() {
        byte[] sealed = key.seal("note", "PEP started");
        byte[] otherBytes = new byte[32];
        otherBytes[0] = 1;
        DataKey other = new DataKey(subject, new SecretKeySpec(otherBytes, "AES"));

        assertThatThrownBy(() -> other.open("note", sealed)).isInstanceOf(CryptoException.class);
        assertThatThrownBy(() -> key.open("note", new byte[] {1, 2, 3})).isInstanceOf(CryptoException.class);
    }
}
