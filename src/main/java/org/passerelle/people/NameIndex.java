package org.passerelle.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.people.matching.NameTokens;
import org.passerelle.people.matching.PhoneticKey;
import org.passerelle.people.matching.VariantKey;
import org.passerelle.platform.crypto.BlindIndex;
import org.springframework.stereotype.Component;

/**
 * The blind index of names: the keyed hash of every prefix (from three letters) of every folded
 * word of a person's names, and of the keys of every canonical name token: its {@link PhoneticKey}
 * and the prefixes of its {@link VariantKey}. A query word then matches the names having a word that
 * starts with it, or, when nobody is found so, a word that sounds alike, even written in another
 * script or only begun ("Muham" for "Mohammed"), without any name being stored in clear.
 */
@Component
class NameIndex {

    static final int SHORTEST_PREFIX = 3;
    private static final String KIND = "name-prefix";
    private static final String KEY_KIND = "name-key";
    private static final String VARIANT_KIND = "name-variant";

    /** Keys shorter than this ("L" for "Ali") would find too many names to be worth an entry. */
    private static final int SHORTEST_KEY = 2;

    private final BlindIndex index;

    NameIndex(BlindIndex index) {
        this.index = index;
    }

    /**
     * The index entries of all the names of one person, under each key entries are written with (two
     * during a rotation of the index key).
     */
    Set<IndexEntry> entriesOf(List<String> names) {
        Set<IndexEntry> entries = new LinkedHashSet<>();
        for (BlindIndex.Key key : index.writeKeys()) {
            entries.addAll(entriesOf(names, key));
        }
        return entries;
    }

    /** The index entries of all the names of one person under one index key. */
    Set<IndexEntry> entriesOf(List<String> names, BlindIndex.Key key) {
        Set<IndexEntry> entries = new LinkedHashSet<>();
        for (String name : names) {
            for (String word : SearchText.tokens(name)) {
                for (int length = Math.min(SHORTEST_PREFIX, word.length()); length <= word.length(); length++) {
                    entries.add(new IndexEntry(key.of(KIND, word.substring(0, length)), key.epoch()));
                }
            }
            for (String token : NameTokens.of(name)) {
                String phonetic = PhoneticKey.of(token);
                if (phonetic.length() >= SHORTEST_KEY) {
                    entries.add(new IndexEntry(key.of(KEY_KIND, phonetic), key.epoch()));
                }
                String variant = VariantKey.of(token);
                for (int length = Math.min(SHORTEST_PREFIX, variant.length()); length <= variant.length(); length++) {
                    if (length >= SHORTEST_KEY) {
                        entries.add(new IndexEntry(key.of(VARIANT_KIND, variant.substring(0, length)), key.epoch()));
                    }
                }
            }
        }
        return entries;
    }

    /** One entry per query word: a person matches when they have all of them. */
    List<List<byte[]>> queryEntries(List<String> queryWords) {
        List<List<byte[]>> entries = new ArrayList<>();
        for (String word : queryWords) {
            entries.add(List.of(index.of(KIND, word)));
        }
        return entries;
    }

    /**
     * The entries of canonical name tokens ({@link NameTokens}) as spellings of names: for each
     * token, its prefix, its phonetic key and, when {@code coarse}, its variant key, a person
     * matching when they have one of each token's; the longest token first, as the likely rarest.
     */
    List<List<byte[]>> variantEntries(List<String> tokens, boolean coarse) {
        List<List<byte[]>> entries = new ArrayList<>();
        List<String> longestFirst = tokens.stream()
                .distinct()
                .sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
        for (String token : longestFirst) {
            List<byte[]> alternatives = new ArrayList<>();
            alternatives.add(index.of(KIND, token));
            String phonetic = PhoneticKey.of(token);
            if (phonetic.length() >= SHORTEST_KEY) {
                alternatives.add(index.of(KEY_KIND, phonetic));
            }
            String variant = VariantKey.of(token);
            if (coarse && variant.length() >= SHORTEST_KEY) {
                alternatives.add(index.of(VARIANT_KIND, variant));
            }
            entries.add(alternatives);
        }
        return entries;
    }

    /**
     * A keyed hash and the epoch of its key, with value equality, so that a person's entries can be
     * deduplicated.
     */
    record IndexEntry(byte[] hash, int epoch) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IndexEntry entry
                    && java.util.Arrays.equals(hash, entry.hash)
                    && epoch == entry.epoch;
        }

        @Override
        public int hashCode() {
            return java.util.Arrays.hashCode(hash) * 31 + epoch;
        }

        @Override
        public String toString() {
            return "IndexEntry";
        }
    }
}
