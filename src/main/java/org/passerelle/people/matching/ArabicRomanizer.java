package org.passerelle.people.matching;

/**
 * Romanises Arabic-script names (Arabic, Persian, Pashto, Urdu letters) the way French-speaking
 * registrars tend to write them: ش as "ch", ق as "k", و as "w" at the start of a word and "ou"
 * inside it, ي as "y" then "i", ع and ة as "a", the article ال as a separate "al". Short vowels
 * are written only when the text carries them (harakat); otherwise the consonant skeleton is
 * enough for {@link PhoneticKey}: محمد gives "mhmd", whose key equals that of "Mohamed".
 */
final class ArabicRomanizer {

    private ArabicRomanizer() {}

    static boolean isArabic(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF) || (codePoint >= 0x0750 && codePoint <= 0x077F);
    }

    static String romanise(String text) {
        StringBuilder out = new StringBuilder(text.length() * 2);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean wordStart = i == 0 || !isLetter(text.charAt(i - 1));
            if (c == '\u0627'
                    && wordStart
                    && i + 2 < text.length()
                    && text.charAt(i + 1) == '\u0644'
                    && isLetter(text.charAt(i + 2))) {
                out.append("al ");
                i++;
                continue;
            }
            if (c == '\u0651') {
                doubleLastConsonant(out);
                continue;
            }
            out.append(letter(c, wordStart));
        }
        return out.toString();
    }

    /** Shadda doubles a consonant; NFKC puts it after a short vowel, so look back past vowels. */
    private static void doubleLastConsonant(StringBuilder out) {
        for (int k = out.length() - 1; k >= 0; k--) {
            char c = out.charAt(k);
            if (!Character.isLetter(c)) {
                return;
            }
            if ("aeiou".indexOf(c) < 0) {
                out.insert(k + 1, c);
                return;
            }
        }
    }

    private static boolean isLetter(char c) {
        return isArabic(c) && Character.isLetter(c);
    }

    private static String letter(char c, boolean wordStart) {
        return switch (c) {
            case '\u0627', '\u0623', '\u0622', '\u0671', '\u0649', '\u0629', '\u0639', '\u064E', '\u0670', '\u06C0' ->
                "a";
            case '\u0625', '\u0650' -> "i";
            case '\u064F' -> "ou";
            case '\u0628' -> "b";
            case '\u062A', '\u0637', '\u0679', '\u067C' -> "t";
            case '\u062B' -> "th";
            case '\u062C' -> "j";
            case '\u062D', '\u0647', '\u06BE', '\u06C1' -> "h";
            case '\u062E' -> "kh";
            case '\u062F', '\u0636', '\u0688', '\u0689' -> "d";
            case '\u0630' -> "dh";
            case '\u0631', '\u0691', '\u0693' -> "r";
            case '\u0632', '\u0638', '\u0681' -> "z";
            case '\u0633', '\u0635', '\u0685' -> "s";
            case '\u0634', '\u0686', '\u069A' -> "ch";
            case '\u063A' -> "gh";
            case '\u0641' -> "f";
            case '\u0642', '\u0643', '\u06A9' -> "k";
            case '\u06AF' -> "g";
            case '\u0644' -> "l";
            case '\u0645' -> "m";
            case '\u0646', '\u06BA', '\u06BC' -> "n";
            case '\u0648', '\u0624' -> wordStart ? "w" : "ou";
            case '\u064A', '\u06CC', '\u0626', '\u06CD' -> wordStart ? "y" : "i";
            case '\u06D2', '\u06D3', '\u06D0' -> "e";
            case '\u067E' -> "p";
            case '\u0698', '\u0696' -> "j";
            case '\u0621', '\u0640', '\u064B', '\u064C', '\u064D', '\u0652' -> "";
            default -> digitOrSpace(c);
        };
    }

    private static String digitOrSpace(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return String.valueOf((char) ('0' + c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return String.valueOf((char) ('0' + c - '\u06F0'));
        }
        return " ";
    }
}
