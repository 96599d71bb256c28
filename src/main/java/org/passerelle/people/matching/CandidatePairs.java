package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The candidate pairs of a blocking: records sharing at least one key. Keys are hashed to 40 bits
 * and sorted with the record numbers, so that each block is a run of a sorted array and no pair is
 * ever stored: a pair is visited in the first usable block (in hash order) its two records share,
 * hence exactly once, and blocks larger than the cap are skipped. Visiting runs in parallel.
 */
final class CandidatePairs {

    /** A visitor of pairs; one instance per parallel task, so it need not be thread-safe. */
    interface PairVisitor {
        void visit(int first, int second);
    }

    private static final int RECORD_BITS = 24;
    private static final long RECORD_MASK = (1L << RECORD_BITS) - 1;
    private static final int TASKS_PER_CORE = 8;

    private final int leftSize;
    private final boolean linkage;
    private final int[] keyOffsets;
    private final long[] keyHashes;
    private final boolean[] keyUsable;
    private final long[] entries;
    private final int[] blockStarts;

    private CandidatePairs(int leftSize, boolean linkage, int[] keyOffsets, long[] keyHashes, int maxBlockSize) {
        this.leftSize = leftSize;
        this.linkage = linkage;
        this.keyOffsets = keyOffsets;
        this.keyHashes = keyHashes;
        this.keyUsable = new boolean[keyHashes.length];
        this.entries = sortedEntries(keyOffsets, keyHashes);
        this.blockStarts = usableBlocks(maxBlockSize);
    }

    /** Candidate pairs within one list of records. */
    static <R> CandidatePairs deduplication(List<R> records, List<BlockingKey<R>> keys, int maxBlockSize) {
        return build(records, List.of(), keys, maxBlockSize, false);
    }

    /**
     * Candidate pairs between two lists; the second list's records are numbered after the first's.
     */
    static <R> CandidatePairs linkage(List<R> left, List<R> right, List<BlockingKey<R>> keys, int maxBlockSize) {
        return build(left, right, keys, maxBlockSize, true);
    }

    private static <R> CandidatePairs build(
            List<R> left, List<R> right, List<BlockingKey<R>> keys, int maxBlockSize, boolean linkage) {
        int size = left.size() + right.size();
        if (size > RECORD_MASK) {
            throw new IllegalArgumentException("too many records: " + size);
        }
        long[][] perRecord = new long[size][];
        IntStream.range(0, size).parallel().forEach(i -> {
            R record = i < left.size() ? left.get(i) : right.get(i - left.size());
            perRecord[i] = keyHashesOf(record, keys);
        });
        int[] offsets = new int[size + 1];
        for (int i = 0; i < size; i++) {
            offsets[i + 1] = offsets[i] + perRecord[i].length;
        }
        long[] hashes = new long[offsets[size]];
        for (int i = 0; i < size; i++) {
            System.arraycopy(perRecord[i], 0, hashes, offsets[i], perRecord[i].length);
        }
        return new CandidatePairs(left.size(), linkage, offsets, hashes, maxBlockSize);
    }

    static <R> long[] keyHashesOf(R record, List<BlockingKey<R>> keys) {
        List<String> qualified = new ArrayList<>();
        for (BlockingKey<R> key : keys) {
            qualified.addAll(key.qualifiedKeys(record));
        }
        return qualified.stream()
                .mapToLong(CandidatePairs::hash)
                .distinct()
                .sorted()
                .toArray();
    }

    /** A 40-bit hash of a qualified key (FNV-1a, then mixed). */
    static long hash(String key) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < key.length(); i++) {
            h ^= key.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h >>> (64 - 40);
    }

    private static long[] sortedEntries(int[] offsets, long[] hashes) {
        long[] entries = new long[hashes.length];
        for (int record = 0; record + 1 < offsets.length; record++) {
            for (int k = offsets[record]; k < offsets[record + 1]; k++) {
                entries[k] = (hashes[k] << RECORD_BITS) | record;
            }
        }
        Arrays.parallelSort(entries);
        return entries;
    }

    /** Marks the keys of usable blocks and returns the start of each usable block. */
    private int[] usableBlocks(int maxBlockSize) {
        List<Integer> starts = new ArrayList<>();
        int start = 0;
        while (start < entries.length) {
            long hash = entries[start] >>> RECORD_BITS;
            int end = start + 1;
            int leftCount = isLeft(start) ? 1 : 0;
            while (end < entries.length && entries[end] >>> RECORD_BITS == hash) {
                leftCount += isLeft(end) ? 1 : 0;
                end++;
            }
            int size = end - start;
            boolean pairs = linkage ? leftCount > 0 && leftCount < size : size > 1;
            if (pairs && size <= maxBlockSize) {
                starts.add(start);
                for (int e = start; e < end; e++) {
                    int record = (int) (entries[e] & RECORD_MASK);
                    keyUsable[Arrays.binarySearch(keyHashes, keyOffsets[record], keyOffsets[record + 1], hash)] = true;
                }
            }
            start = end;
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private boolean isLeft(int entry) {
        return (entries[entry] & RECORD_MASK) < leftSize;
    }

    /** The number of usable blocks. */
    int blocks() {
        return blockStarts.length;
    }

    /** Visits every candidate pair once, in parallel; returns the visitors for merging. */
    <V extends PairVisitor> List<V> visit(Supplier<V> visitors) {
        int tasks = Math.max(1, Runtime.getRuntime().availableProcessors() * TASKS_PER_CORE);
        int perTask = Math.max(1, (blockStarts.length + tasks - 1) / tasks);
        return IntStream.range(0, tasks)
                .parallel()
                .mapToObj(task -> {
                    V visitor = visitors.get();
                    int to = Math.min(blockStarts.length, (task + 1) * perTask);
                    for (int b = task * perTask; b < to; b++) {
                        visitBlock(b, visitor);
                    }
                    return visitor;
                })
                .toList();
    }

    private void visitBlock(int block, PairVisitor visitor) {
        int start = blockStarts[block];
        long hash = entries[start] >>> RECORD_BITS;
        int end = start + 1;
        while (end < entries.length && entries[end] >>> RECORD_BITS == hash) {
            end++;
        }
        for (int x = start; x < end; x++) {
            int a = (int) (entries[x] & RECORD_MASK);
            for (int y = x + 1; y < end; y++) {
                int b = (int) (entries[y] & RECORD_MASK);
                if (linkage && (a < leftSize) == (b < leftSize)) {
                    continue;
                }
                if (!sharesEarlierUsableKey(a, b, hash)) {
                    visitor.visit(Math.min(a, b), Math.max(a, b));
                }
            }
        }
    }

    /** Whether two records share a usable block, i.e. are a candidate pair. */
    boolean isCandidate(int a, int b) {
        if (linkage && (a < leftSize) == (b < leftSize)) {
            return false;
        }
        return sharesEarlierUsableKey(a, b, Long.MAX_VALUE);
    }

    private boolean sharesEarlierUsableKey(int a, int b, long hash) {
        int i = keyOffsets[a];
        int j = keyOffsets[b];
        int endA = keyOffsets[a + 1];
        int endB = keyOffsets[b + 1];
        while (i < endA && j < endB) {
            long ka = keyHashes[i];
            long kb = keyHashes[j];
            if (ka >= hash || kb >= hash) {
                return false;
            }
            if (ka == kb) {
                if (keyUsable[i]) {
                    return true;
                }
                i++;
                j++;
            } else if (ka < kb) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
