package org.passerelle.demo;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;

/** Version-7 UUIDs drawn from a seeded generator, so that the same seed gives the same ids. */
final class DemoIds {

    private DemoIds() {}

    static UUID at(Instant time, SplittableRandom random) {
        long msb = (time.toEpochMilli() << 16) | (0x7L << 12) | random.nextInt(1 << 12);
        long lsb = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /** A well-mixed seed for the {@code index}-th item drawn from {@code seed} (SplitMix64 finaliser). */
    static long mix(long seed, long index) {
        long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
