package org.passerelle.access;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Long passwords rather than complicated ones (NIST SP 800-63B, OWASP ASVS 6.2): at least 12
 * characters, none of the 30,000 most common breached passwords (nor one of them with digits or
 * symbols added, nor one repeated), and not the user name. No composition rules, no rotation.
 */
@Component
class PasswordPolicy {

    static final int MINIMUM_LENGTH = 12;
    private static final String FIELD = "password";
    private static final String LIST = "/access/common-passwords.txt";

    private final Set<String> common;

    PasswordPolicy() {
        this.common = load();
    }

    /** Refuses, with a field error, a password that is too short, too common or the user name. */
    void check(String password, String username) {
        if (password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            throw AccessProblems.passwordTooShort(FIELD);
        }
        String folded = password.toLowerCase(Locale.ROOT);
        if (!username.isBlank() && folded.contains(username.toLowerCase(Locale.ROOT))) {
            throw AccessProblems.passwordContainsUsername(FIELD);
        }
        if (isCommon(folded)) {
            throw AccessProblems.passwordTooCommon(FIELD);
        }
    }

    private boolean isCommon(String folded) {
        if (common.contains(folded)) {
            return true;
        }
        String core = folded.replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        if (core.length() < folded.length() && (core.length() < 4 || common.contains(core))) {
            return true;
        }
        for (int period = 1; period <= folded.length() / 2; period++) {
            if (folded.length() % period == 0
                    && folded.equals(folded.substring(0, period).repeat(folded.length() / period))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> load() {
        Set<String> passwords = new HashSet<>(40_000);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                Objects.requireNonNull(PasswordPolicy.class.getResourceAsStream(LIST), LIST),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    passwords.add(line.strip());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(passwords);
    }
}
