package org.passerelle.people.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * The engine configured for the people served: names (all of a person's names as one multiset of
 * tokens), birth date with its precision, sex and country of origin; blocking on the phonetic key
 * of each name token with the birth year, on each pair of name keys, and on the birth day and month
 * in either order with the year. The blocking keys double as the keys of a database index for
 * look-ups.
 */
public final class PersonMatching {

    /** A key shared by more persons than this is skipped (e.g. one very common name pair). */
    public static final int MAX_BLOCK_SIZE = 500;

    static final String NAMES = "names";
    static final String BIRTH_DATE = "birth date";

    /** Comparing names costs about this many times comparing a birth date or sex. */
    static final int NAME_COMPARISON_COST = 10;

    /** Name tokens beyond this many do not make pair keys (a person with many aliases). */
    static final int MAX_TOKENS_FOR_PAIRS = 6;

    private PersonMatching() {}

    public static LinkageSettings<MatchablePerson> settings() {
        List<FieldComparison<MatchablePerson>> fields = List.of(
                FieldComparison.of(NAMES, NameComparison.LEVELS, NAME_COMPARISON_COST, NameComparison::level),
                FieldComparison.of(
                        BIRTH_DATE,
                        BirthDateComparison.LEVELS,
                        (a, b) -> BirthDateComparison.level(a.preparedBirthDate, b.preparedBirthDate)),
                FieldComparison.of("sex", List.of("same", "different"), PersonMatching::sexLevel));
        BlockingKey<MatchablePerson> namePairYear =
                new BlockingKey<>("name-pair-year", PersonMatching::namePairYearKeys, Set.of(NAMES, BIRTH_DATE));
        List<BlockingKey<MatchablePerson>> keys = List.of(
                new BlockingKey<>("name-year", PersonMatching::nameYearKeys, Set.of(NAMES, BIRTH_DATE), namePairYear),
                new BlockingKey<>("name-pair", PersonMatching::namePairKeys, Set.of(NAMES), namePairYear),
                new BlockingKey<>("date", PersonMatching::dateKeys, Set.of(BIRTH_DATE)));
        return new LinkageSettings<>(fields, keys, MAX_BLOCK_SIZE);
    }

    public static Linker<MatchablePerson> linker() {
        return new Linker<>(settings());
    }

    /**
     * Weights to start from before the registry is large enough for EM: the share of each level of
     * agreement among true matches (m) and among different people (u), set by hand from what the
     * levels mean (an exact name agreement is rare between different people, a single shared name
     * common). Fields and levels are in the order of {@link #settings()}.
     */
    public static FellegiSunterModel defaultModel() {
        return defaultModel(DEFAULT_PRIOR);
    }

    /** The default weights with another prior: the share of candidates that are the same person. */
    public static FellegiSunterModel defaultModel(double prior) {
        return model(DEFAULT_M, DEFAULT_U, prior);
    }

    /**
     * The default m (how true duplicates agree, which a registry without known duplicates cannot
     * tell) with the u measured on a registry (how different people agree there: how common its
     * names and birth dates are), and a prior for that registry.
     */
    public static FellegiSunterModel defaultModelWithMeasuredU(FellegiSunterModel measured, double prior) {
        return modelWithMeasuredU(DEFAULT_M, measured, prior);
    }

    /** These m (fields and levels in the order of {@link #settings()}) with the u measured on a registry. */
    static FellegiSunterModel modelWithMeasuredU(double[][] m, FellegiSunterModel measured, double prior) {
        double[][] u = new double[DEFAULT_U.length][];
        for (int f = 0; f < u.length; f++) {
            u[f] = new double[DEFAULT_U[f].length];
            for (int l = 0; l < u[f].length; l++) {
                u[f][l] = measured.u(f, l);
            }
        }
        return model(m, u, prior);
    }

