package org.passerelle.care.coding;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How catalogue texts and queries are compared: case, accents and Arabic diacritics ignored, the
 * variants of alef (أ إ آ ٱ) read as ا, ta marbuta (ة) as ه, alef maqsura (ى) as ي, hamza carriers
 * as their base letter, Arabic-Indic digits as Western ones; then split into words. An Arabic word
 * with the definite article also stands without it, so that جرب finds الجرب.
 */
final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{Nd}]+");
    private static final Pattern ARTICLE = Pattern.compile("^[وفبكل]?ال(\\p{L}{2,})$");

    private Folding() {}

    /** The text folded, with words separated by single spaces. */
    static String fold(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        String bare = MARKS.matcher(decomposed).replaceAll("");
        StringBuilder folded = new StringBuilder(bare.length());
        bare.toLowerCase(Locale.ROOT).codePoints().forEach(c -> folded.append(foldChar(c)));
        return SEPARATORS.matcher(folded).replaceAll(" ").strip();
    }

    /** The folded words of a text, each Arabic word with an article also without it. */
    static List<String> words(String text) {
        String folded = fold(text);
        List<String> words = new ArrayList<>();
        if (folded.isEmpty()) {
            return words;
        }
        for (String word : folded.split(" ")) {
            words.add(word);
            Matcher article = ARTICLE.matcher(word);
            if (article.matches()) {
                words.add(article.group(1));
            }
        }
        return words;
    }

    /** The text without case, dots or spaces, as codes are compared ({@code f43.1} → {@code f431}). */
    static String compactCode(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[\\s.]", "");
    }

    private static String foldChar(int c) {
        return switch (c) {
            case 'œ' -> "oe";
            case 'æ' -> "ae";
            case 'ß' -> "ss";
            case '\u0671' -> "\u0627"; // alef wasla
            case '\u0629' -> "\u0647"; // ta marbuta
            case '\u0649' -> "\u064a"; // alef maqsura
            case '\u0640' -> ""; // tatweel
            default -> {
                if (c >= '\u0660' && c <= '\u0669') {
                    yield String.valueOf((char) ('0' + c - '\u0660'));
                }
                if (c >= '\u06f0' && c <= '\u06f9') {
                    yield String.valueOf((char) ('0' + c - '\u06f0'));
                }
                yield new String(Character.toChars(c));
            }
        };
    }
}
