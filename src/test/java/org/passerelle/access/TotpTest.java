package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** The SHA-1 key of RFC 6238's test vectors. */
    private static final byte[] KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void computesTheEightDigitCodeOfTheRfcTestVector() {
        assertThat(Totp.code(KEY, Totp.step(Instant.ofEpochSecond(59)), 8)).isEqualTo("94287082");
    }

    @ParameterizedTest
    @CsvSource({"59, 287082", "1111111109, 081804", "1111111111, 050471", "1234567890, 005924", "2000000000, 279037"})
    void computesTheSixDigitCodesOfTheRfcTestVectors(long epochSecond, String code) {
        assertThat(Totp.code(KEY, Totp.step(Instant.ofEpochSecond(epochSecond)), Totp.DIGITS))
                .isEqualTo(code);
    }

    @Test
    void acceptsTheCodeOfOneStepBeforeOrAfterForClocksThatDrift() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step - 1, 6), now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step, 6), now, 0)).hasValue(step);
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step + 1, 6), now, 0)).hasValue(step + 1);
    }

    @Test
    void refusesCodesOfTwoStepsAwayOrMore() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step - 2, 6), now, 0)).isEmpty();
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step + 2, 6), now, 0)).isEmpty();
    }

    @Test
    void refusesACodeAlreadyAcceptedAndAnyOlderOne() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);
        long step = Totp.step(now);

        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step, 6), now, step)).isEmpty();
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step - 1, 6), now, step))
                .isEmpty();
        assertThat(Totp.matchingStep(KEY, Totp.code(KEY, step + 1, 6), now, step))
                .hasValue(step + 1);
    }

    @Test
    void refusesCodesThatAreNotSixDigits() {
        Instant now = Instant.ofEpochSecond(1_111_111_111);

        assertThat(Totp.matchingStep(KEY, "50471", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(KEY, "0504711", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(KEY, "05o471", now, 0)).isEmpty();
    }

    @Test
    void writesSecretsInBase32AsAuthenticatorAppsRead() {
        assertThat(Base32.encode(KEY)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Base32.decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(KEY);
        assertThat(Base32.encode(new byte[] {(byte) 0xff})).isEqualTo("74");
    }
}
