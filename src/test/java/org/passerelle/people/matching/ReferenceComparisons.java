package org.passerelle.people.matching;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;

/**
 * The straightforward versions of the preparation and comparisons, as written before they were made
 * fast (allocation-free comparisons, caches, an ASCII path for folding): the tests check that the
 * fast versions give exactly the same tokens, keys and levels.
 */
final class ReferenceComparisons {

    private ReferenceComparisons() {}

    /** Tokens and joined keys of a person, folding and canonicalising every word afresh. */
    record Prepared(List<NameToken> tokens, List<String> joinedKeys) {}

    static Prepared prepare(PersonRecord person) {
        Map<String, NameToken> tokens = new LinkedHashMap<>();
        Set<String> joined = new LinkedHashSet<>();
        for (String name : person.names()) {
            String folded = fold(name);
            List<String> canonical = NameTokens.canonical(folded);
            canonical.forEach(token -> tokens.computeIfAbsent(token, NameToken::of));
            addJoinedKeys(List.of(folded.split(" ")), joined);
            addJoinedKeys(canonical, joined);
        }
        return new Prepared(new ArrayList<>(tokens.values()), new ArrayList<>(joined));
    }

    private static void addJoinedKeys(List<String> words, Set<String> joined) {
        for (int i = 0; i + 1 < words.size(); i++) {
            String key = PhoneticKey.of(NameTokens.canonicalWord(words.get(i) + words.get(i + 1)));
            if (key.length() >= 3) {
                joined.add(key);
            }
        }
    }

    static String fold(String name) {
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

    /** The name level on token lists, with a similarity matrix and flags allocated per pair. */
    static int nameLevel(MatchablePerson a, MatchablePerson b) {
        List<NameToken> x = a.tokens();
        List<NameToken> y = b.tokens();
        int smaller = Math.min(x.size(), y.size());
        if (smaller == 0) {
            return FieldComparison.MISSING;
        }
        boolean[] usedX = new boolean[x.size()];
        boolean[] usedY = new boolean[y.size()];
        double[][] similarity = new double[x.size()][y.size()];
        for (int i = 0; i < x.size(); i++) {
            for (int j = 0; j < y.size(); j++) {
                similarity[i][j] = similarity(x.get(i), y.get(j));
            }
        }
        int paired = 0;
        int exact = 0;
        while (paired < smaller) {
            int bestI = -1;
            int bestJ = -1;
            double best = NameComparison.SIMILAR;
            for (int i = 0; i < x.size(); i++) {
                for (int j = 0; j < y.size(); j++) {
                    if (!usedX[i] && !usedY[j] && similarity[i][j] >= best) {
                        best = similarity[i][j];
                        bestI = i;
                        bestJ = j;
                    }
                }
            }
            if (bestI < 0) {
                break;
            }
            usedX[bestI] = true;
            usedY[bestJ] = true;
            paired++;
            exact += best == 1 ? 1 : 0;
        }
        if (paired < smaller) {
            paired += joinedMatches(x, usedX, b.joinedKeys()) + joinedMatches(y, usedY, a.joinedKeys());
            paired = Math.min(paired, smaller);
        }
        if (paired == smaller && smaller >= 2) {
            return exact == smaller ? 0 : 1;
        }
        return paired >= 2 ? 2 : paired == 1 ? 3 : 4;
    }

    private static int joinedMatches(List<NameToken> tokens, boolean[] used, List<String> otherJoinedKeys) {
        int matches = 0;
        for (int i = 0; i < tokens.size(); i++) {
            if (!used[i]
                    && tokens.get(i).key().length() >= 3
                    && otherJoinedKeys.contains(tokens.get(i).key())) {
                matches++;
            }
        }
        return matches;
    }

    static double similarity(NameToken a, NameToken b) {
        if (a.text().equals(b.text())) {
            return 1;
        }
        if (a.key().equals(b.key())
                && (a.key().length() >= 3
                        || (a.key().length() == 2
                                && a.text().charAt(0) == b.text().charAt(0)))) {
            return NameComparison.PHONETIC;
        }
        return Math.min(jaroWinkler(a.text(), b.text()), NameComparison.PHONETIC - 0.01);
    }

    static double jaroWinkler(String a, String b) {
        if (a.equals(b)) {
            return a.isEmpty() ? 0 : 1;
        }
        double jaro = jaro(a, b);
        int prefix = 0;
        int limit = Math.min(4, Math.min(a.length(), b.length()));
        while (prefix < limit && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    static double jaro(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0;
        }
        int window = Math.max(0, Math.max(la, lb) / 2 - 1);
        boolean[] matchedA = new boolean[la];
        boolean[] matchedB = new boolean[lb];
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - window);
            int to = Math.min(lb - 1, i + window);
            for (int j = from; j <= to; j++) {
                if (!matchedB[j] && a.charAt(i) == b.charAt(j)) {
                    matchedA[i] = true;
                    matchedB[j] = true;
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            if (matchedA[i]) {
                while (!matchedB[k]) {
                    k++;
                }
                if (a.charAt(i) != b.charAt(k)) {
                    transpositions++;
                }
                k++;
            }
        }
        double m = matches;
        return (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
    }

    /** The birth-date level on {@link LocalDate}s, with the one-digit test on written digits. */
    static int birthDateLevel(@Nullable BirthDate a, @Nullable BirthDate b) {
        if (a == null || b == null) {
            return FieldComparison.MISSING;
        }
        LocalDate x = a.date();
        LocalDate y = b.date();
        boolean bothExact = BirthDateComparison.isExact(a) && BirthDateComparison.isExact(b);
        if (bothExact && x.equals(y)) {
            return 0;
        }
        if (bothExact && (swapped(x, y) || oneDigitApart(x, y))) {
            return 1;
        }
        LocalDate[] ra = BirthDateComparison.range(a);
        LocalDate[] rb = BirthDateComparison.range(b);
        long gapDays = Math.max(
                java.time.temporal.ChronoUnit.DAYS.between(ra[1], rb[0]),
                java.time.temporal.ChronoUnit.DAYS.between(rb[1], ra[0]));
        boolean estimated =
                a.precision() == BirthDate.Precision.ESTIMATED || b.precision() == BirthDate.Precision.ESTIMATED;
        if (estimated) {
            return gapDays <= 366 ? 3 : gapDays <= 3 * 366 ? 4 : 5;
        }
        return gapDays <= 0 ? 2 : 5;
    }

    private static boolean swapped(LocalDate x, LocalDate y) {
        return x.getYear() == y.getYear()
                && x.getDayOfMonth() == y.getMonthValue()
                && x.getMonthValue() == y.getDayOfMonth();
    }

    private static boolean oneDigitApart(LocalDate x, LocalDate y) {
        return StringSimilarity.damerau(digits(x), digits(y)) <= 1;
    }

    private static String digits(LocalDate date) {
        int value = date.getYear() * 10_000 + date.getMonthValue() * 100 + date.getDayOfMonth();
        return Integer.toString(value);
    }
}
