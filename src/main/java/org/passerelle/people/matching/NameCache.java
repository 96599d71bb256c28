package org.passerelle.people.matching;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What preparing a name word costs, done once per distinct word: names repeat a lot (a registry of
 * a million persons holds far fewer distinct name words), so {@link MatchablePerson#of} looks the
 * canonical token and phonetic key of each word up here. Each cache is bounded: when full it is
 * emptied and fills again, so memory stays bounded in a long-running server whatever the names.
 * Sharing one {@link NameToken} per word also lets {@link NameComparison} remember the similarity
 * of two tokens by their identity.
 */
final class NameCache {

    /** Entries per cache (a few tens of MB at most). */
    static final int CAPACITY = 1 << 17;

    private static final Bounded<String, NameToken> TOKENS =
            new Bounded<>(CAPACITY, token -> NameToken.of(NameTokens.canonicalWord(token)));
    private static final Bounded<String, String> JOINED_KEYS =
            new Bounded<>(CAPACITY, word -> PhoneticKey.of(NameTokens.canonicalWord(word)));

    private NameCache() {}

    /** The canonical token, with its key, of a token of {@link NameTokens#joined}; its text may be empty. */
    static NameToken token(String joinedToken) {
        return TOKENS.get(joinedToken);
    }

    /** The phonetic key of two adjacent words written as one. */
    static String joinedKey(String first, String second) {
        return JOINED_KEYS.get(first + second);
    }

    /** A concurrent map emptied when it reaches its capacity. */
    private static final class Bounded<K, V> {
        private final ConcurrentHashMap<K, V> map = new ConcurrentHashMap<>();
        private final int capacity;
        private final Function<K, V> compute;

        Bounded(int capacity, Function<K, V> compute) {
            this.capacity = capacity;
            this.compute = compute;
        }

        V get(K key) {
            V value = map.get(key);
            if (value != null) {
                return value;
            }
            value = compute.apply(key);
            if (map.size() >= capacity) {
                map.clear();
            }
            V raced = map.putIfAbsent(key, value);
            return raced == null ? value : raced;
        }
    }
}
