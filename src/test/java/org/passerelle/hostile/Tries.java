package org.passerelle.hostile;

import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestInfo;

/**
 * A property tried on many seeded random inputs, one JUnit dynamic test per try. Every try has its
 * own seed, derived from the property's name, the try's number and a base seed that is fixed, so
 * that a run is reproducible, unless the system property {@value #SEED_PROPERTY} sets another
 * ({@code -Dpasserelle.hostile.seed=0x…}). A failure names the property, the try, both seeds and the
 * input, so that it can be replayed.
 */
final class Tries {

    static final String SEED_PROPERTY = "passerelle.hostile.seed";
    static final long DEFAULT_SEED = 0x9A55_E2E1_1E00_5EEDL;

    private Tries() {}

    /** The base seed: {@value #SEED_PROPERTY} in decimal or as {@code 0x} and hexadecimal, or the fixed default. */
    static long baseSeed() {
        String given = System.getProperty(SEED_PROPERTY, "").strip();
        if (given.isEmpty()) {
            return DEFAULT_SEED;
        }
        String lower = given.toLowerCase(Locale.ROOT);
        return lower.startsWith("0x") ? Long.parseUnsignedLong(lower.substring(2), 16) : Long.parseLong(given);
    }

    /**
     * {@code tries} dynamic tests of the test factory {@code info} names, each checking an input that
     * {@code generator} draws from the try's own random generator.
     */
    static <T> Stream<DynamicTest> of(
            TestInfo info, int tries, Function<RandomGenerator, T> generator, Consumer<T> check) {
        String property = info.getTestMethod().orElseThrow().getName();
        long base = baseSeed();
        return IntStream.rangeClosed(1, tries).mapToObj(number -> {
            long seed = seedOf(base, property, number);
            return DynamicTest.dynamicTest(
                    String.format("try %d of %d, seed %s", number, tries, hex(seed)),
                    () -> tryOnce(property, number, tries, base, seed, generator, check));
        });
    }

    private static <T> void tryOnce(
            String property,
            int number,
            int tries,
            long base,
            long seed,
            Function<RandomGenerator, T> generator,
            Consumer<T> check) {
        @Nullable T input = null;
        try {
            input = generator.apply(new SplittableRandom(seed));
            check.accept(input);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(
                    String.format(
                            "%s failed at try %d of %d (seed %s, base seed %s; replay with -D%s=%s)%n"
                                    + "input: %s%n%s",
                            property,
                            number,
                            tries,
                            hex(seed),
                            hex(base),
                            SEED_PROPERTY,
                            hex(base),
                            input == null ? "(not generated)" : input,
                            e.getMessage()),
                    e);
        }
    }

    /** The seed of one try: a mix of the base seed, the property's name and the try's number. */
    static long seedOf(long base, String property, int number) {
        long mixed = base ^ (property.hashCode() * 0x9E37_79B9_7F4A_7C15L) ^ (number * 0xBF58_476D_1CE4_E5B9L);
        return new SplittableRandom(mixed).nextLong();
    }

    static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }
}
