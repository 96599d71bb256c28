package org.passerelle.people;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Folds names for the name index: lower case, accents and Arabic short vowels removed,
 * Arabic letter variants unified, punctuation turned into spaces. "Abd-El Kader" and
 * "abd el kâder" fold to the same text.
 */
final class SearchText {

    private SearchText() {}

    static String fold(String name) {
        String decomposed = Normalizer.normalize(name, Normalizer.Form.NFKD);
        StringBuilder folded = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || c == '\u0640') {
                continue;
            }
            folded.append(Character.isLetterOrDigit(c) ? unifyArabic(c) : ' ');
        }
        return folded.toString().toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** The folded words of a query, longest first, so the most selective one leads the search. */
    static List<String> tokens(String query) {
        return Arrays.stream(fold(query).split(" "))
                .filter(token -> !token.isEmpty())
                .distinct()
                .sorted((a, b) -> b.length() - a.length())
                .collect(Collectors.toList());
    }

    private static char unifyArabic(char c) {
        return switch (c) {
            case '\u0622', '\u0623', '\u0625', '\u0671' -> '\u0627'; // alef variants
            case '\u0649' -> '\u064A'; // alef maqsura -> ya
            case '\u0629' -> '\u0647'; // ta marbuta -> ha
            case '\u0624' -> '\u0648'; // waw with hamza
            case '\u0626' -> '\u064A'; // ya with hamza
            default -> c;
        };
    }
}
