package org.passerelle.people;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * Short codes printed on the card a person keeps: seven random characters and a check character,
 * from Crockford's base-32 alphabet (no I, L, O or U, so nothing is misread). The code is random,
 * so it says nothing about the person, their site or when they came. The check character (Luhn
 * mod 32) catches every single mistyped character and most swaps of neighbours.
 */
public final class PatientCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PatientCode() {}

    /** A new random code. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.append(checkCharacter(code)).toString();
    }

    /**
     * Reads what a person typed or a scanner returned: case, spaces and dashes are ignored, and
     * O, I and L are read as 0, 1 and 1. Empty when it is not a valid code.
     */
    public static Optional<String> parse(String typed) {
        String code = typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (code.length() != LENGTH) {
            return Optional.empty();
        }
        for (int i = 0; i < LENGTH; i++) {
            if (ALPHABET.indexOf(code.charAt(i)) < 0) {
                return Optional.empty();
            }
        }
        return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1)
                ? Optional.of(code)
                : Optional.empty();
    }

    /** The code as printed: two groups of four characters. */
    public static String display(String code) {
        return code.substring(0, 4) + "-" + code.substring(4);
    }

    static char checkCharacter(CharSequence payload) {
        int n = ALPHABET.length();
        int sum = 0;
        boolean doubled = true;
        for (int i = payload.length() - 1; i >= 0; i--) {
            int value = ALPHABET.indexOf(payload.charAt(i));
            if (doubled) {
                value *= 2;
                value = value / n + value % n;
            }
            sum += value;
            doubled = !doubled;
        }
        return ALPHABET.charAt((n - sum % n) % n);
    }
}
