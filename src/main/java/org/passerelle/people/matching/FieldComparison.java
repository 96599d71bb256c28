package org.passerelle.people.matching;

import java.util.List;
import java.util.function.ToIntBiFunction;

/**
 * Compares one field of two records and says how well it agrees, as a level: level 0 is the
 * strongest agreement, the last level is disagreement, {@link #MISSING} means the field is absent
 * from either record and carries no evidence.
 *
 * @param <R> the record type
 */
public interface FieldComparison<R> {

    int MISSING = -1;

    /** At most this many levels per field, so that a comparison vector fits in a long. */
    int MAX_LEVELS = 14;

    String name();

    /** The names of the levels, strongest agreement first, disagreement last. */
    List<String> levels();

    /** The level of agreement of this field between two records, or {@link #MISSING}. */
    int compare(R a, R b);

    /**
     * A rough relative cost of {@link #compare}. When only pairs above a score matter, the cheaper
     * fields are compared first, and a pair that can no longer reach the score is dropped before the
     * costly ones.
     */
    default int cost() {
        return 1;
    }

    static <R> FieldComparison<R> of(String name, List<String> levels, ToIntBiFunction<R, R> comparison) {
        return of(name, levels, 1, comparison);
    }

    /** A field whose comparison costs about {@code cost} times that of a cheap one (see {@link #cost}). */
    static <R> FieldComparison<R> of(String name, List<String> levels, int cost, ToIntBiFunction<R, R> comparison) {
        if (levels.size() < 2 || levels.size() > MAX_LEVELS) {
            throw new IllegalArgumentException("a field needs between 2 and " + MAX_LEVELS + " levels: " + name);
        }
        List<String> copy = List.copyOf(levels);
        return new FieldComparison<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<String> levels() {
                return copy;
            }

            @Override
            public int compare(R a, R b) {
                return comparison.applyAsInt(a, b);
            }

            @Override
            public int cost() {
                return cost;
            }
        };
    }
}