    private static FellegiSunterModel model(double[][] m, double[][] u, double prior) {
        List<String> fields = new ArrayList<>();
        List<List<String>> levels = new ArrayList<>();
        for (FieldComparison<MatchablePerson> field : settings().fields()) {
            fields.add(field.name());
            levels.add(field.levels());
        }
        return new FellegiSunterModel(fields, levels, m, u, prior);
    }

    /**
     * Of the true pairs of field-like registries (tuning seeds 101 and 202), 2 to 3 in a hundred have
     * two or more names similar without all: that level is more often siblings sharing their
     * father's names, hence 0.03 rather than the 0.07 first set.
     */
    private static final double[][] DEFAULT_M = {
        {0.30, 0.59, 0.03, 0.06, 0.02}, // names
        {0.33, 0.09, 0.33, 0.15, 0.07, 0.03}, // birth date
        {0.98, 0.02} // sex
    };

    private static final double[][] DEFAULT_U = {
        {0.0005, 0.002, 0.01, 0.15, 0.8375},
        {0.002, 0.004, 0.05, 0.05, 0.10, 0.794},
        {0.5, 0.5}
    };

    /** The chance that a candidate sharing a key with a new registration is the same person, before comparing. */
    static final double DEFAULT_PRIOR = 0.01;

    /** The keys to store in a look-up index for a person (qualified by blocking key name). */
    public static List<String> indexKeys(PersonRecord person) {
        return linker().blockingKeys(MatchablePerson.of(person));
    }

    static int sexLevel(MatchablePerson a, MatchablePerson b) {
        if (a.sex() == Sex.UNKNOWN || b.sex() == Sex.UNKNOWN) {
            return FieldComparison.MISSING;
        }
        return a.sex() == b.sex() ? 0 : 1;
    }

    static int countryLevel(MatchablePerson a, MatchablePerson b) {
        if (a.country() == null || b.country() == null) {
            return FieldComparison.MISSING;
        }
        return Objects.equals(a.country(), b.country()) ? 0 : 1;
    }

    static List<String> nameYearKeys(MatchablePerson person) {
        List<String> keys = new ArrayList<>();
        BirthDate date = person.birthDate();
        if (date != null) {
            for (NameToken token : person.tokens()) {
                if (token.key().length() >= 2) {
                    keys.add(token.key() + '|' + date.date().getYear());
                }
            }
        }
        return keys;
    }

    static List<String> namePairKeys(MatchablePerson person) {
        List<String> sorted = pairedNameKeys(person);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                keys.add(sorted.get(i) + '|' + sorted.get(j));
            }
        }
        return keys;
    }

    /**
     * Each pair of name keys with the birth year: splits the blocks of a very common name and year,
     * or of a very common pair of names, that are too large to compare (scan only, not indexed).
     */
    static List<String> namePairYearKeys(MatchablePerson person) {
        BirthDate date = person.birthDate();
        if (date == null) {
            return List.of();
        }
        List<String> sorted = pairedNameKeys(person);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                keys.add(sorted.get(i) + '|' + sorted.get(j) + '|' + date.date().getYear());
            }
        }
        return keys;
    }

    /** The distinct keys of the first name tokens, sorted. */
    private static List<String> pairedNameKeys(MatchablePerson person) {
        TreeSet<String> nameKeys = new TreeSet<>();
        for (NameToken token : person.tokens()) {
            if (token.key().length() >= 2 && nameKeys.size() < MAX_TOKENS_FOR_PAIRS) {
                nameKeys.add(token.key());
            }
        }
        return new ArrayList<>(nameKeys);
    }

    static List<String> dateKeys(MatchablePerson person) {
        BirthDate date = person.birthDate();
        if (date == null || !BirthDateComparison.isExact(date)) {
            return List.of();
        }
        LocalDate d = date.date();
        int low = Math.min(d.getDayOfMonth(), d.getMonthValue());
        int high = Math.max(d.getDayOfMonth(), d.getMonthValue());
        return List.of(d.getYear() + "-" + low + "-" + high);
    }
}
