package org.passerelle.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.passerelle.care.ConsultationImport.ImportedConsultation;
import org.passerelle.care.Discipline;
import org.passerelle.people.PersonViews.Flag;

/**
 * Makes up a person's consultations between their registration and today: the first on the
 * day they were registered, most at their registration site, disciplines as that site's
 * profile says, an interpreter for those who need one.
 */
final class ConsultationMaker {

    static final int MAX_VISITS = 20;
    static final int AT_REGISTRATION_SITE_PERCENT = 85;
    static final int NOTE_PERCENT = 70;

    /** Over several years, a person is followed for at most a year after registration. */
    static final int FOLLOW_UP_DAYS = 365;

    private final DemoOrganisation organisation;
    private final int meanVisits;
    private final boolean severalYears;
    private final boolean freeText;

    ConsultationMaker(DemoOrganisation organisation, int meanVisits) {
        this(organisation, meanVisits, false, true);
    }

    /**
     * @param severalYears whether persons were registered over several years, and so are followed
     *     for a year rather than until today
     * @param freeText whether to write notes and diagnoses in free text, sealed per person (slower)
     */
    ConsultationMaker(DemoOrganisation organisation, int meanVisits, boolean severalYears, boolean freeText) {
        this.organisation = organisation;
        this.meanVisits = Math.max(1, Math.min(meanVisits, MAX_VISITS));
        this.severalYears = severalYears;
        this.freeText = freeText;
    }

    List<ImportedConsultation> make(PersonMaker.MadePerson made, LocalDate today, SplittableRandom random) {
        int visits = Math.min(MAX_VISITS, 1 + random.nextInt(2 * meanVisits - 1));
        long untilToday = ChronoUnit.DAYS.between(made.registeredOn(), today);
        long span = severalYears ? Math.min(untilToday, FOLLOW_UP_DAYS) : untilToday;
        List<LocalDate> days = new ArrayList<>(visits);
        days.add(made.registeredOn());
        for (int i = 1; i < visits; i++) {
            days.add(made.registeredOn().plusDays(span == 0 ? 0 : random.nextLong(span + 1)));
        }
        days.sort(null);
        List<ImportedConsultation> consultations = new ArrayList<>(visits);
        for (LocalDate day : days) {
            consultations.add(consultation(made, day, consultations.isEmpty(), random));
        }
        return consultations;
    }

    private ImportedConsultation consultation(
            PersonMaker.MadePerson made, LocalDate day, boolean first, SplittableRandom random) {
        DemoOrganisation.Site site = first || NameMaker.percent(random, AT_REGISTRATION_SITE_PERCENT)
                ? made.site()
                : otherSite(made.site(), random);
        Discipline discipline =
                first ? firstDiscipline(site, random) : site.profile().discipline(random);
        DemoOrganisation.User provider = organisation.provider(discipline);
        Instant registered = made.person().createdAt();
        Instant createdAt =
                day.atTime(9, 0).atZone(PersonMaker.FRANCE).toInstant().plusSeconds(random.nextInt(9 * 3600));
        if (first || createdAt.isBefore(registered)) {
            createdAt = registered.plusSeconds((first ? 600 : 3600) + random.nextInt(3000));
        }
        boolean needsInterpreter = made.person().flags().contains(Flag.NEEDS_INTERPRETER);
        boolean interpreter = needsInterpreter ? NameMaker.percent(random, 75) : NameMaker.percent(random, 5);
        String language = interpreter || needsInterpreter
                ? made.mainLanguage()
                : made.person().languages().contains("fr") ? "fr" : "en";
        String diagnosis = diagnosis(made, discipline, random);
        String note = NameMaker.percent(random, NOTE_PERCENT)
                ? NameMaker.pick(ClinicalTexts.notes(discipline), random)
                : null;
        DemoForms.Form form = DemoForms.form(made, discipline, diagnosis, random);
        return new ImportedConsultation(
                DemoIds.at(createdAt, random),
                made.person().id(),
                site.id(),
                discipline,
                day,
                provider.id(),
                provider.displayName(),
                freeText ? note : null,
                freeText ? diagnosis : null,
                interpreter,
                language,
                createdAt,
                form.code(),
                form.compartment(),
                form.coded(),
                null);
    }

    /** A first visit is never a legal one: people first meet a carer or a social worker. */
    private static Discipline firstDiscipline(DemoOrganisation.Site site, SplittableRandom random) {
        Discipline discipline = site.profile().discipline(random);
        return discipline == Discipline.LEGAL ? Discipline.SOCIAL : discipline;
    }

    private static String diagnosis(PersonMaker.MadePerson made, Discipline discipline, SplittableRandom random) {
        if (discipline == Discipline.MEDICAL
                && made.person().flags().contains(Flag.PREGNANT)
                && NameMaker.percent(random, 50)) {
            return "Suivi de grossesse";
        }
        List<String> diagnoses = ClinicalTexts.DIAGNOSES.getOrDefault(discipline, List.of("Consultation"));
        String diagnosis = NameMaker.pick(diagnoses, random);
        return diagnosis.equals("Suivi de grossesse") ? diagnoses.getFirst() : diagnosis;
    }

    /** Another site of the same programme, or any other site when the programme has only one. */
    private DemoOrganisation.Site otherSite(DemoOrganisation.Site site, SplittableRandom random) {
        List<DemoOrganisation.Site> sameProgramme = organisation.programmeOf(site).sites().stream()
                .filter(s -> !s.equals(site))
                .toList();
        List<DemoOrganisation.Site> candidates = sameProgramme.isEmpty()
                ? organisation.sites().stream().filter(s -> !s.equals(site)).toList()
                : sameProgramme;
        return NameMaker.pick(candidates, random);
    }
}
