package org.passerelle.people.matching;

import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Compares the names of two persons as multisets of tokens, whatever their order and whichever of
 * the person's names they come from. Tokens are paired greedily, most similar first (exact text,
 * then equal phonetic keys, then Jaro-Winkler), each token at most once; a token left over may
 * still match two adjacent words of the other side written as one ("Benali" and "Ben Ali"). The
 * level counts the pairs found against the number of tokens of the person with fewer.
 *
 * <p>A scan compares hundreds of millions of pairs, so the comparison allocates nothing and mostly
 * reads one array of numbers {@link MatchablePerson} prepared once per person ({@link NameCodes#codes}): the
 * text and key of each token coded in a long, and its letters and length, which bound Jaro-Winkler
 * so that it is computed only for tokens that may reach {@link #SIMILAR}.
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

    /**
     * Jaro-Winkler adds at most 0.4 (1 - Jaro) for a common prefix of four, so it reaches {@link
     * #SIMILAR} only if Jaro reaches (SIMILAR - 0.4) / 0.6 (0.8). Jaro is at most (m/|a| + m/|b| +
     * 1)/3 with m matching characters, so m (|a| + |b|) must reach this ratio times |a| |b| (less a
     * leeway for rounding, which only lets more pairs through to the exact computation).
     */
    private static final double MIN_MATCH_RATIO = 3 * ((SIMILAR - 0.4) / 0.6) - 1 - 1e-9;

    private NameComparison() {}

    /** The level of agreement of two persons' names, or {@link FieldComparison#MISSING}. */
    public static int level(MatchablePerson a, MatchablePerson b) {
        long[] x = a.nameCodes;
        long[] y = b.nameCodes;
        int nx = a.tokenCount;
        int ny = b.tokenCount;
        int smaller = Math.min(nx, ny);
        if (smaller == 0) {
            return FieldComparison.MISSING;
        }
        Scratch scratch = SCRATCH.get().fit(nx, ny);
        double[] similarity = scratch.similarity;
        boolean[] usedX = scratch.usedX;
        boolean[] usedY = scratch.usedY;
        int candidates = 0;
        int candidate = -1;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double s = similarityIfPaired(a, i, b, j);
                similarity[i * ny + j] = s;
                if (s >= SIMILAR) {
                    candidates++;
                    candidate = i * ny + j;
                }
            }
        }
        int paired = 0;
        int exact = 0;
        if (candidates == 1) {
            usedX[candidate / ny] = true;
            usedY[candidate % ny] = true;
            paired = 1;
            exact = similarity[candidate] == 1 ? 1 : 0;
        }
        while (candidates > 1 && paired < smaller) {
            int bestI = -1;
            int bestJ = -1;
            double best = SIMILAR;
            for (int i = 0; i < nx; i++) {
                if (usedX[i]) {
                    continue;
                }
                for (int j = 0; j < ny; j++) {
                    if (!usedY[j] && similarity[i * ny + j] >= best) {
                        best = similarity[i * ny + j];
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
            paired += joinedMatches(a, usedX, b) + joinedMatches(b, usedY, a);
            paired = Math.min(paired, smaller);
        }
        if (paired == smaller && smaller >= 2) {
            return exact == smaller ? 0 : 1;
        }
        return paired >= 2 ? 2 : paired == 1 ? 3 : 4;
    }

    /**
     * The tokens of {@code person} left unpaired whose key (of three letters or more) is that of two
     * adjacent words of {@code other}.
     */
    private static int joinedMatches(MatchablePerson person, boolean[] used, MatchablePerson other) {
        int joined = other.nameCodes.length - other.tokenCount * NameCodes.WORDS_PER_TOKEN;
        if (joined == 0) {
            return 0;
        }
        long[] codes = person.nameCodes;
        long[] otherCodes = other.nameCodes;
        int from = other.tokenCount * NameCodes.WORDS_PER_TOKEN;
        int matches = 0;
        for (int i = 0; i < person.tokenCount; i++) {
            long key = codes[i * NameCodes.WORDS_PER_TOKEN + NameCodes.KEY];
            long shape = codes[i * NameCodes.WORDS_PER_TOKEN + NameCodes.SHAPE];
            int keyLength = shape < 0 ? person.tokenArray[i].key().length() : NameCodes.keyLength(shape);
            if (used[i] || keyLength < 3) {
                continue;
            }
            for (int k = 0; k < joined; k++) {
                if (otherCodes[from + k] == key
                        && (key >= 0 || other.joinedKeyArray[k].equals(person.tokenArray[i].key()))) {
                    matches++;
                    break;
                }
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
        if (samePhoneticKey(a, b)) {
            return PHONETIC;
        }
        return cappedJaroWinkler(a, b);
    }

    private static boolean samePhoneticKey(NameToken a, NameToken b) {
        return a.key().equals(b.key())
                && (a.key().length() >= 3
                        || (a.key().length() == 2
                                && a.text().charAt(0) == b.text().charAt(0)));
    }

    private static double cappedJaroWinkler(NameToken a, NameToken b) {
        return Math.min(StringSimilarity.jaroWinkler(a.text(), b.text()), PHONETIC - 0.01);
    }

    /**
     * {@link #similarity} of the i-th token of {@code a} and the j-th of {@code b} where it may reach
     * {@link #SIMILAR}, else 0: pairing only looks at similarities from {@link #SIMILAR} up, so this
     * gives the same pairs. It works on the codes of {@link NameCodes#codes}: texts and keys are compared by
     * their codes (strings are read only for codes that are hashes), and the letters and lengths
     * leave Jaro-Winkler to be computed only where it may reach {@link #SIMILAR} (see {@link
     * #MIN_MATCH_RATIO}): the letters of one token missing from the other can match nothing, which
     * bounds the matching characters.
     */
    static double similarityIfPaired(MatchablePerson a, int i, MatchablePerson b, int j) {
        long[] x = a.nameCodes;
        long[] y = b.nameCodes;
        long shapeA = x[i * NameCodes.WORDS_PER_TOKEN + NameCodes.SHAPE];
        long shapeB = y[j * NameCodes.WORDS_PER_TOKEN + NameCodes.SHAPE];
        if ((shapeA | shapeB) < 0) {
            return similarity(a.tokenArray[i], b.tokenArray[j]);
        }
        long textA = x[i * NameCodes.WORDS_PER_TOKEN + NameCodes.TEXT];
        if (textA == y[j * NameCodes.WORDS_PER_TOKEN + NameCodes.TEXT]
                && (textA >= 0 || a.tokenArray[i].text().equals(b.tokenArray[j].text()))) {
            return 1;
        }
        long keyA = x[i * NameCodes.WORDS_PER_TOKEN + NameCodes.KEY];
        if (keyA == y[j * NameCodes.WORDS_PER_TOKEN + NameCodes.KEY]) {
            int keyLength = NameCodes.keyLength(shapeA);
            boolean strong =
                    keyLength >= 3 || (keyLength == 2 && NameCodes.firstChar(shapeA) == NameCodes.firstChar(shapeB));
            if (strong && (keyA >= 0 || a.tokenArray[i].key().equals(b.tokenArray[j].key()))) {
                return PHONETIC;
            }
        }
        long lettersA = shapeA & NameCodes.LETTERS_MASK;
        long lettersB = shapeB & NameCodes.LETTERS_MASK;
        long lengthA = NameCodes.textLength(shapeA);
        long lengthB = NameCodes.textLength(shapeB);
        long matches =
                Math.min(lengthA - Long.bitCount(lettersA & ~lettersB), lengthB - Long.bitCount(lettersB & ~lettersA));
        if (matches <= 0 || (double) (matches * (lengthA + lengthB)) < MIN_MATCH_RATIO * lengthA * lengthB) {
            return 0;
        }
        long textB = y[j * NameCodes.WORDS_PER_TOKEN + NameCodes.TEXT];
        if ((textA | textB) < 0) {
            return cappedJaroWinkler(a.tokenArray[i], b.tokenArray[j]);
        }
        return SCRATCH.get().jaroWinkler(textA, textB, a.tokenArray[i], b.tokenArray[j]);
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Arrays reused by one thread from one comparison to the next, and the capped Jaro-Winkler of the
     * last pairs of tokens it computed, in a small table indexed by the exact codes of their texts:
     * in a scan the same spellings meet again and again. The table is made only once a thread has
     * computed many (a scan's threads), not for the few comparisons of a request.
     */
    private static final class Scratch {
        private static final int REMEMBERED = 1 << 12;
        private static final int REMEMBER_AFTER = 10_000;

        double[] similarity = new double[16];
        boolean[] usedX = new boolean[4];
        boolean[] usedY = new boolean[4];
        private int computed;
        private long @Nullable [] rememberedA;
        private long @Nullable [] rememberedB;
        private double @Nullable [] remembered;

        /** Capped Jaro-Winkler of two tokens whose texts have the exact codes {@code a} and {@code b}. */
        double jaroWinkler(long a, long b, NameToken tokenA, NameToken tokenB) {
            long[] keysA = rememberedA;
            long[] keysB = rememberedB;
            double[] values = remembered;
            if (keysA == null || keysB == null || values == null) {
                if (++computed == REMEMBER_AFTER) {
                    rememberedA = new long[REMEMBERED];
                    Arrays.fill(rememberedA, -1);
                    rememberedB = new long[REMEMBERED];
                    remembered = new double[REMEMBERED];
                }
                return cappedJaroWinkler(tokenA, tokenB);
            }
            long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
            int slot = (int) (h >>> 40) & (REMEMBERED - 1);
            if (keysA[slot] == a && keysB[slot] == b) {
                return values[slot];
            }
            double similarity = cappedJaroWinkler(tokenA, tokenB);
            keysA[slot] = a;
            keysB[slot] = b;
            values[slot] = similarity;
            return similarity;
        }

        Scratch fit(int x, int y) {
            if (similarity.length < x * y) {
                similarity = new double[x * y];
            }
            if (usedX.length < x) {
                usedX = new boolean[x];
            }
            if (usedY.length < y) {
                usedY = new boolean[y];
            }
            Arrays.fill(usedX, 0, x, false);
            Arrays.fill(usedY, 0, y, false);
            return this;
        }
    }
}
