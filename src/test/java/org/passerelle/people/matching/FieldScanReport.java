package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.passerelle.people.matching.FieldRegistry.Difference;
import org.passerelle.people.matching.FieldRegistry.Kinship;
import org.passerelle.people.matching.FieldRegistry.Registration;

/**
 * Measures the pairs a duplicate scan proposed on a {@link FieldRegistry} against the truth:
 * pairwise precision, recall and F1; the same on clusters (the groups the proposed pairs join,
 * against each person's registrations, counting only groups of two or more and a group right only
 * when it is exactly one person's); recall by kind of difference (a true pair carries the
 * differences of both its registrations); and the wrong pairs by kinship of the two people.
 */
public record FieldScanReport(
        PairwiseMetrics pairs,
        PairwiseMetrics clusters,
        Map<Difference, double[]> recallByDifference,
        Map<Kinship, Long> wrongPairsByKinship) {

    /** A proposed pair, by registration ids. */
    public record Proposed(String first, String second) {}

    public static FieldScanReport of(List<Registration> registry, List<Proposed> proposed) {
        Map<String, Registration> byId = new HashMap<>();
        registry.forEach(r -> byId.put(r.id(), r));
        Set<String> found = new HashSet<>();
        long right = 0;
        Map<Kinship, Long> wrong = new EnumMap<>(Kinship.class);
        for (Proposed pair : proposed) {
            Registration a = byId.get(pair.first());
            Registration b = byId.get(pair.second());
            if (a == null || b == null || !found.add(key(a.id(), b.id()))) {
                continue;
            }
            if (a.person() == b.person()) {
                right++;
            } else {
                Kinship kinship = a.family() == b.family() ? kinship(a, b) : Kinship.NONE;
                wrong.merge(kinship, 1L, Long::sum);
            }
        }
        PairwiseMetrics pairs = new PairwiseMetrics(right, found.size(), FieldRegistry.truePairs(registry));
        return new FieldScanReport(pairs, clusters(registry, found), recallByDifference(registry, found), wrong);
    }

    private static Kinship kinship(Registration a, Registration b) {
        return a.kinship() != Kinship.NONE ? a.kinship() : b.kinship();
    }

    private static Map<Difference, double[]> recallByDifference(List<Registration> registry, Set<String> found) {
        Map<Integer, List<Registration>> byPerson = new HashMap<>();
        registry.forEach(r ->
                byPerson.computeIfAbsent(r.person(), p -> new ArrayList<>()).add(r));
        Map<Difference, double[]> counts = new EnumMap<>(Difference.class);
        for (List<Registration> own : byPerson.values()) {
            for (int i = 0; i < own.size(); i++) {
                for (int j = i + 1; j < own.size(); j++) {
                    Set<Difference> differences = EnumSet.noneOf(Difference.class);
                    differences.addAll(own.get(i).differences());
                    differences.addAll(own.get(j).differences());
                    boolean hit = found.contains(key(own.get(i).id(), own.get(j).id()));
                    for (Difference d : differences) {
                        double[] c = counts.computeIfAbsent(d, k -> new double[2]);
                        c[0]++;
                        c[1] += hit ? 1 : 0;
                    }
                }
            }
        }
        return counts;
    }

    /** Groups joined by the proposed pairs, against each person's registrations (groups of two or more). */
    private static PairwiseMetrics clusters(List<Registration> registry, Set<String> found) {
        Map<String, String> parent = new HashMap<>();
        registry.forEach(r -> parent.put(r.id(), r.id()));
        for (String pair : found) {
            String[] ids = pair.split("\\|");
            parent.put(root(parent, ids[0]), root(parent, ids[1]));
        }
        Map<String, Set<String>> predicted = new HashMap<>();
        registry.forEach(r -> predicted
                .computeIfAbsent(root(parent, r.id()), k -> new HashSet<>())
                .add(r.id()));
        Map<Integer, Set<String>> truth = new HashMap<>();
        registry.forEach(
                r -> truth.computeIfAbsent(r.person(), k -> new HashSet<>()).add(r.id()));
        Set<Set<String>> trueGroups = new HashSet<>();
        truth.values().stream().filter(g -> g.size() > 1).forEach(trueGroups::add);
        List<Set<String>> predictedGroups =
                predicted.values().stream().filter(g -> g.size() > 1).toList();
        long exact = predictedGroups.stream().filter(trueGroups::contains).count();
        return new PairwiseMetrics(exact, predictedGroups.size(), trueGroups.size());
    }

    private static String root(Map<String, String> parent, String id) {
        String r = id;
        while (!parent.get(r).equals(r)) {
            r = parent.get(r);
        }
        parent.put(id, r);
        return r;
    }

    private static String key(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }

    /** The recall of the true pairs with this difference, or NaN when there is none. */
    public double recall(Difference difference) {
        double[] c = recallByDifference.get(difference);
        return c == null || c[0] == 0 ? Double.NaN : c[1] / c[0];
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append("pairs:    ").append(pairs).append('\n');
        text.append("clusters: ").append(clusters).append('\n');
        text.append("recall by kind of difference (true pairs with it):\n");
        recallByDifference.forEach((d, c) -> text.append(String.format(
                Locale.ROOT, "  %-26s %.2f  (%d)%n", d.name().toLowerCase(Locale.ROOT), c[1] / c[0], (long) c[0])));
        text.append("wrong pairs by kinship: ").append(wrongPairsByKinship).append('\n');
        return text.toString();
    }
}
