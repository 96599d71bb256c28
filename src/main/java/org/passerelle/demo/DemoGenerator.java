package org.passerelle.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.passerelle.care.ConsultationImport.ImportedConsultation;
import org.passerelle.people.PersonImport.ImportedPerson;

/**
 * Streams invented persons and their consultations of the last twelve months, in batches, so
 * that any number can be generated without holding them in memory. The same seed and day give
 * the same data; the {@code n}-th person depends only on the seed, the day and {@code n}, so
 * batches may be generated in any order or in parallel. Patient codes are left to the import.
 */
public final class DemoGenerator {

    /** Persons numbered from {@code firstPerson} and all their consultations. */
    public record Batch(
            long firstPerson,
            List<ImportedPerson> persons,
            List<ImportedConsultation> consultations,
            List<ImportedConsultation> groupSessions) {

        Batch(long firstPerson, List<ImportedPerson> persons, List<ImportedConsultation> consultations) {
            this(firstPerson, persons, consultations, List.of());
        }
    }

    /**
     * How much to generate beyond persons and their consultations.
     *
     * @param years over how many years persons were registered (each followed for a year at most
     *     when more than one)
     * @param freeText whether consultations have notes and diagnoses in free text
     * @param groupSessions whether sites hold anonymous group sessions (one per {@value
     *     GroupSessions#PERSONS_PER_SESSION} persons)
     */
    public record Scale(int years, boolean freeText, boolean groupSessions) {

        /** The standard demo: one year, free texts, no group session. */
        public static final Scale STANDARD = new Scale(1, true, false);
    }

    private final DemoOrganisation organisation;
    private final long seed;
    private final LocalDate today;
    private final PersonMaker persons;
    private final ConsultationMaker consultations;
    private final Map<DemoOrganisation.Site, Integer> siteWeights = new LinkedHashMap<>();

    private final Scale scale;
    private final GroupSessions groupSessions;

    DemoGenerator(DemoOrganisation organisation, long seed, LocalDate today, int meanConsultationsPerPerson) {
        this(organisation, seed, today, meanConsultationsPerPerson, Scale.STANDARD);
    }

    DemoGenerator(
            DemoOrganisation organisation, long seed, LocalDate today, int meanConsultationsPerPerson, Scale scale) {
        this.organisation = organisation;
        this.seed = seed;
        this.today = today;
        this.scale = scale;
        this.persons = new PersonMaker(NameBook.standard());
        this.consultations =
                new ConsultationMaker(organisation, meanConsultationsPerPerson, scale.years() > 1, scale.freeText());
        this.groupSessions = new GroupSessions(organisation, today, scale.years());
        organisation.sites().forEach(site -> siteWeights.put(site, site.weight()));
    }

    /**
     * A generator for the demo organisation planned from {@code seed}, as {@link DemoData} loads it.
     *
     * @param meanConsultationsPerPerson the average number of consultations of a person (1 to 20);
     *     each person has between one and twice that number less one
     */
    public static DemoGenerator of(long seed, LocalDate today, int meanConsultationsPerPerson) {
        return new DemoGenerator(DemoOrganisation.plan(seed), seed, today, meanConsultationsPerPerson);
    }

    DemoOrganisation organisation() {
        return organisation;
    }

    /** {@code persons} persons in batches of {@code batchSize}, generated as the stream is read. */
    public Stream<Batch> batches(long persons, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be positive");
        }
        long count = (persons + batchSize - 1) / batchSize;
        return LongStream.range(0, count)
                .mapToObj(i -> batch(i * batchSize, (int) Math.min(batchSize, persons - i * batchSize)));
    }

    /** The persons numbered {@code firstPerson} to {@code firstPerson + count - 1} and their consultations. */
    public Batch batch(long firstPerson, int count) {
        List<ImportedPerson> batchPersons = new ArrayList<>(count);
        List<ImportedConsultation> batchConsultations = new ArrayList<>(count * 10);
        List<ImportedConsultation> batchSessions = new ArrayList<>();
        for (long n = firstPerson; n < firstPerson + count; n++) {
            PersonMaker.MadePerson made = registeredAgain(n) ? again(n) : person(n);
            batchPersons.add(made.person());
            batchConsultations.addAll(consultations.make(made, today, new SplittableRandom(DemoIds.mix(~seed, n))));
            if (scale.groupSessions() && n % GroupSessions.PERSONS_PER_SESSION == 0) {
                batchSessions.add(
                        groupSessions.make(made.site(), new SplittableRandom(DemoIds.mix(seed ^ 0x6A09E667L, n))));
            }
        }
        return new Batch(firstPerson, batchPersons, batchConsultations, batchSessions);
    }

    /** The share of persons who are someone registered again, a little earlier in the numbering. */
    static final int REGISTERED_AGAIN_PERCENT = 3;

    /**
     * Whether the {@code n}-th person is the previous one registered a second time; the previous one
     * then never is, so every re-registration points to a first registration.
     */
    boolean registeredAgain(long n) {
        return n > 0 && drawsAgain(n) && !drawsAgain(n - 1);
    }

    private boolean drawsAgain(long n) {
        return Math.floorMod(DemoIds.mix(seed ^ 0x5DEECE66DL, n), 100) < REGISTERED_AGAIN_PERCENT;
    }

    private PersonMaker.MadePerson person(long n) {
        SplittableRandom random = new SplittableRandom(DemoIds.mix(seed, n));
        DemoOrganisation.Site site = SiteProfile.weighted(siteWeights, random);
        LocalDate registeredOn = today.minusDays(random.nextInt(365 * scale.years()));
        return persons.make(site, registeredOn, random);
    }

    /** The previous person registered again, at a site drawn anew, between their first registration and today. */
    private PersonMaker.MadePerson again(long n) {
        PersonMaker.MadePerson first = person(n - 1);
        SplittableRandom random = new SplittableRandom(DemoIds.mix(seed, n));
        DemoOrganisation.Site site = SiteProfile.weighted(siteWeights, random);
        long days = java.time.temporal.ChronoUnit.DAYS.between(first.registeredOn(), today);
        LocalDate registeredOn = first.registeredOn().plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
        return persons.registeredAgain(first, site, registeredOn, random);
    }
}
