package org.passerelle.platform;

/**
 * Text a person could have typed: no control characters other than tab and line breaks (NUL among
 * them, which PostgreSQL cannot store in text) and no unpaired surrogates (which cannot be encoded
 * in UTF-8 and would be stored as "?").
 */
public final class PlainText {

    private PlainText() {}

    public static boolean isPlain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
