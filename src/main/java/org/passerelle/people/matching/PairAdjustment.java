package org.passerelle.people.matching;

/**
 * A weight added to a pair's score beyond its comparison vector, such as the term-frequency
 * adjustment of names ({@link NameFrequencies}): a shared rare name says more than a shared common
 * one, which the level of agreement alone cannot tell.
 *
 * @param <R> the record type
 */
public interface PairAdjustment<R> {

    /** The name under which the adjustment explains itself, like a field. */
    String name();

    /** The weight (log2) added to the pair with these field levels. */
    double weight(R a, R b, int[] levels);

    /** The name of the level an explanation shows for a weight this adjustment added. */
    default String level(double weight) {
        return weight > 0 ? "for" : "against";
    }

    /** The most this adjustment may add to any pair, so that scoring can stop early. */
    double max();

    /** No adjustment. */
    static <R> PairAdjustment<R> none() {
        return new PairAdjustment<>() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public double weight(R a, R b, int[] levels) {
                return 0;
            }

            @Override
            public double max() {
                return 0;
            }
        };
    }
}
