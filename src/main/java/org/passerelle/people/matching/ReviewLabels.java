package org.passerelle.people.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data officers' decisions in the duplicate review queue as labels for the next scan: the
 * levels each decided pair reached on each field (as the queue keeps them), counted by comparison
 * vector, merged pairs apart from pairs judged different people. Holds levels and counts only.
 */
public final class ReviewLabels {

    private final Map<Long, long[]> vectors = new HashMap<>();
    private final List<String> fieldNames;
    private final List<List<String>> levelNames;
    private long merges;
    private long differents;

    private ReviewLabels() {
        LinkageSettings<MatchablePerson> settings = PersonMatching.settings();
        this.fieldNames = settings.fields().stream().map(FieldComparison::name).toList();
        this.levelNames =
                settings.fields().stream().map(FieldComparison::levels).toList();
    }

    /** No decisions yet; {@link #add} counts them in. */
    public static ReviewLabels empty() {
        return new ReviewLabels();
    }

    /**
     * Counts one decided pair in from the names of its fields and of the levels it reached (fields
     * the engine no longer compares and unknown levels are left out, as missing).
     */
    public ReviewLabels add(List<String> fields, List<String> levels, boolean merged) {
        long packed = 0;
        for (int f = 0; f < fieldNames.size(); f++) {
            int at = fields.indexOf(fieldNames.get(f));
            int level = at < 0 || at >= levels.size() ? -1 : levelNames.get(f).indexOf(levels.get(at));
            packed = ComparisonVector.with(packed, f, level < 0 ? FieldComparison.MISSING : level);
        }
        vectors.computeIfAbsent(packed, v -> new long[2])[merged ? 0 : 1]++;
        if (merged) {
            merges++;
        } else {
            differents++;
        }
        return this;
    }

    /** The pairs merged: true duplicates. */
    public long merges() {
        return merges;
    }

    /** The pairs judged to be different people. */
    public long differents() {
        return differents;
    }

    /**
     * m learnt from the merged pairs, each field's shares pulled towards {@code prior} as if it came
     * from {@code priorPairs} more pairs: the queue holds only the pairs a scan found, so a level no
     * merged pair reached yet (a full disagreement) keeps some of its hand-set share.
     */
    double[][] m(FellegiSunterModel prior, double priorPairs) {
        FellegiSunterModel learnt = FellegiSunterModel.fromLabelledVectors(fieldNames, levelNames, vectors);
        double[][] m = FellegiSunterModel.zeros(levelNames);
        for (int f = 0; f < m.length; f++) {
            long known = 0;
            for (Map.Entry<Long, long[]> entry : vectors.entrySet()) {
                if (ComparisonVector.level(entry.getKey(), f) != FieldComparison.MISSING) {
                    known += entry.getValue()[0];
                }
            }
            for (int l = 0; l < m[f].length; l++) {
                m[f][l] = (known * learnt.m(f, l) + priorPairs * prior.m(f, l)) / (known + priorPairs);
            }
        }
        return m;
    }
}
