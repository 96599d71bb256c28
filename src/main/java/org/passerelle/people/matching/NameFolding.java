package org.passerelle.people.matching;

import java.text.Normalizer;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Folds a name to lower-case Latin words separated by single spaces: Arabic and Ethiopic script
 * romanised, accents and apostrophes removed, a few letters spelt out (ç → s, ß → ss, æ → ae, ø →
 * o...), anything else that is not a letter or digit turned into a space.
 */
public final class NameFolding {

    private NameFolding() {}

    public static String fold(String name) {
        String ascii = foldAscii(name);
        if (ascii != null) {
            return ascii;
        }
        String composed = Normalizer.normalize(name, Normalizer.Form.NFKC);
        StringBuilder latin = new StringBuilder(composed.length() * 2);
        int i = 0;
        while (i < composed.length()) {
            int codePoint = composed.codePointAt(i);
            int end = i;
            if (ArabicRomanizer.isArabic(codePoint)) {
                while (end < composed.length() && (ArabicRomanizer.isArabic(composed.codePointAt(end)))) {
                    end++;
                }
                latin.append(' ')
                        .append(ArabicRomanizer.romanise(composed.substring(i, end)))
                        .append(' ');
            } else if (EthiopicRomanizer.isEthiopic(codePoint)) {
                while (end < composed.length() && EthiopicRomanizer.isEthiopic(composed.codePointAt(end))) {
                    end++;
                }
                latin.append(' ')
                        .append(EthiopicRomanizer.romanise(composed.substring(i, end)))
                        .append(' ');
            } else {
                latin.append(spelt(Character.toLowerCase(composed.charAt(i))));
                end = i + 1;
            }
            i = end;
        }
        return stripMarks(latin.toString());
    }

    /**
     * The fold of a name written in ASCII alone, in one pass: normalisation changes nothing there, so
     * folding is lower-casing, dropping apostrophes and turning anything but letters and digits into
     * single spaces. Null when the name holds any other character.
     */
    private static @Nullable String foldAscii(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        boolean space = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 0x80) {
                return null;
            }
            if (c == '\'' || c == '`') {
                continue;
            }
            char lower = c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
            if ((lower >= 'a' && lower <= 'z') || (lower >= '0' && lower <= '9')) {
                folded.append(lower);
                space = false;
            } else if (!space) {
                folded.append(' ');
                space = true;
            }
        }
        if (space && !folded.isEmpty()) {
            folded.setLength(folded.length() - 1);
        }
        return folded.toString();
    }

    private static String spelt(char c) {
        return switch (c) {
            case 'ç' -> "s";
            case 'ß' -> "ss";
            case 'æ' -> "ae";
            case 'œ' -> "oe";
            case 'ø' -> "o";
            case 'ł' -> "l";
            case 'đ', 'ð' -> "d";
            case 'þ' -> "th";
            case 'ı' -> "i";
            case '\'', '’', '‘', 'ʼ', 'ʿ', 'ʾ', '`', '´' -> "";
            default -> String.valueOf(c);
        };
    }

    private static String stripMarks(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            boolean keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (keep) {
                folded.append(c);
                space = false;
            } else if (!space) {
                folded.append(' ');
                space = true;
            }
        }
        return folded.toString().strip().toLowerCase(Locale.ROOT);
    }
}
