package org.passerelle.people.matching;

/**
 * A comparison vector packed in a long: four bits per field holding the level plus one, zero for a
 * missing field. Packed vectors are cheap to count, which is all expectation maximisation needs.
 */
final class ComparisonVector {

    private static final int BITS = 4;
    private static final long MASK = (1L << BITS) - 1;

    private ComparisonVector() {}

    static long pack(int[] levels) {
        long packed = 0;
        for (int f = 0; f < levels.length; f++) {
            packed |= (long) (levels[f] + 1) << (BITS * f);
        }
        return packed;
    }

    /** A packed vector with the level of field {@code f} set (it must not be set yet). */
    static long with(long packed, int f, int level) {
        return packed | (long) (level + 1) << (BITS * f);
    }

    /** The level of field {@code f}, or {@link FieldComparison#MISSING}. */
    static int level(long packed, int f) {
        return (int) ((packed >>> (BITS * f)) & MASK) - 1;
    }

    static int[] unpack(long packed, int fields) {
        int[] levels = new int[fields];
        for (int f = 0; f < fields; f++) {
            levels[f] = level(packed, f);
        }
        return levels;
    }
}
