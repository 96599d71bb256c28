package org.passerelle.demo;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Script;
import org.passerelle.people.Sex;

/**
 * Makes up a full name following an origin's conventions, and the other names the same person
 * is found under in registers: other spellings, the family name first as on French papers, a
 * shortened chain of names, the name in its original script.
 */
final class NameMaker {

    static final int SPELLING_PERCENT = 45;
    static final int ORIGINAL_SCRIPT_PERCENT = 40;
    static final int SHORTENED_PERCENT = 25;

    /** A chosen name and the other names of one person. */
    /**
     * A person's names.
     *
     * @param parts the parts of the chosen name (a part may hold a space: "Abdul Rahman")
     */
    record Names(String chosenName, List<OtherName> otherNames, List<String> parts) {}

    private final NameBook book;

    NameMaker(NameBook book) {
        this.book = book;
    }

    Names make(Origin origin, Sex sex, SplittableRandom random) {
        List<String> parts = parts(origin, sex, random);
        String chosen = String.join(" ", parts);
        Set<String> taken = new LinkedHashSet<>(List.of(chosen));
        List<OtherName> others = new ArrayList<>();
        if (percent(random, SPELLING_PERCENT)) {
            spelling(parts, random)
                    .filter(taken::add)
                    .ifPresent(name -> others.add(new OtherName(name, NameKind.SPELLING, Script.LATIN, null)));
            if (percent(random, 30)) {
                spelling(parts, random)
                        .filter(taken::add)
                        .ifPresent(name -> others.add(new OtherName(name, NameKind.SPELLING, Script.LATIN, null)));
            }
        }
        if (parts.size() >= 2
                && origin.naming() == Origin.Naming.GIVEN_FAMILY
                && percent(random, origin.familyFirstPercent())) {
            String familyFirst = parts.getLast().toUpperCase(Locale.FRENCH) + " "
                    + String.join(" ", parts.subList(0, parts.size() - 1));
            if (taken.add(familyFirst)) {
                others.add(new OtherName(familyFirst, NameKind.ALIAS, Script.LATIN, null));
            }
        }
        if (parts.size() == 3 && percent(random, SHORTENED_PERCENT)) {
            String shortened = parts.get(0) + " " + parts.get(1);
            if (taken.add(shortened)) {
                others.add(new OtherName(shortened, NameKind.ALIAS, Script.LATIN, null));
            }
        }
        if (origin.script() != Script.LATIN && percent(random, ORIGINAL_SCRIPT_PERCENT)) {
            originalScript(parts)
                    .filter(taken::add)
                    .ifPresent(name -> others.add(
                            new OtherName(name, NameKind.ORIGINAL_SCRIPT, origin.script(), origin.scriptLanguage())));
        }
        return new Names(chosen, List.copyOf(others), List.copyOf(parts));
    }

    private static List<String> parts(Origin origin, Sex sex, SplittableRandom random) {
        String given = pick(sex == Sex.FEMALE ? origin.femaleNames() : origin.maleNames(), random);
        return switch (origin.naming()) {
            case GIVEN_FAMILY ->
                percent(random, origin.singleNamePercent())
                        ? List.of(given)
                        : List.of(given, pick(origin.familyNames(), random));
            case PATRONYMIC -> List.of(given, fatherName(origin, given, random, 40));
            case PATRONYMIC_CHAIN -> {
                String father = fatherName(origin, given, random, 0);
                yield List.of(given, father, fatherName(origin, father, random, 30));
            }
        };
    }

    /**
     * A father's name unlike the child's: a man's given name, or with this percentage one of the
     * origin's family names.
     */
    private static String fatherName(Origin origin, String child, SplittableRandom random, int familyPercent) {
        String name;
        do {
            name = percent(random, familyPercent)
                    ? pick(origin.familyNames(), random)
                    : pick(origin.maleNames(), random);
        } while (name.equals(child));
        return name;
    }

    /** The full name with one part spelled another way, if any part has another spelling. */
    Optional<String> spelling(List<String> parts, SplittableRandom random) {
        List<Integer> variable = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (!book.otherSpellings(parts.get(i)).isEmpty()) {
                variable.add(i);
            }
        }
        if (variable.isEmpty()) {
            return Optional.empty();
        }
        int index = pick(variable, random);
        List<String> changed = new ArrayList<>(parts);
        changed.set(index, pick(book.otherSpellings(parts.get(index)), random));
        return Optional.of(String.join(" ", changed));
    }

    /** The full name in its original script, when every part of it is known in that script. */
    private Optional<String> originalScript(List<String> parts) {
        List<String> written = new ArrayList<>();
        for (String part : parts) {
            Optional<String> script = book.originalScript(part);
            if (script.isEmpty()) {
                return Optional.empty();
            }
            written.add(script.get());
        }
        return Optional.of(String.join(" ", written));
    }

    static <T> T pick(List<T> list, SplittableRandom random) {
        return list.get(random.nextInt(list.size()));
    }

    static boolean percent(SplittableRandom random, int percent) {
        return random.nextInt(100) < percent;
    }
}
