package org.passerelle.demo;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.passerelle.care.Discipline;

/**
 * Who comes to a kind of site and which disciplines see them there: young men in the coastal
 * camps, unaccompanied minors at the day centre, women and children in the shelters.
 */
enum SiteProfile {
    COASTAL_CAMPS(groups(72, 9, 14, 5, 0), disciplines(55, 30, 8, 5, 2)),
    MINORS_DAY_CENTRE(groups(8, 0, 90, 0, 2), disciplines(15, 10, 30, 30, 15)),
    MINORS_STREET_OUTREACH(groups(25, 0, 75, 0, 0), disciplines(45, 25, 15, 15, 0)),
    WALK_IN_CENTRE(groups(48, 28, 2, 12, 10), disciplines(40, 20, 5, 15, 20)),
    SQUAT_OUTREACH(groups(55, 25, 3, 12, 5), disciplines(50, 35, 5, 10, 0)),
    FAMILY_SHELTER(groups(5, 50, 8, 37, 0), disciplines(25, 20, 25, 25, 5));

    /** The kinds of people a site sees. */
    enum Group {
        ADULT_MAN,
        ADULT_WOMAN,
        UNACCOMPANIED_MINOR,
        CHILD,
        OLDER_ADULT
    }

    private final Map<Group, Integer> groupWeights;
    private final Map<Discipline, Integer> disciplineWeights;

    SiteProfile(Map<Group, Integer> groupWeights, Map<Discipline, Integer> disciplineWeights) {
        this.groupWeights = groupWeights;
        this.disciplineWeights = disciplineWeights;
    }

    Group group(SplittableRandom random) {
        return weighted(groupWeights, random);
    }

    Discipline discipline(SplittableRandom random) {
        return weighted(disciplineWeights, random);
    }

    static <K> K weighted(Map<K, Integer> weights, SplittableRandom random) {
        int total = weights.values().stream().mapToInt(Integer::intValue).sum();
        int draw = random.nextInt(total);
        for (Map.Entry<K, Integer> entry : weights.entrySet()) {
            draw -= entry.getValue();
            if (draw < 0) {
                return entry.getKey();
            }
        }
        throw new IllegalStateException("weights must be positive");
    }

    private static Map<Group, Integer> groups(int men, int women, int minors, int children, int older) {
        Map<Group, Integer> weights = new EnumMap<>(Group.class);
        weights.put(Group.ADULT_MAN, men);
        weights.put(Group.ADULT_WOMAN, women);
        weights.put(Group.UNACCOMPANIED_MINOR, minors);
        weights.put(Group.CHILD, children);
        weights.put(Group.OLDER_ADULT, older);
        return weights;
    }

    private static Map<Discipline, Integer> disciplines(
            int medical, int nursing, int mentalHealth, int social, int legal) {
        Map<Discipline, Integer> weights = new EnumMap<>(Discipline.class);
        weights.put(Discipline.MEDICAL, medical);
        weights.put(Discipline.NURSING, nursing);
        weights.put(Discipline.MENTAL_HEALTH, mentalHealth);
        weights.put(Discipline.SOCIAL, social);
        weights.put(Discipline.LEGAL, legal);
        return weights;
    }
}
