package org.passerelle.rights;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * The code of a Pass de ville voucher, which a provider reads out over the phone: seven random
 * characters and a check character from Crockford's base-32 alphabet (no I, L, O or U), so that a
 * misheard or mistyped character is caught before anything is looked up. Random, it says nothing of
 * the person.
 */
final class VoucherCode {

    static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    static final int LENGTH = 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private VoucherCode() {}

    static String generate() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH - 1; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.append(checkCharacter(code)).toString();
    }

    /** Reads a typed code (case, spaces and dashes ignored; O, I, L read as 0, 1, 1); empty if not valid. */
    static Optional<String> parse(String typed) {
        String code = typed.toUpperCase(Locale.ROOT)
                .replaceAll("[\\s-]", "")
                .replace('O', '0')
                .replace('I', '1')
                .replace('L', '1');
        if (code.length() != LENGTH || !code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return checkCharacter(code.substring(0, LENGTH - 1)) == code.charAt(LENGTH - 1)
                ? Optional.of(code)
                : Optional.empty();
    }

    /** Luhn mod 32: catches every single wrong character and most swaps of neighbours. */
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
