package org.passerelle.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.passerelle.access.Compartment;
import org.passerelle.care.ConsultationImport.ImportedConsultation;
import org.passerelle.care.Discipline;

/**
 * Anonymous group sessions of a site: discussion groups held by a psychologist and health
 * promotion sessions held by a nurse, with a head count and no one named.
 */
final class GroupSessions {

    /** One group session is generated for so many persons. */
    static final int PERSONS_PER_SESSION = 40;

    private final DemoOrganisation organisation;
    private final LocalDate today;
    private final int days;

    GroupSessions(DemoOrganisation organisation, LocalDate today, int years) {
        this.organisation = organisation;
        this.today = today;
        this.days = 365 * years;
    }

    ImportedConsultation make(DemoOrganisation.Site site, SplittableRandom random) {
        boolean mentalHealth = NameMaker.percent(random, 60);
        Discipline discipline = mentalHealth ? Discipline.MENTAL_HEALTH : Discipline.NURSING;
        DemoOrganisation.User provider = organisation.provider(discipline);
        LocalDate day = today.minusDays(random.nextInt(days));
        Instant createdAt =
                day.atTime(14, 0).atZone(PersonMaker.FRANCE).toInstant().plusSeconds(random.nextInt(3 * 3600));
        return new ImportedConsultation(
                DemoIds.at(createdAt, random),
                null,
                site.id(),
                discipline,
                day,
                provider.id(),
                provider.displayName(),
                null,
                null,
                false,
                "fr",
                createdAt,
                mentalHealth ? "mental-health-group-session" : "health-promotion-session",
                mentalHealth ? Compartment.MENTAL_HEALTH : Compartment.GENERAL,
                "{}",
                3 + random.nextInt(18));
    }
}
