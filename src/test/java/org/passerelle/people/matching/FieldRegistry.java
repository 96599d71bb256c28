package org.passerelle.people.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;
import org.passerelle.people.matching.NameVariants.Group;
import org.passerelle.people.matching.TransliterationSet.Person;

/**
 * A field-like registry generated deterministically from a seed: people registered one to four
 * times at several sites over two years, each registration written with its own noise (another
 * spelling of a name, names in another order, a particle added, a compound name split or joined, a
 * typo, a name dropped, a year-only date, 1 January, an age estimated on the day of registration,
 * day and month swapped...). Among them are look-alikes that are different people: siblings
 * (sharing family or father's names), children registered with a parent on the same day, and
 * namesakes (the same names, another birth date).
 *
 * <p>Each registration says which person it is ({@link Registration#person()}), which family its
 * person belongs to, and which differences from the person's usual writing it carries ({@link
 * Registration#differences()}): a pair of registrations of one person differs by the union of
 * theirs.
 */
public final class FieldRegistry {

    /** The seed the benchmark and the tests use by default; tuning used other seeds too. */
    public static final long SEED = 20_261_207L;

    /** Sites where people register. */
    public static final List<String> SITES = List.of(
            "Calais camp",
            "Grande-Synthe",
            "Paris night round",
            "Pantin day centre",
            "Marseille CASO",
            "Mayotte mobile clinic",
            "Girls' shelter",
            "Winter shelter");

