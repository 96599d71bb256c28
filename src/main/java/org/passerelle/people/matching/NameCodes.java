package org.passerelle.people.matching;

/**
 * The codes of a person's name tokens that {@link NameComparison} reads instead of the strings:
 * short texts and phonetic keys coded exactly in a long, longer ones hashed, and each token's shape
 * (its characters, length, first character and key length).
 */
final class NameCodes {

    private NameCodes() {}

    /** Longs per token in {@link #codes}: text code, key code, shape. */
    static final int WORDS_PER_TOKEN = 3;

    static final int TEXT = 0;
    static final int KEY = 1;
    static final int SHAPE = 2;

    /** Texts of up to this many characters among a-z and 0-9 are coded exactly, six bits each. */
    private static final int CODED_TEXT_LENGTH = 10;

    /** Keys of up to this many letters are coded exactly, four bits each. */
    private static final int CODED_KEY_LENGTH = 15;

    /** The letters of phonetic keys ({@link PhoneticKey}). */
    private static final String KEY_LETTERS = "ABFHJKLMNRSTZ";

    private static final int LENGTH_SHIFT = 37;
    private static final int FIRST_CHAR_SHIFT = 48;
    private static final int KEY_LENGTH_SHIFT = 56;
    static final long LETTERS_MASK = (1L << LENGTH_SHIFT) - 1;
    private static final int MAX_CODED_LENGTH = (1 << (FIRST_CHAR_SHIFT - LENGTH_SHIFT)) - 1;

    /**
     * The codes of a person's tokens and joined keys, in one array read by the comparison: per token
     * its text code, key code and shape, then the code of each joined key. A text or key code is the
     * exact coding of a short text or key, or, for a longer one, a hash with the sign bit set, which
     * then needs the strings to confirm an equality. A shape holds the token's set of characters
     * (bits 0 to 36: a to z, 0 to 9, any other), its length (37 to 47), its first character (48 to
     * 55) and its key's length (56 to 59, at most 15); it is negative for a token too long or
     * strange for these fields, compared on its strings alone.
     */
    static long[] codes(NameToken[] tokens, String[] joinedKeys) {
        long[] codes = new long[tokens.length * WORDS_PER_TOKEN + joinedKeys.length];
        for (int t = 0; t < tokens.length; t++) {
            codes[t * WORDS_PER_TOKEN + TEXT] = textCode(tokens[t].text());
            codes[t * WORDS_PER_TOKEN + KEY] = keyCode(tokens[t].key());
            codes[t * WORDS_PER_TOKEN + SHAPE] = shape(tokens[t]);
        }
        for (int k = 0; k < joinedKeys.length; k++) {
            codes[tokens.length * WORDS_PER_TOKEN + k] = keyCode(joinedKeys[k]);
        }
        return codes;
    }

    private static long textCode(String text) {
        if (text.length() > CODED_TEXT_LENGTH) {
            return hashCode(text);
        }
        long code = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int symbol;
            if (c >= 'a' && c <= 'z') {
                symbol = 1 + c - 'a';
            } else if (c >= '0' && c <= '9') {
                symbol = 27 + c - '0';
            } else {
                return hashCode(text);
            }
            code |= (long) symbol << (6 * i);
        }
        return code;
    }

    private static long keyCode(String key) {
        if (key.length() > CODED_KEY_LENGTH) {
            return hashCode(key);
        }
        long code = 0;
        for (int i = 0; i < key.length(); i++) {
            int symbol = KEY_LETTERS.indexOf(key.charAt(i));
            if (symbol < 0) {
                return hashCode(key);
            }
            code |= (long) (symbol + 1) << (4 * i);
        }
        return code;
    }

    /** A 63-bit hash with the sign bit set: never equal to an exact code. */
    private static long hashCode(String text) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h | Long.MIN_VALUE;
    }

    private static long shape(NameToken token) {
        String text = token.text();
        if (text.isEmpty() || text.length() > MAX_CODED_LENGTH || text.charAt(0) > 0xFF) {
            return Long.MIN_VALUE;
        }
        long letters = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'a' && c <= 'z') {
                letters |= 1L << (c - 'a');
            } else if (c >= '0' && c <= '9') {
                letters |= 1L << (26 + c - '0');
            } else {
                letters |= 1L << 36;
            }
        }
        return (long) Math.min(token.key().length(), CODED_KEY_LENGTH) << KEY_LENGTH_SHIFT
                | (long) text.charAt(0) << FIRST_CHAR_SHIFT
                | (long) text.length() << LENGTH_SHIFT
                | letters;
    }

    static int keyLength(long shape) {
        return (int) (shape >>> KEY_LENGTH_SHIFT) & 0xF;
    }

    static int firstChar(long shape) {
        return (int) (shape >>> FIRST_CHAR_SHIFT) & 0xFF;
    }

    static long textLength(long shape) {
        return (shape >>> LENGTH_SHIFT) & MAX_CODED_LENGTH;
    }
}
