package org.passerelle.people.matching;

/**
 * A canonical name token and its phonetic key.
 *
 * @param text the canonical token ({@link NameTokens})
 * @param key its {@link PhoneticKey}
 */
public record NameToken(String text, String key) {

    public static NameToken of(String text) {
        return new NameToken(text, PhoneticKey.of(text));
    }
}
