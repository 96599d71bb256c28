package org.passerelle.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.care.ConsultationImport.ImportedConsultation;
import org.passerelle.care.Discipline;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Script;
import org.passerelle.people.Sex;

class DemoGeneratorTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    static final int PERSONS = 5000;
    static DemoGenerator generator;
    static List<ImportedPerson> persons;
    static List<ImportedConsultation> consultations;

    @BeforeAll
    static void generate() {
        generator = DemoGenerator.of(42, TODAY, 10);
        DemoGenerator.Batch batch = generator.batch(0, PERSONS);
        persons = batch.persons();
        consultations = batch.consultations();
    }

    @Test
    void givesTheSameDataForTheSameSeedAndDay() {
        DemoGenerator again = DemoGenerator.of(42, TODAY, 10);
        assertThat(again.batches(300, 70).flatMap(b -> b.persons().stream()).toList())
                .isEqualTo(persons.subList(0, 300));
        assertThat(again.batch(100, 5).consultations())
                .isEqualTo(generator.batch(100, 5).consultations());
        assertThat(DemoGenerator.of(43, TODAY, 10).batch(0, 300).persons()).isNotEqualTo(persons.subList(0, 300));
    }

    @Test
    void registersAFewPersonsAgainElsewhereUnderAnotherSpellingOrDate() {
        List<Integer> again = java.util.stream.IntStream.range(0, PERSONS)
                .filter(generator::registeredAgain)
                .boxed()
                .toList();

        assertThat(again.size()).isBetween(PERSONS * 2 / 100, PERSONS * 4 / 100);
        for (int n : again) {
            ImportedPerson first = persons.get(n - 1);
            ImportedPerson second = persons.get(n);
            assertThat(generator.registeredAgain(n - 1)).isFalse();
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(second.sex()).isEqualTo(first.sex());
            assertThat(second.countryOfOrigin()).isEqualTo(first.countryOfOrigin());
            assertThat(second.createdAt()).isAfterOrEqualTo(first.createdAt().minus(java.time.Duration.ofHours(5)));
            assertThat(second.birthDate() == null).isEqualTo(first.birthDate() == null);
        }
        long respelled = again.stream()
                .filter(n ->
                        !persons.get(n).chosenName().equals(persons.get(n - 1).chosenName()))
                .count();
        assertThat(respelled)
                .as("most come back under another spelling or order")
                .isGreaterThan(again.size() / 3);
    }

    @Test
    void streamsTheRequestedNumberInBatches() {
        List<DemoGenerator.Batch> batches = generator.batches(1001, 250).toList();
        assertThat(batches).hasSize(5);
        assertThat(batches.getLast().persons()).hasSize(1);
        assertThat(batches.stream().mapToLong(b -> b.persons().size()).sum()).isEqualTo(1001);
    }

    @Test
    void servesMostlyYoungAdultMenWithWomenMinorsAndChildren() {
        long men = persons.stream().filter(p -> p.sex() == Sex.MALE).count();
        long women = persons.stream()
                .filter(p -> p.sex() == Sex.FEMALE && p.birthDate() != null && age(p) >= 18)
                .count();
        long minors = persons.stream()
                .filter(p -> p.flags().contains(Flag.UNACCOMPANIED_MINOR))
                .count();
        long children = persons.stream()
                .filter(p -> p.birthDate() != null && age(p) < 15)
                .count();
        assertThat(men).isBetween(PERSONS * 60L / 100, PERSONS * 85L / 100);
        assertThat(women).isBetween(PERSONS * 8L / 100, PERSONS * 25L / 100);
        assertThat(minors).isBetween(PERSONS * 12L / 100, PERSONS * 35L / 100);
        assertThat(children).isBetween(PERSONS * 3L / 100, PERSONS * 15L / 100);
        assertThat(violations(persons, p -> p.flags().contains(Flag.PREGNANT) && p.sex() != Sex.FEMALE))
                .isEmpty();
    }

    @Test
    void unaccompaniedMinorsAreFifteenToSeventeenWhenRegistered() {
        List<ImportedPerson> minors = persons.stream()
                .filter(p -> p.flags().contains(Flag.UNACCOMPANIED_MINOR) && p.birthDate() != null)
                .toList();
        assertThat(minors).isNotEmpty();
        assertThat(violations(minors, p -> age(p) < 15 || age(p) > 17)).isEmpty();
    }

    @Test
    void everyBirthDateIsPlausibleAndEveryPrecisionOccurs() {
        List<BirthDate> dates = persons.stream()
                .map(ImportedPerson::birthDate)
                .filter(d -> d != null)
                .toList();
        assertThat(violations(
                        dates,
                        date -> date.date().isAfter(TODAY)
                                || !date.date().isAfter(TODAY.minusYears(100))
                                || (date.precision() == BirthDate.Precision.ESTIMATED) != (date.estimatedAge() != null)
                                || (date.estimatedOn() != null
                                        && date.estimatedOn().isAfter(TODAY))
                                || (date.precision() == BirthDate.Precision.YEAR
                                        && date.date().getDayOfYear() != 1)
                                || (date.precision() == BirthDate.Precision.MONTH
                                        && date.date().getDayOfMonth() != 1)))
                .isEmpty();
        assertThat(dates.stream().map(BirthDate::precision).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(BirthDate.Precision.values());
        assertThat(persons.stream().filter(p -> p.birthDate() == null).count()).isPositive();
    }

    @Test
    void namesFromEveryOriginAppear() {
        Set<String> countries =
                persons.stream().map(ImportedPerson::countryOfOrigin).collect(Collectors.toSet());
        assertThat(countries)
                .containsAll(
                        List.of("AF", "SD", "ER", "ET", "SO", "SY", "IQ", "DZ", "MA", "TN", "GN", "CI", "ML", "SN"));
        Map<String, Origin> origins =
                NameBook.standard().origins().stream().collect(Collectors.toMap(Origin::country, Function.identity()));
        List<ImportedPerson> firstRegistrations = java.util.stream.IntStream.range(0, PERSONS)
                .filter(n -> !generator.registeredAgain(n))
                .mapToObj(persons::get)
                .toList();
        // a person registered again may give another spelling of their given name
        assertThat(violations(firstRegistrations, person -> {
                    Origin origin = origins.get(person.countryOfOrigin());
                    List<String> givenNames = person.sex() == Sex.FEMALE ? origin.femaleNames() : origin.maleNames();
                    return givenNames.stream()
                            .noneMatch(name -> person.chosenName().startsWith(name));
                }))
                .isEmpty();
    }

    @Test
    void otherNamesHoldSpellingsAliasesAndOriginalScripts() {
        List<OtherName> others =
                persons.stream().flatMap(p -> p.otherNames().stream()).toList();
        Set<String> spellings = others.stream()
                .filter(n -> n.kind() == NameKind.SPELLING)
                .map(OtherName::name)
                .flatMap(name -> List.of(name.split(" ")).stream())
                .collect(Collectors.toSet());
        assertThat(spellings).contains("Muhammad", "Mohamed", "Yusuf", "Abderrahmane", "Tesfaye", "Hocine", "Umar");
        assertThat(others).anyMatch(n -> n.kind() == NameKind.ALIAS);
        assertThat(others)
                .anyMatch(n -> n.kind() == NameKind.ORIGINAL_SCRIPT
                        && n.script() == Script.ARABIC
                        && n.name()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC));
        assertThat(others)
                .anyMatch(n -> n.kind() == NameKind.ORIGINAL_SCRIPT
                        && n.script() == Script.ETHIOPIC
                        && n.name()
                                .codePoints()
                                .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ETHIOPIC));
        assertThat(violations(
                        persons,
                        p -> p.otherNames().stream()
                                                .map(OtherName::name)
                                                .distinct()
                                                .count()
                                        < p.otherNames().size()
                                || p.otherNames().stream()
                                        .anyMatch(n -> n.name().equals(p.chosenName()))))
                .isEmpty();
    }

    @Test
    void languagesAndCountriesAreIsoCodes() {
        assertThat(violations(
                        persons,
                        person -> person.languages().isEmpty()
                                || !person.languages().stream().allMatch(code -> code.matches("[a-z]{2,3}"))
                                || !person.countryOfOrigin().matches("[A-Z]{2}")
                                || !person.otherNames().stream()
                                        .allMatch(n -> n.language() == null
                                                || n.language().matches("[a-z]{2,3}"))))
                .isEmpty();
        assertThat(violations(
                        consultations,
                        c -> c.language() == null || !c.language().matches("[a-z]{2,3}")))
                .isEmpty();
        assertThat(persons.stream().flatMap(p -> p.languages().stream()).collect(Collectors.toSet()))
                .contains("ar", "ps", "prs", "ti", "am", "so", "ckb", "fr", "ff", "bm");
    }

    @Test
    void consultationsFollowEachPersonWithinTheLastYear() {
        Map<java.util.UUID, ImportedPerson> byId =
                persons.stream().collect(Collectors.toMap(ImportedPerson::id, Function.identity()));
        assertThat(consultations.size()).isBetween(PERSONS * 9, PERSONS * 11);
        Map<java.util.UUID, Long> visits = consultations.stream()
                .collect(Collectors.groupingBy(ImportedConsultation::personId, Collectors.counting()));
        assertThat(visits).hasSize(PERSONS);
        assertThat(violations(visits.values(), n -> n < 1 || n > 20)).isEmpty();
        assertThat(violations(
                        consultations,
                        c -> c.occurredOn().isAfter(TODAY)
                                || !c.occurredOn().isAfter(TODAY.minusYears(1))
                                || c.createdAt().isBefore(byId.get(c.personId()).createdAt())
                                || c.diagnosis() == null
                                || c.diagnosis().isBlank()))
                .isEmpty();
        long atRegistrationSite = consultations.stream()
                .filter(c -> c.siteId().equals(byId.get(c.personId()).registeredSiteId()))
                .count();
        assertThat(atRegistrationSite).isGreaterThan(consultations.size() * 80L / 100);
    }

    @Test
    void disciplinesAndProvidersSuitTheSite() {
        DemoOrganisation organisation = generator.organisation();
        Map<String, java.util.UUID> siteIds = organisation.sites().stream()
                .collect(Collectors.toMap(DemoOrganisation.Site::name, DemoOrganisation.Site::id));
        Map<Discipline, Long> minors = disciplines(siteIds.get("Accueil de jour Pantin"));
        Map<Discipline, Long> calais = disciplines(siteIds.get("Clinique mobile Calais"));
        Map<Discipline, Long> caso = disciplines(siteIds.get("CASO Marseille"));
        assertThat(minors.get(Discipline.MENTAL_HEALTH) + minors.get(Discipline.SOCIAL))
                .isGreaterThan(minors.get(Discipline.MEDICAL) + minors.get(Discipline.NURSING));
        assertThat(calais.get(Discipline.MEDICAL) + calais.get(Discipline.NURSING))
                .isGreaterThan(4 * (calais.get(Discipline.MENTAL_HEALTH) + calais.get(Discipline.SOCIAL)));
        assertThat(share(caso, Discipline.LEGAL)).isGreaterThan(share(calais, Discipline.LEGAL) * 3);
        assertThat(violations(
                        consultations,
                        c -> !organisation.provider(c.discipline()).id().equals(c.providerId())))
                .isEmpty();
        assertThat(consultations).anyMatch(ImportedConsultation::interpreter);
    }

    private static Map<Discipline, Long> disciplines(java.util.UUID siteId) {
        return consultations.stream()
                .filter(c -> c.siteId().equals(siteId))
                .collect(Collectors.groupingBy(ImportedConsultation::discipline, Collectors.counting()));
    }

    private static double share(Map<Discipline, Long> counts, Discipline discipline) {
        return (double) counts.getOrDefault(discipline, 0L)
                / counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The first few elements that break a rule, so that a failure prints little. */
    private static <T> List<T> violations(java.util.Collection<T> elements, java.util.function.Predicate<T> broken) {
        return elements.stream().filter(broken).limit(3).toList();
    }

    private static int age(ImportedPerson person) {
        return person.birthDate()
                .ageOn(person.createdAt().atZone(PersonMaker.FRANCE).toLocalDate());
    }
}
