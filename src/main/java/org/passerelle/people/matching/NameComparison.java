package org.passerelle.people.matching;

import java.util.List;

/**
 * Compares the names of two persons as multisets of tokens, whatever their order and whichever of
 * the person's names they come from. Tokens are paired greedily, most similar first (exact text,
 * then equal phonetic keys, then Jaro-Winkler), each token at most once; a token left over may
 * still match two adjacent words of the other side written as one ("Benali" and "Ben Ali"). The
 * level counts the pairs found against the number of tokens of the person with fewer.
 */
public final class NameComparison {

    /** The similarity given to two different tokens with the same phonetic key. */
    static final double PHONETIC = 0.95;

    /** Tokens at least this similar are paired. */
    static final double SIMILAR = 0.88;

    public static final List<String> LEVELS = List.of(
            "all names exact",
            "all names similar",
            "two or more names similar",
            "one name similar",
            "no name in common");

    private NameComparison() {}

    /** The level of agreement of two persons' names, or {@link FieldComparison#MISSING}. */
    public static int level(MatchablePerson a, MatchablePerson b) {
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
            double best = SIMILAR;
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

    /**
     * Which of a person's names is closest to what was typed: for each name, the mean over the
     * query's tokens of the best similarity to one of the name's tokens; the first of equally close
     * names wins (the chosen name comes first).
     *
     * @return the index of that name in {@code names}, 0 when the query has no token
     */
    public static int closestName(MatchablePerson query, List<String> names) {
        int closest = 0;
        double best = -1;
        for (int n = 0; n < names.size(); n++) {
            double closeness = closeness(query.tokens(), MatchablePerson.tokensOf(names.get(n)));
            if (closeness > best) {
                best = closeness;
                closest = n;
            }
        }
        return closest;
    }

    private static double closeness(List<NameToken> query, List<NameToken> name) {
        if (query.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (NameToken typed : query) {
            double best = 0;
            for (NameToken token : name) {
                best = Math.max(best, similarity(typed, token));
            }
            sum += best;
        }
        return sum / query.size();
    }

    /** 1 for equal tokens, {@link #PHONETIC} for equal phonetic keys, else Jaro-Winkler. */
    public static double similarity(NameToken a, NameToken b) {
        if (a.text().equals(b.text())) {
            return 1;
        }
        if (a.key().equals(b.key())
                && (a.key().length() >= 3
                        || (a.key().length() == 2
                                && a.text().charAt(0) == b.text().charAt(0)))) {
            return PHONETIC;
        }
        return Math.min(StringSimilarity.jaroWinkler(a.text(), b.text()), PHONETIC - 0.01);
    }
}
