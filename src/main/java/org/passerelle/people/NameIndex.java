package org.passerelle.people;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.passerelle.platform.crypto.BlindIndex;
import org.springframework.stereotype.Component;

/**
 * The blind index of names: the keyed hash of every prefix (from three letters) of every folded
 * word of a person's names. A query word then matches the names having a word that starts with it,
 * without any name being stored in clear.
 */
@Component
class NameIndex {

    static final int SHORTEST_PREFIX = 3;
    private static final String KIND = "name-prefix";

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
        }
        return entries;
    }

    /** One entry per query word: a person matches when they have all of them. */
    List<byte[]> queryEntries(List<String> queryWords) {
        List<byte[]> entries = new ArrayList<>();
        for (String word : queryWords) {
            entries.add(index.of(KIND, word));
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
