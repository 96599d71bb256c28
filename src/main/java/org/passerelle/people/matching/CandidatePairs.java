package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The candidate pairs of a blocking: records sharing at least one key. Keys are hashed to 40 bits
 * and sorted with the record numbers, so that each block is a run of a sorted array and no pair is
 * ever stored: a pair is visited in the first usable block (in hash order) its two records share,
 * hence exactly once, and blocks larger than the cap are skipped — unless their key has a
 * sub-blocking key ({@link BlockingKey#subBlocking}): then the records of such a block also get
 * the finer keys, in further rounds until no block too large has a finer key left. Visiting runs
 * in parallel.
 */
final class CandidatePairs {

    /** A visitor of pairs; one instance per parallel task, so it need not be thread-safe. */
    interface PairVisitor {
        void visit(int first, int second);
    }

    private static final int RECORD_BITS = 24;
    private static final long RECORD_MASK = (1L << RECORD_BITS) - 1;
    private static final int TASKS_PER_CORE = 8;

    /**
     * At most this many blocking key functions, sub-blocking ones included; a function's index (the
     * top-level ones first, in their order) is its bit in {@link #sharedKeys}.
     */
    private static final int MAX_FUNCTIONS = Long.SIZE;

    private final int leftSize;
    private final boolean linkage;
    private final long[] entries;
    private final int[] blockStarts;

    /** Each record's keys of usable blocks only, sorted by hash, with their functions. */
    private final int[] keyOffsets;

    private final long[] keyHashes;
    private final byte[] keyFunctions;

    private CandidatePairs(int leftSize, boolean linkage, RecordKeys keys, long[] entries, int maxBlockSize) {
        this.leftSize = leftSize;
        this.linkage = linkage;
        this.entries = entries;
        boolean[] usable = new boolean[keys.hashes().length];
        this.blockStarts = usableBlocks(keys, usable, maxBlockSize);
        RecordKeys usableKeys = keys.only(usable);
        this.keyOffsets = usableKeys.offsets();
        this.keyHashes = usableKeys.hashes();
        this.keyFunctions = usableKeys.functions();
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
        List<BlockingKey<R>> functions = functions(keys);
        long[][] perRecord = new long[size][];
        long[] included = new long[size];
        long topLevel = keys.size() == MAX_FUNCTIONS ? -1L : (1L << keys.size()) - 1;
        IntStream.range(0, size).parallel().forEach(i -> {
            perRecord[i] = KeyHashes.of(record(left, right, i), functions, topLevel);
            included[i] = topLevel;
        });
        RecordKeys recordKeys = RecordKeys.of(perRecord);
        long[] entries = sortedEntries(recordKeys);
        int[] finer = finerFunctions(functions);
        while (true) {
            long[] oversize = oversizeHashes(entries, maxBlockSize);
            if (oversize.length == 0) {
                break;
            }
            RecordKeys current = recordKeys;
            AtomicBoolean changed = new AtomicBoolean();
            IntStream.range(0, size).parallel().forEach(i -> {
                long adding = current.finerToAdd(i, oversize, finer) & ~included[i];
                if (adding != 0) {
                    included[i] |= adding;
                    long[] more = KeyHashes.of(record(left, right, i), functions, adding);
                    perRecord[i] = KeyHashes.merge(perRecord[i], more);
                    changed.set(true);
                }
            });
            if (!changed.get()) {
                break;
            }
            recordKeys = RecordKeys.of(perRecord);
            entries = sortedEntries(recordKeys);
        }
        return new CandidatePairs(left.size(), linkage, recordKeys, entries, maxBlockSize);
    }

    private static <R> R record(List<R> left, List<R> right, int i) {
        return i < left.size() ? left.get(i) : right.get(i - left.size());
    }

    /** The top-level key functions, then the sub-blocking ones reachable from them, each once. */
    private static <R> List<BlockingKey<R>> functions(List<BlockingKey<R>> keys) {
        List<BlockingKey<R>> functions = new ArrayList<>(keys);
        Map<BlockingKey<R>, Boolean> seen = new IdentityHashMap<>();
        keys.forEach(key -> seen.put(key, true));
        for (int f = 0; f < functions.size(); f++) {
            BlockingKey<R> finer = functions.get(f).subBlocking();
            if (finer != null && seen.put(finer, true) == null) {
                functions.add(finer);
            }
        }
        if (functions.size() > MAX_FUNCTIONS) {
            throw new IllegalArgumentException("at most " + MAX_FUNCTIONS + " blocking key functions");
        }
        return functions;
    }

    /** For each function, the index of its sub-blocking function, or -1. */
    private static <R> int[] finerFunctions(List<BlockingKey<R>> functions) {
        int[] finer = new int[functions.size()];
        for (int f = 0; f < finer.length; f++) {
            BlockingKey<R> sub = functions.get(f).subBlocking();
            finer[f] = -1;
            for (int g = 0; sub != null && g < functions.size(); g++) {
                if (functions.get(g) == sub) {
                    finer[f] = g;
                }
            }
        }
        return finer;
    }

    private static long[] sortedEntries(RecordKeys keys) {
        long[] entries = new long[keys.hashes().length];
        IntStream.range(0, keys.offsets().length - 1).parallel().forEach(record -> {
            for (int k = keys.offsets()[record]; k < keys.offsets()[record + 1]; k++) {
                entries[k] = (keys.hashes()[k] << RECORD_BITS) | record;
            }
        });
        Arrays.parallelSort(entries);
        return entries;
    }

    /** The hashes of the blocks larger than the cap, sorted (entries sort as signed longs, hashes not). */
    private static long[] oversizeHashes(long[] entries, int maxBlockSize) {
        long[] oversize = new long[16];
        int count = 0;
        int start = 0;
        while (start < entries.length) {
            int end = blockEnd(entries, start);
            if (end - start > maxBlockSize) {
                if (count == oversize.length) {
                    oversize = Arrays.copyOf(oversize, count * 2);
                }
                oversize[count++] = entries[start] >>> RECORD_BITS;
            }
            start = end;
        }
        long[] sorted = Arrays.copyOf(oversize, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static int blockEnd(long[] entries, int start) {
        long hash = entries[start] >>> RECORD_BITS;
        int end = start + 1;
        while (end < entries.length && entries[end] >>> RECORD_BITS == hash) {
            end++;
        }
        return end;
    }

    /** Flags the records' keys of usable blocks and returns the start of each usable block. */
    private int[] usableBlocks(RecordKeys keys, boolean[] usable, int maxBlockSize) {
        int[] starts = new int[64];
        long[] hashes = new long[64];
        int blocks = 0;
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
                if (blocks == starts.length) {
                    starts = Arrays.copyOf(starts, blocks * 2);
                    hashes = Arrays.copyOf(hashes, blocks * 2);
                }
                starts[blocks] = start;
                hashes[blocks++] = hash;
            }
            start = end;
        }
        // entries sort as signed longs, so hashes from 2^39 up came first: sort them for searching
        long[] usableHashes = Arrays.copyOf(hashes, blocks);
        Arrays.sort(usableHashes);
        IntStream.range(0, keys.hashes().length).parallel().forEach(k -> {
            usable[k] = Arrays.binarySearch(usableHashes, keys.hashes()[k]) >= 0;
        });
        return Arrays.copyOf(starts, blocks);
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
        int end = blockEnd(entries, start);
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

    /**
     * The key functions (bit i for the i-th top-level blocking key) whose own usable blocks hold both
     * records: the pairs of one key alone, for estimating m by key.
     */
    long sharedKeys(int a, int b) {
        long shared = 0;
        int i = keyOffsets[a];
        int j = keyOffsets[b];
        int endA = keyOffsets[a + 1];
        int endB = keyOffsets[b + 1];
        while (i < endA && j < endB) {
            long ka = keyHashes[i];
            long kb = keyHashes[j];
            if (ka == kb) {
                shared |= 1L << keyFunctions[i];
                i++;
                j++;
            } else if (ka < kb) {
                i++;
            } else {
                j++;
            }
        }
        return shared;
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
                return true;
            } else if (ka < kb) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
