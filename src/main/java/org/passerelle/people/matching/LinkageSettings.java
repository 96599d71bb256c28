package org.passerelle.people.matching;

import java.util.List;

/**
 * What the engine compares and how it finds candidate pairs.
 *
 * @param fields the compared fields, each with its levels (at most 15 fields)
 * @param blockingKeys the blocking key functions, whose candidate pairs are unioned
 * @param maxBlockSize blocks with more records than this are skipped: a key that common says little
 * @param <R> the record type
 */
public record LinkageSettings<R>(List<FieldComparison<R>> fields, List<BlockingKey<R>> blockingKeys, int maxBlockSize) {

    static final int MAX_FIELDS = 15;

    public LinkageSettings {
        fields = List.copyOf(fields);
        blockingKeys = List.copyOf(blockingKeys);
        if (fields.isEmpty() || fields.size() > MAX_FIELDS) {
            throw new IllegalArgumentException("between 1 and " + MAX_FIELDS + " fields");
        }
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("a block must hold at least two records");
        }
    }
}
