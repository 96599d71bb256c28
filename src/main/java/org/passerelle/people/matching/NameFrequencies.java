package org.passerelle.people.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How common each name is in a registry, for term-frequency adjusted name weights (as Splink
 * does): two persons sharing a name that few in the registry bear are likelier one person than two
 * sharing "Mohamed". Each name's frequency is the share of persons who bear its phonetic key; a
 * shared name adds log2(typical / its frequency), where typical is the geometric mean frequency of
 * the name two persons of the registry share (so that the adjustment is nothing on average over the
 * pairs that share a name, which the name level's own weight already counts); a pair adds the sum
 * of its shared names' (sharing two rare names says more than sharing one). Each shared name adds
 * at most {@link #MAX_PER_NAME} either way, a pair at most {@link #MAX_TOTAL}.
 *
 * <p>The name level counts agreement against the person with fewer names, so "Tesfay Kidane" and
 * "Hapte Tesfay Kidane" agree on all names; when every name of one agrees with the other's (in
 * the same or another spelling) and the other bears names the first lacks, the pair loses {@link
 * #UNSHARED_NAME} per such name (at most two): on
 * field-like registries those are more often a father and son or siblings named after their father
 * than one person whose last name was left out once.
 *
 * <p>Within the levels where all of one person's names agree, the level's weight was measured on
 * every pair that agrees so: on a registry full of namesakes such agreement is common, and pooling
 * keeps it from counting against a match, but it then says little even for a name few bear. Given
 * the scan's model ({@link #within}), such a pair's shared names also count as the chance that a
 * random person bears the rarest of them against the level's u (as Splink's term-frequency
 * adjustment does): log2(u / frequency), when that says more than the names' own adjustment. On a
 * registry of people with names of their own, u is about one in the registry's size and this adds
 * nothing; with "Crash Person" borne by half the registry, a rare third name lifts the pair.
 *
 * <p>Counted afresh by each scan from the persons it reads (one pass over their names); it holds
 * phonetic keys and counts, never logged.
 */
public final class NameFrequencies implements PairAdjustment<MatchablePerson> {

    public static final String NAME = "name frequency";

    /** The adjustment's levels as an explanation shows them. */
    public static final String RARER = "rarer than usual";

    public static final String COMMONER = "commoner than usual";

    public static final String USUAL = "as common as usual";

    static final double MAX_PER_NAME = 3;
    static final double MAX_TOTAL = 4;
    static final double UNSHARED_NAME = 2;
    private static final int MAX_UNSHARED = 2;

    /** The most the rarest shared name may add within a level where all names agree. */
    static final double MAX_WITHIN_LEVEL = 12;

    private final Map<String, Double> weights;
    private final Map<String, Integer> bearers;
    private final int persons;
    private final double unseen;
    /** The u of each name level where all of one person's names agree, or none without a model. */
    private final double[] levelU;

    private NameFrequencies(
            Map<String, Double> weights, Map<String, Integer> bearers, int persons, double unseen, double[] levelU) {
        this.weights = weights;
        this.bearers = bearers;
        this.persons = persons;
        this.unseen = unseen;
        this.levelU = levelU;
    }

    /**
     * These frequencies with the u the model measured for the name levels where all names agree,
     * so that a rare shared name also weighs within those levels.
     */
    public NameFrequencies within(FellegiSunterModel model) {
        int allSimilar = NameComparison.LEVELS.indexOf("all names similar");
        double[] u = new double[allSimilar + 1];
        for (int level = 0; level <= allSimilar; level++) {
            u[level] = model.u(0, level);
        }
        return new NameFrequencies(weights, bearers, persons, unseen, u);
    }

    /** The frequencies of the names of these persons. */
    public static NameFrequencies of(List<MatchablePerson> persons) {
        Map<String, Integer> bearers = new HashMap<>();
        for (MatchablePerson person : persons) {
            for (int i = 0; i < person.tokenCount; i++) {
                String key = person.tokenArray[i].key();
                if (usable(key) && firstWithKey(person, i)) {
                    bearers.merge(key, 1, Integer::sum);
                }
            }
        }
        double n = Math.max(1, persons.size());
        double squares = 0;
        double logs = 0;
        for (int count : bearers.values()) {
            double tf = count / n;
            squares += tf * tf;
            logs += tf * tf * log2(tf);
        }
        double typical = squares == 0 ? 1 / n : Math.pow(2, logs / squares);
        Map<String, Double> weights = new HashMap<>();
        bearers.forEach((key, count) -> weights.put(key, clamp(log2(typical * n / count), MAX_PER_NAME)));
        return new NameFrequencies(
                weights, bearers, persons.size(), clamp(log2(typical * n), MAX_PER_NAME), new double[0]);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The sum of the adjustments of the names both persons bear, when their names agree at all,
     * less the names one bears beyond the other's when all of the other's agree with them.
     */
    @Override
    public double weight(MatchablePerson a, MatchablePerson b, int[] levels) {
        int names = levels[0];
        if (names == FieldComparison.MISSING || names == NameComparison.LEVELS.size() - 1) {
            return 0;
        }
        double sum = 0;
        int shared = 0;
        int rarest = Integer.MAX_VALUE;
        for (int i = 0; i < a.tokenCount; i++) {
            String key = a.tokenArray[i].key();
            if (usable(key) && firstWithKey(a, i) && bears(b, key)) {
                sum += weights.getOrDefault(key, unseen);
                shared++;
                rarest = Math.min(rarest, bearers.getOrDefault(key, 1));
            }
        }
        if (shared == 0) {
            return 0;
        }
        double adjustment = clamp(sum, MAX_TOTAL);
        if (names < levelU.length) {
            adjustment = Math.max(adjustment, withinLevel(levelU[names], rarest));
        }
        return adjustment - UNSHARED_NAME * unshared(a, b, names);
    }

    /** log2(u / frequency) of the rarest shared name, borne by this many, within a level of this u. */
    private double withinLevel(double u, int bearers) {
        double frequency = Math.max(1, bearers) / (double) Math.max(1, persons);
        return Math.min(MAX_WITHIN_LEVEL, log2(u / frequency));
    }

    /**
     * The names one person bears beyond the other's (at most {@link #MAX_UNSHARED}) when every name
     * of the other agrees with one of theirs, exactly or in another spelling: "Tesfaye Berhane" and
     * "Semre Tesfay Berhane" are as often a father and son as one person.
     */
    private static int unshared(MatchablePerson a, MatchablePerson b, int names) {
        boolean allAgree = names <= NameComparison.LEVELS.indexOf("all names similar");
        return allAgree ? Math.min(MAX_UNSHARED, Math.abs(distinctUsable(a) - distinctUsable(b))) : 0;
    }

    private static int distinctUsable(MatchablePerson person) {
        int count = 0;
        for (int i = 0; i < person.tokenCount; i++) {
            if (usable(person.tokenArray[i].key()) && firstWithKey(person, i)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public String level(double weight) {
        return weight > 0 ? RARER : weight < 0 ? COMMONER : USUAL;
    }

    @Override
    public double max() {
        double most = MAX_TOTAL;
        for (double u : levelU) {
            most = Math.max(most, withinLevel(u, 1));
        }
        return most;
    }

    private static boolean usable(String key) {
        return key.length() >= 2;
    }

    private static boolean firstWithKey(MatchablePerson person, int index) {
        String key = person.tokenArray[index].key();
        for (int j = 0; j < index; j++) {
            if (person.tokenArray[j].key().equals(key)) {
                return false;
            }
        }
        return true;
    }

    private static boolean bears(MatchablePerson person, String key) {
        for (int j = 0; j < person.tokenCount; j++) {
            if (person.tokenArray[j].key().equals(key)) {
                return true;
            }
        }
        return false;
    }

    private static double clamp(double value, double bound) {
        return Math.max(-bound, Math.min(bound, value));
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
