package org.passerelle.people.matching;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;
import org.passerelle.people.matching.NameVariants.Group;
import org.passerelle.people.matching.TransliterationSet.Person;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/** Writes one registration of a person the way a registrar at some site might have. */
final class RecordNoise {

    private static final String VOWELS = "aeiou";
    private static final String CONSONANTS = "bdfhklmnrst";

    private final SplittableRandom random;

    RecordNoise(SplittableRandom random) {
        this.random = random;
    }

    SetRecord record(Person person) {
        List<String> names = new ArrayList<>();
        boolean script = chance(10) && person.names().stream().allMatch(Group::hasScript);
        names.add(name(person, script, chance(12)));
        if (chance(15)) {
            names.add(name(person, false, false));
        }
        Sex sex = chance(4) ? Sex.UNKNOWN : person.sex();
        String country = chance(15) ? null : person.country();
        return new SetRecord("", person.id(), names, sex, birthDate(person.born()), country);
    }

    private String name(Person person, boolean script, boolean typo) {
        List<String> parts = new ArrayList<>();
        for (int g = 0; g < person.names().size(); g++) {
            Group group = person.names().get(g);
            if (script) {
                parts.add(group.script().get(random.nextInt(group.script().size())));
            } else {
                int variant = chance(60)
                        ? person.usual()[g]
                        : random.nextInt(group.latin().size());
                parts.add(group.latin().get(variant));
            }
        }
        if (parts.size() >= 3 && chance(15)) {
            parts.removeLast();
        }
        if (!script && chance(12)) {
            addParticle(person.origin(), parts);
        }
        if (typo && !script) {
            int part = random.nextInt(parts.size());
            parts.set(part, typo(parts.get(part)));
        }
        if (chance(15)) {
            parts.addFirst(parts.removeLast());
        }
        return String.join(" ", parts);
    }

    private void addParticle(String origin, List<String> parts) {
        switch (origin) {
            case "maghreb" -> parts.set(parts.size() - 1, (chance(50) ? "El " : "Ben ") + parts.getLast());
            case "sudan", "somali" -> parts.add(1, chance(50) ? "Bin" : "Ould");
            case "afghan" -> parts.set(0, "Al " + parts.getFirst());
            default -> {
                // West African and Eritrean names take no particle.
            }
        }
    }

    /** One edit after the first letter: a letter changed, dropped, doubled or swapped with the next. */
    String typo(String word) {
        if (word.length() < 3) {
            return word;
        }
        int at = 1 + random.nextInt(word.length() - 1);
        char c = word.charAt(at);
        String pool = VOWELS.indexOf(Character.toLowerCase(c)) >= 0 ? VOWELS : CONSONANTS;
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + pool.charAt(random.nextInt(pool.length())) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.substring(at + 1);
            case 2 -> word.substring(0, at) + c + word.substring(at);
            default ->
                at + 1 < word.length()
                        ? word.substring(0, at) + word.charAt(at + 1) + c + word.substring(at + 2)
                        : word.substring(0, at) + word.substring(at + 1);
        };
    }

    private @Nullable BirthDate birthDate(LocalDate born) {
        int draw = random.nextInt(100);
        if (draw < 52) {
            return BirthDate.exact(born);
        }
        if (draw < 64) {
            return BirthDate.year(born.getYear());
        }
        if (draw < 74) {
            return BirthDate.exact(LocalDate.of(born.getYear(), 1, 1));
        }
        if (draw < 82) {
            LocalDate on = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(700));
            int age = Math.max(0, born.until(on).getYears() + random.nextInt(5) - 2);
            return BirthDate.estimated(age, on);
        }
        if (draw < 87) {
            return born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()
                    ? BirthDate.exact(LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue()))
                    : BirthDate.exact(born);
        }
        if (draw < 91) {
            return BirthDate.exact(digitTypo(born));
        }
        if (draw < 94) {
            return BirthDate.month(born.getYear(), born.getMonthValue());
        }
        return null;
    }

    private LocalDate digitTypo(LocalDate born) {
        for (int attempt = 0; attempt < 10; attempt++) {
            try {
                return switch (random.nextInt(3)) {
                    case 0 -> born.withDayOfMonth(born.getDayOfMonth() / 10 * 10 + random.nextInt(10));
                    case 1 -> born.withYear(born.getYear() / 10 * 10 + random.nextInt(10));
                    default -> born.withMonth(1 + random.nextInt(9));
                };
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
