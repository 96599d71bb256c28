package org.passerelle.people.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;
import org.passerelle.people.matching.FieldRegistry.Difference;
import org.passerelle.people.matching.FieldRegistry.Kinship;
import org.passerelle.people.matching.FieldRegistry.Registration;
import org.passerelle.people.matching.NameVariants.Group;
import org.passerelle.people.matching.TransliterationSet.Person;

/** Writes one registration of a person as a registrar at some site might have, noting each difference. */
final class FieldNoise {

    private static final List<String> PREFIXES =
            List.of("Abdel", "Abdul", "Abdou", "Abd", "Ben", "El", "Nour", "Abou", "Abu", "Bou");

    private final SplittableRandom random;
    private final RecordNoise typos;

    FieldNoise(SplittableRandom random) {
        this.random = random;
        this.typos = new RecordNoise(random);
    }

    Registration registration(Person person, int family, Kinship kinship, String site, LocalDate day) {
        Set<Difference> differences = EnumSet.noneOf(Difference.class);
        List<String> names = new ArrayList<>();
        boolean script = chance(6) && person.names().stream().allMatch(Group::hasScript);
        if (script) {
            differences.add(Difference.SCRIPT);
        }
        names.add(name(person, script, differences));
        if (chance(10)) {
            differences.add(Difference.ALIAS);
            names.add(name(person, false, differences));
        }
        Sex sex = person.sex();
        if (chance(3)) {
            sex = Sex.UNKNOWN;
            differences.add(Difference.SEX_UNKNOWN);
        }
        String country = chance(15) ? null : person.country();
        BirthDate birthDate = birthDate(person.born(), day, differences);
        return new Registration(
                "", person.id(), family, kinship, site, day, names, sex, birthDate, country, differences);
    }

    private String name(Person person, boolean script, Set<Difference> differences) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < person.names().size(); g++) {
            Group group = person.names().get(g);
            if (script) {
                parts.add(group.script().get(random.nextInt(group.script().size())));
            } else if (chance(35) && group.latin().size() > 1) {
                int usual = person.usual()[g];
                int other = (usual + 1 + random.nextInt(group.latin().size() - 1))
                        % group.latin().size();
                parts.add(group.latin().get(other));
                differences.add(Difference.RESPELLING);
            } else {
                parts.add(group.latin().get(person.usual()[g]));
            }
        }
        if (parts.size() >= 3 && chance(12)) {
            parts.removeLast();
            differences.add(Difference.NAME_DROPPED);
        }
        if (!script) {
            latinNoise(person.origin(), parts, differences);
        }
        if (chance(15)) {
            parts.addFirst(parts.removeLast());
            differences.add(Difference.ORDER_SWAP);
        }
        return String.join(" ", parts);
    }

    private void latinNoise(String origin, List<String> parts, Set<Difference> differences) {
        if (chance(10) && addParticle(origin, parts)) {
            differences.add(Difference.PARTICLE);
        }
        if (chance(12) && splitOrJoin(parts)) {
            differences.add(Difference.COMPOUND_SPLIT_OR_JOINED);
        }
        if (chance(10)) {
            int part = random.nextInt(parts.size());
            String typo = typos.typo(parts.get(part));
            if (!typo.equals(parts.get(part))) {
                parts.set(part, typo);
                differences.add(Difference.TYPO);
            }
        }
    }

    private boolean addParticle(String origin, List<String> parts) {
        switch (origin) {
            case "maghreb" -> parts.set(parts.size() - 1, (chance(50) ? "El " : "Ben ") + parts.getLast());
            case "sudan", "somali" -> parts.add(1, chance(50) ? "Bin" : "Ould");
            case "afghan" -> parts.set(0, "Al " + parts.getFirst());
            default -> {
                return false;
            }
        }
        return true;
    }

    /** Joins a name written in two words ("Abdul Rahman" to "Abdulrahman") or splits one after a known prefix. */
    private boolean splitOrJoin(List<String> parts) {
        for (int p = 0; p < parts.size(); p++) {
            String part = parts.get(p);
            int space = part.indexOf(' ');
            if (space > 0) {
                String rest = part.substring(space + 1).replace(" ", "");
                String joined =
                        part.substring(0, space) + (chance(50) ? rest.toLowerCase(java.util.Locale.ROOT) : rest);
                parts.set(p, joined.replace("-", ""));
                return true;
            }
            for (String prefix : PREFIXES) {
                if (part.startsWith(prefix) && part.length() >= prefix.length() + 3) {
                    String rest = part.substring(prefix.length());
                    parts.set(p, prefix + " " + Character.toUpperCase(rest.charAt(0)) + rest.substring(1));
                    return true;
                }
            }
        }
        return false;
    }

    private @Nullable BirthDate birthDate(LocalDate born, LocalDate day, Set<Difference> differences) {
        int draw = random.nextInt(100);
        if (draw < 50) {
            return BirthDate.exact(born);
        }
        if (draw < 62) {
            differences.add(Difference.YEAR_ONLY);
            return BirthDate.year(born.getYear());
        }
        if (draw < 72) {
            differences.add(Difference.FIRST_OF_JANUARY);
            return BirthDate.exact(LocalDate.of(born.getYear(), 1, 1));
        }
        if (draw < 82) {
            differences.add(Difference.ESTIMATED_AGE);
            return BirthDate.estimated(estimatedAge(born, day), day);
        }
        if (draw < 87 && born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            differences.add(Difference.DAY_MONTH_SWAP);
            return BirthDate.exact(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()));
        }
        if (draw < 91) {
            differences.add(Difference.DATE_DIGIT);
            return BirthDate.exact(digitTypo(born));
        }
        if (draw < 94) {
            differences.add(Difference.MONTH_ONLY);
            return BirthDate.month(born.getYear(), born.getMonthValue());
        }
        differences.add(Difference.NO_DATE);
        return null;
    }

    /**
     * An age as a nurse estimates it: close for a child, often a year or two off for an adult, now
     * and then three.
     */
    private int estimatedAge(LocalDate born, LocalDate day) {
        int age = Period.between(born, day).getYears();
        int spread = age < 12 ? 1 : age < 25 ? 2 : 3;
        int error = random.nextInt(2 * spread + 1) - spread;
        if (random.nextInt(100) < 50) {
            error /= 2;
        }
        return Math.max(0, age + error);
    }

    private LocalDate digitTypo(LocalDate born) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                LocalDate typo = switch (random.nextInt(3)) {
                    case 0 -> born.withDayOfMonth(born.getDayOfMonth() / 10 * 10 + random.nextInt(10));
                    case 1 -> born.withYear(born.getYear() / 10 * 10 + random.nextInt(10));
                    default -> born.withMonth(1 + random.nextInt(9));
                };
                if (typo.isBefore(FieldRegistry.FIRST_DAY)) {
                    return typo;
                }
            } catch (DateTimeException e) {
                // day 0 or 31 in a short month: draw again
            }
        }
        return born;
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }
}
