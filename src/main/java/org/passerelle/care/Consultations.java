package org.passerelle.care;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.CareViews.MonthlySummary;
import org.passerelle.care.CareViews.NewConsultation;
import org.passerelle.care.CareViews.SiteDisciplineCount;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records consultations, lists a person's history and counts a month's activity. */
@Service
@Transactional
public class Consultations {

    static final String RECORD_TYPE = Encounters.RECORD_TYPE;
    static final String HISTORY_RECORD_TYPE = "person-history";

    private final ConsultationRepository repository;
    private final PersonAccess access;
    private final CurrentUsers currentUsers;
    private final SiteDirectory sites;
    private final AuditLog audit;
    private final Encounters encounters;

    Consultations(
            ConsultationRepository repository,
            Encounters encounters,
            PersonAccess access,
            CurrentUsers currentUsers,
            SiteDirectory sites,
            AuditLog audit) {
        this.repository = repository;
        this.access = access;
        this.currentUsers = currentUsers;
        this.sites = sites;
        this.audit = audit;
        this.encounters = encounters;
    }

    /**
     * Records a signed short note held today (or on the given day) at the current site, in the
     * discipline's compartment or, for care after sexual violence, in the SGBV compartment; the
     * user must reach the person, write in that compartment and practise the discipline. Written
     * by {@link Encounters#recordNote}, the one write path of consultations.
     */
    public Consultation record(NewConsultation command) {
        return repository.findById(encounters.recordNote(command)).orElseThrow();
    }

    /**
     * A person's consultations, newest first: those in the compartments the user opens (all of
     * them during a break-the-glass). Roles that open no compartment do not read care at all.
     */
    public List<Consultation> history(UUID personId) {
        PersonAccess.FileAccess file = access.requireFile(personId);
        if (file.compartments().isEmpty()) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, HISTORY_RECORD_TYPE, personId);
        return repository.findByPerson(
                personId, file.compartments(), currentUsers.current().id());
    }

    /**
     * One consultation. One the user may not read is not found: its existence, and what its
     * compartment would reveal, stay hidden.
     */
    public Consultation get(UUID id) {
        if (currentUsers.current().compartments().isEmpty()) {
            throw DomainException.roleNotAllowed();
        }
        boolean readable = repository
                .placement(id)
                .flatMap(placement ->
                        access.fileIfReached(placement.personId()).filter(file -> file.opens(placement.compartment())))
                .isPresent();
        if (!readable) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        Consultation consultation = repository.findById(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        if (consultation.status() == EncounterViews.Status.DRAFT
                && !consultation.providerId().equals(currentUsers.current().id())) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        audit.record(AuditAction.READ, RECORD_TYPE, id);
        return consultation;
    }

    /** Consultations per site and discipline in {@code month}, for the sites the user works at. */
    @Transactional(readOnly = true)
    public MonthlySummary monthlySummary(YearMonth month) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && !user.hasAnyRole(Role.DATA_OFFICER, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        List<Site> scope = user.allSites() ? sites.sites() : sites.sites(user.siteIds());
        Map<UUID, Site> byId = scope.stream().collect(Collectors.toMap(Site::id, Function.identity()));
        List<SiteDisciplineCount> counts = repository.countBySiteAndDiscipline(month, byId.keySet()).stream()
                .map(count -> new SiteDisciplineCount(
                        count.siteId(), siteName(byId, count.siteId()), count.discipline(), count.consultations()))
                .toList();
        long total =
                counts.stream().mapToLong(SiteDisciplineCount::consultations).sum();
        return new MonthlySummary(month, counts, total);
    }

    private static String siteName(Map<UUID, Site> sites, UUID siteId) {
        Site site = sites.get(siteId);
        return site == null ? "" : site.name();
    }
}
