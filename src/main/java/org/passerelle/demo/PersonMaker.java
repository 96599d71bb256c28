package org.passerelle.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.passerelle.demo.SiteProfile.Group;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.Sex;

/**
 * Makes up one person registered at a site on a given day: origin, sex and age as the site's
 * profile says, a name in the origin's conventions, a birth date as precisely as people know
 * it, the languages they speak, sometimes a phone number, and the flags a team needs.
 */
final class PersonMaker {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");
    private static final int COMMON_ORIGIN_BOOST = 4;

    /** A person and what the consultations need to know of them. */
    record MadePerson(
            ImportedPerson person,
            String mainLanguage,
            DemoOrganisation.Site site,
            LocalDate registeredOn,
            List<String> nameParts) {}

    private final List<Origin> origins;
    private final NameMaker names;
    private final Map<UUID, Map<Origin, Integer>> originWeights = new ConcurrentHashMap<>();

    PersonMaker(NameBook book) {
        this.origins = book.origins();
        this.names = new NameMaker(book);
    }

    MadePerson make(DemoOrganisation.Site site, LocalDate registeredOn, SplittableRandom random) {
        Origin origin = origin(site, random);
        Group group = site.profile().group(random);
        Sex sex = sex(group, site.profile(), random);
        int age = age(group, random);
        NameMaker.Names name = names.make(origin, sex, random);
        List<String> languages = languages(origin, random);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        if (group == Group.UNACCOMPANIED_MINOR) {
            flags.add(Flag.UNACCOMPANIED_MINOR);
        }
        if (sex == Sex.FEMALE && age >= 18 && age <= 42 && NameMaker.percent(random, 12)) {
            flags.add(Flag.PREGNANT);
        }
        if (!languages.contains("fr") && !languages.contains("en")) {
            flags.add(Flag.NEEDS_INTERPRETER);
        }
        Instant createdAt = registeredOn.atTime(9, 0).atZone(FRANCE).toInstant().plusSeconds(random.nextInt(4 * 3600));
        ImportedPerson person = new ImportedPerson(
                DemoIds.at(createdAt, random),
                null,
                name.chosenName(),
                name.otherNames(),
                sex,
                BirthDates.make(age, registeredOn, group, random),
                Set.copyOf(languages),
                origin.country(),
                phone(age, random),
                flags,
                site.id(),
                createdAt);
        return new MadePerson(person, languages.getFirst(), site, registeredOn, name.parts());
    }

    /**
     * The same person registered again, as happens in the field: at another site, later, under
     * another spelling of their names, with the birth date given differently (a year
     * only, an age, day and month swapped) and without the other names given the first time.
     */
    MadePerson registeredAgain(
            MadePerson first, DemoOrganisation.Site site, LocalDate registeredOn, SplittableRandom random) {
        ImportedPerson before = first.person();
        List<String> parts = first.nameParts();
        String chosen = names.spelling(parts, random)
                .filter(name -> NameMaker.percent(random, 70))
                .orElse(before.chosenName());
        Instant createdAt = registeredOn.atTime(9, 0).atZone(FRANCE).toInstant().plusSeconds(random.nextInt(4 * 3600));
        BirthDate birthDate = BirthDates.givenAgain(before.birthDate(), registeredOn, random);
        Set<Flag> flags = EnumSet.copyOf(before.flags().isEmpty() ? EnumSet.noneOf(Flag.class) : before.flags());
        if (birthDate != null && birthDate.ageOn(registeredOn) >= 18) {
            flags.remove(Flag.UNACCOMPANIED_MINOR); // came of age since
        }
        ImportedPerson again = new ImportedPerson(
                DemoIds.at(createdAt, random),
                null,
                chosen,
                List.of(),
                before.sex(),
                birthDate,
                before.languages(),
                before.countryOfOrigin(),
                NameMaker.percent(random, 50) ? before.phone() : null,
                flags,
                site.id(),
                createdAt);
        return new MadePerson(again, first.mainLanguage(), site, registeredOn, parts);
    }

    /** An origin, those common at the site being more likely. */
    private Origin origin(DemoOrganisation.Site site, SplittableRandom random) {
        Map<Origin, Integer> weights = originWeights.computeIfAbsent(site.id(), id -> {
            Map<Origin, Integer> bySite = new LinkedHashMap<>();
            for (Origin origin : origins) {
                boolean common = site.commonOrigins().contains(origin.country());
                bySite.put(origin, origin.weight() * (common ? COMMON_ORIGIN_BOOST : 1));
            }
            return bySite;
        });
        return SiteProfile.weighted(weights, random);
    }

