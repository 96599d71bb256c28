package org.passerelle.people.matching;

import java.util.List;

/**
 * Why two records match or not: the prior log-odds and, per field, the level reached and the weight
 * (log2 of m/u) it adds. The score is the sum of the field weights; the probability also counts the
 * prior.
 *
 * @param priorWeight log2 of the prior odds that a candidate pair is a match
 * @param contributions one per field, in the order of the settings
 * @param score the sum of the field weights (log2 Bayes factor)
 * @param probability the match probability
 */
public record MatchExplanation(double priorWeight, List<Contribution> contributions, double score, double probability) {

    public MatchExplanation {
        contributions = List.copyOf(contributions);
    }

    /**
     * What one field contributed.
     *
     * @param field the field's name
     * @param level the level's name, {@code missing} when the field is absent from either record
     * @param weight log2(m/u) of that level; 0 when missing
     */
    public record Contribution(String field, String level, double weight) {}

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(
                java.util.Locale.ROOT, "score %.2f, probability %.4f, prior %.2f", score, probability, priorWeight));
        for (Contribution c : contributions) {
            text.append(
                    String.format(java.util.Locale.ROOT, "%n  %-12s %-24s %+.2f", c.field(), c.level(), c.weight()));
        }
        return text.toString();
    }
}
