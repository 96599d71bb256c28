package org.passerelle.platform;

/**
 * Text a person could have typed: no control characters other than tab and line breaks (NUL among
 * them, which PostgreSQL cannot store in text) and no unpaired surrogates (which cannot be encoded
 * in UTF-8 and would be stored as "?"). Names and other short texts are held to more
 * ({@link #hiddenFormatting}): what is displayed must be what is stored.
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

    /**
     * Whether a name or other short text holds an invisible character that makes what is displayed
     * differ from what is stored ({@code Ali\u202Eexe.PDF} shows as "AliFDP.exe"), or two names
     * that look the same compare different:
     *
     * <ul>
     *   <li>bidirectional controls anywhere: embeddings and overrides (U+202A–U+202E), isolates
     *       (U+2066–U+2069), the left-to-right, right-to-left and Arabic letter marks (U+200E,
     *       U+200F, U+061C) — a name's direction comes from its letters, and the web client isolates
     *       each name it shows;
     *   <li>zero-width characters anywhere: space, word joiner and byte order mark (U+200B, U+2060,
     *       U+FEFF);
     *   <li>the zero-width non-joiner and joiner (U+200C, U+200D) except between two letters, marks
     *       or symbols, where Persian, Urdu, Kurdish and Indic spellings need them (می‌خواهم) and
     *       emoji sequences are built with them.
     * </ul>
     */
    public static boolean hiddenFormatting(String text) {
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c) < text.length() ? text.codePointAt(i + Character.charCount(c)) : -1;
            if (isBidiControl(c) || c == 0x200B || c == 0x2060 || c == 0xFEFF) {
                return true;
            }
            if ((c == 0x200C || c == 0x200D) && !(joins(previous) && joins(next))) {
                return true;
            }
            previous = c;
            i += Character.charCount(c);
        }
        return false;
    }

    private static boolean isBidiControl(int c) {
        return (c >= 0x202A && c <= 0x202E)
                || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200E
                || c == 0x200F
                || c == 0x061C;
    }

    /** A letter, mark or symbol that a joiner or non-joiner may stand after or before. */
    private static boolean joins(int c) {
        if (c < 0) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.OTHER_SYMBOL,
                    Character.MODIFIER_SYMBOL -> true;
            default -> false;
        };
    }
}