    private static Sex sex(Group group, SiteProfile profile, SplittableRandom random) {
        return switch (group) {
            case ADULT_MAN -> Sex.MALE;
            case ADULT_WOMAN -> Sex.FEMALE;
            case UNACCOMPANIED_MINOR ->
                NameMaker.percent(random, profile == SiteProfile.FAMILY_SHELTER ? 80 : 8) ? Sex.FEMALE : Sex.MALE;
            case CHILD -> random.nextBoolean() ? Sex.FEMALE : Sex.MALE;
            case OLDER_ADULT -> NameMaker.percent(random, 35) ? Sex.FEMALE : Sex.MALE;
        };
    }

    /** Age in years on the day of registration; adults are mostly in their twenties. */
    static int age(Group group, SplittableRandom random) {
        return switch (group) {
            case ADULT_MAN, ADULT_WOMAN -> 18 + (int) (28 * Math.pow(random.nextDouble(), 1.8));
            case UNACCOMPANIED_MINOR -> 15 + random.nextInt(3);
            case CHILD -> random.nextInt(15);
            case OLDER_ADULT -> 46 + random.nextInt(30);
        };
    }

    /** The origin's languages, each spoken by its share of people; at least the most common one. */
    private static List<String> languages(Origin origin, SplittableRandom random) {
        Set<String> spoken = new LinkedHashSet<>();
        for (Origin.Language language : origin.languages()) {
            if (NameMaker.percent(random, language.percent())) {
                spoken.add(language.code());
            }
        }
        if (spoken.isEmpty()) {
            spoken.add(origin.languages().getFirst().code());
        }
        return List.copyOf(spoken);
    }

    /** A French mobile number for about a third of those old enough to have one. */
    private static @Nullable String phone(int age, SplittableRandom random) {
        if (age < 15 || !NameMaker.percent(random, 35)) {
            return null;
        }
        return String.format(
                "+33 %d %02d %02d %02d %02d",
                6 + random.nextInt(2),
                random.nextInt(100),
                random.nextInt(100),
                random.nextInt(100),
                random.nextInt(100));
    }

    /** Birth dates as precisely as people know them. */
    static final class BirthDates {

        private BirthDates() {}

        static @Nullable BirthDate make(int age, LocalDate on, Group group, SplittableRandom random) {
            int draw = random.nextInt(100);
            boolean minor = group == Group.UNACCOMPANIED_MINOR;
            LocalDate exact = on.minusYears(age).minusDays(random.nextInt(365));
            if (!exact.isBefore(on)) {
                exact = on;
            }
            BirthDate birthDate;
            if (draw < (minor ? 2 : 5)) {
                return null;
            } else if (draw < (minor ? 45 : 50)) {
                birthDate = NameMaker.percent(random, 15) && exact.getYear() < on.getYear()
                        ? BirthDate.exact(LocalDate.of(exact.getYear(), 1, 1))
                        : BirthDate.exact(exact);
            } else if (draw < (minor ? 50 : 60)) {
                birthDate = BirthDate.month(exact.getYear(), exact.getMonthValue());
            } else if (draw < (minor ? 65 : 85)) {
                birthDate = BirthDate.year(exact.getYear());
            } else {
                return BirthDate.estimated(age, on);
            }
            return birthDate.ageOn(on) == age ? birthDate : BirthDate.estimated(age, on);
        }

        /** The birth date a person gives at a second registration: often the same, sometimes less precise or mistyped. */
        static @Nullable BirthDate givenAgain(@Nullable BirthDate first, LocalDate on, SplittableRandom random) {
            if (first == null) {
                return null;
            }
            int draw = random.nextInt(100);
            LocalDate date = first.date();
            BirthDate again = first;
            if (draw < 55) {
                return first;
            } else if (draw < 75) {
                again = BirthDate.year(date.getYear());
            } else if (draw < 88) {
                again = BirthDate.estimated(first.ageOn(on), on);
            } else if (first.precision() == BirthDate.Precision.EXACT && date.getDayOfMonth() <= 12) {
                again = BirthDate.exact(LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()));
            }
            // the person is the age they are, however the date is written
            return again.ageOn(on) == first.ageOn(on) ? again : first;
        }
    }
}
