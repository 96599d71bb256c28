package org.passerelle.people.matching;

import java.util.Map;

/**
 * Counts per packed comparison vector, in open addressing without boxing: a scan adds one count
 * per pair, and the distinct vectors are few.
 */
final class LongCounts {

    private long[] keys = new long[64];
    private long[] counts = new long[64];
    private boolean[] used = new boolean[64];
    private int size;

    void add(long key) {
        add(key, 1);
    }

    void add(long key, long count) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (used[slot]) {
            counts[slot] += count;
            return;
        }
        used[slot] = true;
        keys[slot] = key;
        counts[slot] = count;
        if (++size * 2 > keys.length) {
            grow();
        }
    }

    void addAll(LongCounts other) {
        for (int s = 0; s < other.keys.length; s++) {
            if (other.used[s]) {
                add(other.keys[s], other.counts[s]);
            }
        }
    }

    /** Adds these counts into a map of vector to count. */
    void addTo(Map<Long, Double> map) {
        for (int s = 0; s < keys.length; s++) {
            if (used[s]) {
                map.merge(keys[s], (double) counts[s], Double::sum);
            }
        }
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldCounts = counts;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        counts = new long[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int s = 0; s < oldKeys.length; s++) {
            if (oldUsed[s]) {
                add(oldKeys[s], oldCounts[s]);
            }
        }
    }

    private static int slot(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h >>> 40) & mask;
    }
}
