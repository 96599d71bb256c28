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

    private final Map<String, Double> weights;
    private final double unseen;

    private NameFrequencies(Map<String, Double> weights, double unseen) {
        this.weights = weights;
        this.unseen = unseen;
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
        return new NameFrequencies(weights, clamp(log2(typical * n), MAX_PER_NAME));
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
        for (int i = 0; i < a.tokenCount; i++) {
            String key = a.tokenArray[i].key();
            if (usable(key) && firstWithKey(a, i) && bears(b, key)) {
                sum += weights.getOrDefault(key, unseen);
                shared++;
            }
        }
        return shared == 0 ? 0 : clamp(sum, MAX_TOTAL) - UNSHARED_NAME * unshared(a, b, names);
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
        return MAX_TOTAL;
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