    static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);
    static final int DAYS = 730;

    /** How a registration differs from the way its person usually writes their details. */
    public enum Difference {
        RESPELLING,
        ORDER_SWAP,
        PARTICLE,
        COMPOUND_SPLIT_OR_JOINED,
        TYPO,
        NAME_DROPPED,
        SCRIPT,
        ALIAS,
        YEAR_ONLY,
        FIRST_OF_JANUARY,
        ESTIMATED_AGE,
        DAY_MONTH_SWAP,
        DATE_DIGIT,
        MONTH_ONLY,
        NO_DATE,
        SEX_UNKNOWN
    }

    /** Why a person looks like another one: their kin or a namesake. */
    public enum Kinship {
        NONE,
        SIBLING,
        PARENT_AND_CHILD,
        NAMESAKE
    }

    /**
     * One registration as a registrar wrote it.
     *
     * @param id the registration's id, {@code r00001} onwards in a shuffled order
     * @param person the person registered (registrations of one person share it)
     * @param family the person's family: siblings, parents and children share it; namesakes share
     *     it too, with {@link #kinship} telling them apart; otherwise the person's own number
     * @param kinship how this person relates to the others of their family
     * @param site one of {@link #SITES}
     * @param registeredOn the day of the registration, the day an age was estimated
     * @param names the chosen name first, then any other name given
     */
    public record Registration(
            String id,
            int person,
            int family,
            Kinship kinship,
            String site,
            LocalDate registeredOn,
            List<String> names,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable String country,
            Set<Difference> differences) {

        public Registration {
            names = List.copyOf(names);
            differences = differences.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(differences));
        }

        Registration withId(String newId) {
            return new Registration(
                    newId, person, family, kinship, site, registeredOn, names, sex, birthDate, country, differences);
        }

        public PersonRecord toPersonRecord() {
            return new PersonRecord(id, names, sex, birthDate, country);
        }
    }

    private final SplittableRandom random;
    private final TransliterationSet people;
    private final List<Group> groups;

    public FieldRegistry(long seed) {
        this.random = new SplittableRandom(seed);
        this.people = new TransliterationSet(seed ^ 0x5DEECE66DL);
        this.groups = NameVariants.load();
    }

    /** The registrations of {@code persons} distinct people (look-alikes included), shuffled. */
    public List<Registration> generate(int persons) {
        List<Kin> kin = new ArrayList<>();
        while (kin.size() < persons) {
            int draw = random.nextInt(100);
            Person model = people.person(kin.size());
            kin.add(new Kin(model, kin.size(), Kinship.NONE, null));
            if (draw < 8) {
                siblings(model, kin);
            } else if (draw < 14) {
                children(model, kin);
            } else if (draw < 19) {
                namesakes(model, kin);
            }
        }
        List<Registration> registrations = new ArrayList<>();
        FieldNoise noise = new FieldNoise(random);
        Map<Integer, Visit> firstVisits = new HashMap<>();
        for (Kin k : kin.subList(0, persons)) {
            registrations.addAll(register(k, noise, firstVisits));
        }
        return numbered(shuffled(registrations));
    }

    /** The number of pairs of registrations of one person. */
    public static long truePairs(List<Registration> registrations) {
        Map<Integer, Long> sizes = new HashMap<>();
        registrations.forEach(r -> sizes.merge(r.person(), 1L, Long::sum));
        return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
    }

    /** A person with their family and how they came to be in it. */
    private record Kin(
            Person person,
            int family,
            Kinship kinship,
            @Nullable Integer parent) {}

    private record Visit(String site, LocalDate day) {}

    private void siblings(Person model, List<Kin> kin) {
        int count = 1 + random.nextInt(3);
        for (int s = 0; s < count; s++) {
            boolean twin = random.nextInt(100) < 4;
            LocalDate born =
                    twin ? model.born() : model.born().plusYears(random.nextInt(2) == 0 ? -yearsApart() : yearsApart());
            kin.add(new Kin(relative(model, kin.size(), born, true), model.id(), Kinship.SIBLING, null));
        }
    }

    private int yearsApart() {
        return 1 + random.nextInt(10);
    }

    private void children(Person parent, List<Kin> kin) {
        int count = 1 + random.nextInt(3);
        for (int c = 0; c < count; c++) {
            LocalDate born = parent.born().plusYears(18 + random.nextInt(22)).plusDays(random.nextInt(365));
            if (born.isAfter(FIRST_DAY)) {
                born = FIRST_DAY.minusDays(1 + random.nextInt(3_000));
            }
            Person child = relative(parent, kin.size(), born, false);
            kin.add(new Kin(child, parent.id(), Kinship.PARENT_AND_CHILD, parent.id()));
        }
    }

    private void namesakes(Person model, List<Kin> kin) {
        int count = 1 + random.nextInt(3);
        for (int n = 0; n < count; n++) {
            LocalDate born = random.nextInt(10) < 3
                    ? model.born().withDayOfYear(1 + random.nextInt(365))
                    : model.born().plusDays(random.nextInt(20 * 365) - 10 * 365);
            Person namesake = new Person(
                    kin.size(), model.origin(), model.sex(), model.names(), model.usual(), born, model.country());
            kin.add(new Kin(namesake, model.id(), Kinship.NAMESAKE, null));
        }
    }

    /**
     * A brother or sister (the same names but the given one) or a child: where names are given name,
     * father's and grandfather's, the child's are their own, the parent's given and father's names;
     * elsewhere they share the family name.
     */
    private Person relative(Person model, int id, LocalDate born, boolean sibling) {
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        List<Group> names = new ArrayList<>(model.names());
        boolean patronymic = List.of("sudan", "somali", "eritrea").contains(model.origin());
        Group given = pickGiven(sex, model.origin());
        if (!sibling && patronymic) {
            names.addFirst(given);
            if (names.size() > 3) {
                names.removeLast();
            }
        } else {
            names.set(0, given);
        }
        int[] usual = new int[names.size()];
        for (int g = 0; g < usual.length; g++) {
            int inModel = model.names().indexOf(names.get(g));
            usual[g] = inModel >= 0
                    ? model.usual()[inModel]
                    : random.nextInt(names.get(g).latin().size());
        }
        return new Person(id, model.origin(), sex, List.copyOf(names), usual, born, model.country());
    }

    private Group pickGiven(Sex sex, String origin) {
        String from = switch (origin) {
            case "eritrea", "afghan", "westafrica" -> origin;
            default -> "arab";
        };
        List<Group> candidates = NameVariants.select(groups, sex == Sex.MALE ? 'M' : 'F', from);
        return candidates.get((int) Math.floor(candidates.size() * Math.pow(random.nextDouble(), 2)));
    }

    private List<Registration> register(Kin kin, FieldNoise noise, Map<Integer, Visit> firstVisits) {
        int copies = copies();
        List<Visit> visits = new ArrayList<>();
        Visit withParent = kin.parent() == null ? null : firstVisits.get(kin.parent());
        for (int k = 0; k < copies; k++) {
            visits.add(k == 0 && withParent != null ? withParent : visit());
        }
        visits.sort(Comparator.comparing(Visit::day));
        firstVisits.put(kin.person().id(), visits.getFirst());
        List<Registration> written = new ArrayList<>();
        for (Visit visit : visits) {
            written.add(noise.registration(kin.person(), kin.family(), kin.kinship(), visit.site(), visit.day()));
        }
        return written;
    }

    private Visit visit() {
        return new Visit(SITES.get(random.nextInt(SITES.size())), FIRST_DAY.plusDays(random.nextInt(DAYS)));
    }

    /** One to four registrations, 1.64 on average. */
    private int copies() {
        int draw = random.nextInt(100);
        return draw < 55 ? 1 : draw < 85 ? 2 : draw < 96 ? 3 : 4;
    }

    private List<Registration> shuffled(List<Registration> registrations) {
        List<Registration> list = new ArrayList<>(registrations);
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Registration swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
        return list;
    }

    private static List<Registration> numbered(List<Registration> registrations) {
        List<Registration> numbered = new ArrayList<>(registrations.size());
        for (int i = 0; i < registrations.size(); i++) {
            numbered.add(registrations.get(i).withId(String.format(java.util.Locale.ROOT, "r%05d", i + 1)));
        }
        return List.copyOf(numbered);
    }
}
