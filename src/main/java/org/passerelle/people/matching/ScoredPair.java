package org.passerelle.people.matching;

/**
 * A compared pair and its score. In a deduplication both numbers index the one list; in a linkage
 * {@code first} indexes the left list and {@code second} the right one.
 *
 * @param score the log2 Bayes factor
 * @param probability the match probability under the model's prior
 */
public record ScoredPair(int first, int second, double score, double probability) {}
