package org.passerelle.people.matching;

/**
 * Romanises Ethiopic (Ge'ez) script as used for Tigrinya and Amharic names. Each syllable is a
 * consonant and one of seven vowel orders: ä (written "e", or "a" after the laryngeals ሀ ሐ ኀ አ
 * ዐ), u, i, a, e, ə (not written) and o, plus the labialised "wa". So ተስፋዬ gives "tesfaye",
 * ገብረመድህን "gebremedhn", ሃይሌ "hayle".
 */
final class EthiopicRomanizer {

    private static final int FIRST = 0x1200;
    private static final int LAST = 0x1357;

    /** The consonant of each row of eight code points from U+1200; "" for the vowel carriers. */
    private static final String[] CONSONANTS = {
        "h", "l", "h", "m", "s", "r", "s", "sh", "k", "kw", "k", "kw", "b", "v", "t", "ch", "h", "hw", "n", "ny", "",
        "k", "kw", "kh", "khw", "w", "", "z", "zh", "y", "d", "d", "j", "g", "gw", "ng", "t", "ch", "p", "ts", "ts",
        "f", "p", ""
    };

    private static final String[] VOWELS = {"e", "u", "i", "a", "e", "", "o", "wa"};

    private EthiopicRomanizer() {}

    static boolean isEthiopic(int codePoint) {
        return codePoint >= 0x1200 && codePoint <= 0x139F;
    }

    static String romanise(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            out.append(syllable(text.charAt(i)));
        }
        return out.toString();
    }

    private static String syllable(char c) {
        if (c < FIRST || c > LAST) {
            return " ";
        }
        int row = (c - FIRST) / 8;
        int order = (c - FIRST) % 8;
        String consonant = CONSONANTS[row];
        if (consonant.endsWith("w") && consonant.length() > 1) {
            String vowel = order == 5 ? "" : order == 2 ? "i" : order == 3 ? "a" : "e";
            return consonant + vowel;
        }
        boolean laryngeal = row == 0 || row == 2 || row == 16 || row == 20 || row == 26;
        String vowel = VOWELS[order];
        if (laryngeal && order == 0) {
            vowel = "a";
        }
        if (consonant.isEmpty() && order == 5) {
            vowel = "i";
        }
        return consonant + vowel;
    }
}
