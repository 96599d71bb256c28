package org.passerelle.people.matching;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The hashed blocking keys of a record: each key is hashed to 40 bits (FNV-1a, then mixed) and
 * kept shifted left over the index of the key function that gave it, so that a record's keys sort
 * by hash and carry their function.
 */
final class KeyHashes {

    private KeyHashes() {}

    /**
     * The keys of a record from the functions in {@code which} (bit f for the f-th function), each as
     * its hash shifted left over the function's index, sorted and distinct by hash.
     */
    static <R> long[] of(R record, List<BlockingKey<R>> functions, long which) {
        long[] keys = new long[8];
        int n = 0;
        for (int f = 0; f < functions.size(); f++) {
            if ((which & (1L << f)) == 0) {
                continue;
            }
            BlockingKey<R> function = functions.get(f);
            Collection<String> values = function.keys().apply(record);
            for (String value : values) {
                if (n == keys.length) {
                    keys = Arrays.copyOf(keys, n * 2);
                }
                keys[n++] = (hash(function.name(), value) << FUNCTION_BITS) | f;
            }
        }
        return distinctByHash(keys, n);
    }

    /** Low bits of a record's key entry holding the function's index; the hash is above them. */
    static final int FUNCTION_BITS = 6;

    static final long FUNCTION_MASK = (1L << FUNCTION_BITS) - 1;

    /** Sorts by hash and keeps one entry per hash (the lowest function index, as ties sort so). */
    private static long[] distinctByHash(long[] keys, int n) {
        Arrays.sort(keys, 0, n);
        int kept = 0;
        for (int k = 0; k < n; k++) {
            if (kept == 0 || keys[k] >>> FUNCTION_BITS != keys[kept - 1] >>> FUNCTION_BITS) {
                keys[kept++] = keys[k];
            }
        }
        return Arrays.copyOf(keys, kept);
    }

    static long[] merge(long[] keys, long[] more) {
        long[] all = Arrays.copyOf(keys, keys.length + more.length);
        System.arraycopy(more, 0, all, keys.length, more.length);
        return distinctByHash(all, all.length);
    }

    /** A 40-bit hash of a qualified key (FNV-1a, then mixed). */
    static long hash(String key) {
        return mix(fnv(0xcbf29ce484222325L, key));
    }

    /** The hash of {@code name + ':' + key}, without building that string. */
    static long hash(String name, String key) {
        long h = fnv(0xcbf29ce484222325L, name);
        h ^= ':';
        h *= 0x100000001b3L;
        return mix(fnv(h, key));
    }

    private static long fnv(long start, String text) {
        long h = start;
        for (int i = 0; i < text.length(); i++) {
            h ^= text.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long mix(long fnv) {
        long h = fnv;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h >>> (64 - 40);
    }
}
