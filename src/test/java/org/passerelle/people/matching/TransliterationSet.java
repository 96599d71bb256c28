package org.passerelle.people.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;
import org.passerelle.people.matching.NameVariants.Group;

/**
 * Generates, deterministically from a seed, records of people registered several times with the
 * noise seen in the field: another spelling of each name, the family name first, particles added,
 * a grandfather's name dropped, a typo, names written in Arabic or Ethiopic script, an alias; a
 * year-only birth date, 1 January as a default, day and month swapped, an estimated age, a digit
 * wrong, no date at all. It also makes namesakes: distinct people with exactly the same names
 * (many a "Mohamed Ali"), told apart only by birth date and sex.
 */
final class TransliterationSet {

    static final long SEED = 4_2024L;
    static final int PEOPLE = 1_000;
    static final int NAMESAKE_CLUSTERS = 40;

    private static final String[] ORIGINS = {"maghreb", "sudan", "afghan", "eritrea", "westafrica", "somali"};
    private static final double[] ORIGIN_WEIGHTS = {0.2, 0.15, 0.2, 0.2, 0.2, 0.05};
    private static final LocalDate OLDEST = LocalDate.of(1960, 1, 1);
    private static final int BIRTH_SPAN_DAYS = 55 * 365;

    /** A person as they are: origin, sex, the groups of their names in order, birth date, country. */
    record Person(int id, String origin, Sex sex, List<Group> names, int[] usual, LocalDate born, String country) {}

    private final SplittableRandom random;
    private final List<Group> groups;

    TransliterationSet(long seed) {
        this.random = new SplittableRandom(seed);
        this.groups = NameVariants.load();
    }

    /** The records of {@code people} persons plus the namesake clusters, shuffled. */
    List<SetRecord> generate(int people, int namesakeClusters) {
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            persons.add(person(persons.size()));
        }
        for (int c = 0; c < namesakeClusters; c++) {
            Person model = person(persons.size());
            int size = 4 + random.nextInt(5);
            persons.add(model);
            for (int k = 1; k < size; k++) {
                LocalDate born = random.nextInt(10) < 3
                        ? model.born().withDayOfYear(1 + random.nextInt(365))
                        : randomBirthDate();
                Sex sex = model.sex();
                persons.add(new Person(
                        persons.size(),
                        model.origin(),
                        sex,
                        model.names(),
                        usual(model.names()),
                        born,
                        model.country()));
            }
        }
        List<SetRecord> records = new ArrayList<>();
        RecordNoise noise = new RecordNoise(random);
        for (Person person : persons) {
            int copies = copies();
            for (int k = 0; k < copies; k++) {
                records.add(noise.record(person));
            }
        }
        for (int i = records.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            SetRecord swap = records.get(i);
            records.set(i, records.get(j));
            records.set(j, swap);
        }
        List<SetRecord> numbered = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            numbered.add(records.get(i).withId(String.format("r%05d", i + 1)));
        }
        return numbered;
    }

    private int copies() {
        int draw = random.nextInt(100);
        return draw < 40 ? 1 : draw < 75 ? 2 : draw < 92 ? 3 : 4;
    }

    Person person(int id) {
        String origin = ORIGINS[weighted(ORIGIN_WEIGHTS)];
        Sex sex = random.nextBoolean() ? Sex.MALE : Sex.FEMALE;
        List<Group> names = new ArrayList<>();
        char given = sex == Sex.MALE ? 'M' : 'F';
        switch (origin) {
            case "maghreb" -> {
                names.add(pick(NameVariants.select(groups, given, "arab")));
                if (random.nextInt(4) == 0) {
                    names.add(pick(NameVariants.select(groups, given, "arab")));
                }
                names.add(pick(NameVariants.select(groups, 'S', "maghreb")));
            }
            case "sudan", "somali" -> {
                names.add(pick(NameVariants.select(groups, given, "arab")));
                names.add(pick(NameVariants.select(groups, 'M', "arab")));
                if (origin.equals("somali") && random.nextBoolean()) {
                    names.add(pick(NameVariants.select(groups, 'S', "somali")));
                } else if (random.nextBoolean()) {
                    names.add(pick(NameVariants.select(groups, 'M', "arab")));
                }
            }
            case "afghan" -> {
                names.add(pick(NameVariants.select(groups, given, "afghan", "arab")));
                names.add(pick(
                        random.nextInt(10) < 7
                                ? NameVariants.select(groups, 'S', "afghan")
                                : NameVariants.select(groups, 'M', "afghan")));
            }
            case "eritrea" -> {
                names.add(pick(NameVariants.select(groups, given, "eritrea")));
                names.add(pick(NameVariants.select(groups, 'M', "eritrea")));
                int third = random.nextInt(10);
                if (third < 3) {
                    names.add(pick(NameVariants.select(groups, 'M', "eritrea")));
                } else if (third < 6) {
                    names.add(pick(NameVariants.select(groups, 'S', "eritrea")));
                }
            }
            default -> {
                names.add(pick(NameVariants.select(groups, given, "westafrica", "arab")));
                names.add(pick(NameVariants.select(groups, 'S', "westafrica")));
            }
        }
        return new Person(id, origin, sex, List.copyOf(names), usual(names), randomBirthDate(), country(origin));
    }

    private int[] usual(List<Group> names) {
        return names.stream().mapToInt(g -> random.nextInt(g.latin().size())).toArray();
    }

    private LocalDate randomBirthDate() {
        return OLDEST.plusDays(random.nextInt(BIRTH_SPAN_DAYS));
    }

    private String country(String origin) {
        String[] countries = switch (origin) {
            case "maghreb" -> new String[] {"DZ", "MA", "TN"};
            case "sudan" -> new String[] {"SD", "TD"};
            case "afghan" -> new String[] {"AF"};
            case "eritrea" -> new String[] {"ER", "ET"};
            case "somali" -> new String[] {"SO"};
            default -> new String[] {"GN", "CI", "ML", "SN"};
        };
        return countries[random.nextInt(countries.length)];
    }

    /** Common names come first in each list: the chance of the i-th is proportional to 1/(i+1). */
    private Group pick(List<Group> candidates) {
        double[] weights = new double[candidates.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (i + 1);
        }
        return candidates.get(weighted(weights));
    }

    private int weighted(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            draw -= weights[i];
            if (draw < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A generated record and the person it belongs to. */
    record SetRecord(
            String id,
            int person,
            List<String> names,
            Sex sex,
            @Nullable BirthDate birthDate,
            @Nullable String country) {

        SetRecord withId(String newId) {
            return new SetRecord(newId, person, names, sex, birthDate, country);
        }

        PersonRecord toPersonRecord() {
            return new PersonRecord(id, names, sex, birthDate, country);
        }
    }
}
