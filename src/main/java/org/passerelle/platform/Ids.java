package org.passerelle.platform;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Generates time-ordered UUIDs (RFC 9562 version 7). Clients may generate the same kind of id
 * offline; the server accepts any UUID a client sends and only generates one when none is given.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    /** A new version-7 UUID: 48 bits of Unix milliseconds, then 74 random bits. */
    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * Compares two UUIDs as PostgreSQL does (their 16 bytes, unsigned), unlike {@link
     * UUID#compareTo}, which compares signed halves: for checks such as {@code a < b} on pairs.
     */
    public static int compareAsDatabase(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
}
