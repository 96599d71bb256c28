package org.passerelle.people.matching;

import java.util.Arrays;
import java.util.stream.IntStream;

/** All records' keys in one array, each record's sorted by hash, with their functions. */
record RecordKeys(int[] offsets, long[] hashes, byte[] functions) {

    static RecordKeys of(long[][] perRecord) {
        int[] offsets = new int[perRecord.length + 1];
        for (int i = 0; i < perRecord.length; i++) {
            offsets[i + 1] = offsets[i] + perRecord[i].length;
        }
        long[] hashes = new long[offsets[perRecord.length]];
        byte[] functions = new byte[hashes.length];
        IntStream.range(0, perRecord.length).parallel().forEach(i -> {
            for (int k = 0; k < perRecord[i].length; k++) {
                hashes[offsets[i] + k] = perRecord[i][k] >>> KeyHashes.FUNCTION_BITS;
                functions[offsets[i] + k] = (byte) (perRecord[i][k] & KeyHashes.FUNCTION_MASK);
            }
        });
        return new RecordKeys(offsets, hashes, functions);
    }

    /** The keys flagged in {@code kept}, each record's in the same order. */
    RecordKeys only(boolean[] kept) {
        int records = offsets.length - 1;
        int[] keptOffsets = new int[records + 1];
        for (int i = 0; i < records; i++) {
            int count = 0;
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                count += kept[k] ? 1 : 0;
            }
            keptOffsets[i + 1] = keptOffsets[i] + count;
        }
        long[] keptHashes = new long[keptOffsets[records]];
        byte[] keptFunctions = new byte[keptHashes.length];
        IntStream.range(0, records).parallel().forEach(i -> {
            int to = keptOffsets[i];
            for (int k = offsets[i]; k < offsets[i + 1]; k++) {
                if (kept[k]) {
                    keptHashes[to] = hashes[k];
                    keptFunctions[to++] = functions[k];
                }
            }
        });
        return new RecordKeys(keptOffsets, keptHashes, keptFunctions);
    }

    /** The sub-blocking functions a record needs: those of its keys whose blocks are too large. */
    long finerToAdd(int record, long[] oversize, int[] finer) {
        long adding = 0;
        for (int k = offsets[record]; k < offsets[record + 1]; k++) {
            int sub = finer[functions[k]];
            if (sub >= 0 && Arrays.binarySearch(oversize, hashes[k]) >= 0) {
                adding |= 1L << sub;
            }
        }
        return adding;
    }
}
