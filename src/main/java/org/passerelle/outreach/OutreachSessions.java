package org.passerelle.outreach;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.EncounterReads;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.outreach.OutreachViews.OutreachDayPlan;
import org.passerelle.outreach.OutreachViews.OutreachLocationPlan;
import org.passerelle.outreach.OutreachViews.OutreachSession;
import org.passerelle.outreach.OutreachViews.OutreachSessionForm;
import org.passerelle.outreach.OutreachViews.SessionConsultationLink;
import org.passerelle.outreach.SessionRepository.SessionRow;
import org.passerelle.outreach.SessionRepository.StoredSession;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one write path of outreach sessions: planned, recorded as held, removed (a tombstone), and the
 * consultations held during them linked; and the day's plan of a mobile team. Every write is checked
 * whole before anything is written, and audited.
 */
@Service
@Transactional(readOnly = true)
public class OutreachSessions {

    static final String RECORD_TYPE = "outreach-session";

    private final SessionRepository sessions;
    private final SessionChecks checks;
    private final OutreachAccess access;
    private final SiteDirectory sites;
    private final EncounterReads encounters;
    private final PersonRegistry registry;
    private final AuditLog audit;
    private final Clock clock;

    OutreachSessions(
            SessionRepository sessions,
            SessionChecks checks,
            OutreachAccess access,
            SiteDirectory sites,
            EncounterReads encounters,
            PersonRegistry registry,
            AuditLog audit,
            Clock clock) {
        this.sessions = sessions;
        this.checks = checks;
        this.access = access;
        this.sites = sites;
        this.encounters = encounters;
        this.registry = registry;
        this.audit = audit;
        this.clock = clock;
    }

    /** Plans a session (or records one held) at a location of the user's current site. */
    @Transactional
    public OutreachSession plan(OutreachSessionForm form) {
        UUID siteId = access.current().requireCurrentSite();
        CurrentUser user = access.requireRecorder(siteId);
        UUID id = Objects.requireNonNullElseGet(form.id(), Ids::newId);
        var existing = sessions.find(id);
        if (existing.isPresent()) {
            if (existing.get().siteId().equals(siteId) && existing.get().version() == 1 && form.version() == null) {
                return get(id); // the same request sent again after a lost answer
            }
            throw OutreachProblems.idReused();
        }
        SessionRow row = checks.checked(id, siteId, form, user);
        try {
            sessions.insert(row, user.id());
        } catch (DuplicateKeyException e) {
            throw OutreachProblems.idReused();
        }
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return view(sessions.find(id).orElseThrow());
    }

    /** Changes a session: the plan, or what happened once held; {@code form.version()} is the one read. */
    @Transactional
    public OutreachSession change(UUID id, OutreachSessionForm form) {
        StoredSession stored = lockLive(id);
        CurrentUser user = access.requireRecorder(stored.siteId());
        if (form.version() == null || form.version() != stored.version()) {
            throw DomainException.staleVersion(stored.version());
        }
        sessions.update(checks.checked(id, stored.siteId(), form, user), user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(sessions.find(id).orElseThrow());
    }

    /** Removes a session planned by mistake; it stays as a tombstone until retention removes it. */
    @Transactional
    public void remove(UUID id, long version) {
        StoredSession stored = lockLive(id);
        CurrentUser user = access.requireRecorder(stored.siteId());
        if (version != stored.version()) {
            throw DomainException.staleVersion(stored.version());
        }
        sessions.markDeleted(id, user.id());
        audit.record(AuditAction.DELETE, RECORD_TYPE, id);
    }

    /**
     * Links a consultation held during the session: a signed or draft consultation of a registered
     * person, at the session's site, on the session's day. Linking it again changes nothing.
     */
    @Transactional
    public OutreachSession linkConsultation(UUID id, SessionConsultationLink link) {
        StoredSession stored = lockLive(id);
        CurrentUser user = access.requireRecorder(stored.siteId());
        Encounter encounter = encounters.get(link.encounterId());
        var linkedTo = sessions.sessionOf(encounter.id());
        if (linkedTo.isPresent()) {
            if (linkedTo.get().equals(id)) {
                return view(stored);
            }
            throw OutreachProblems.consultationLinked();
        }
        UUID personId = encounter.personId();
        if (personId == null
                || !encounter.siteId().equals(stored.siteId())
                || !encounter.occurredOn().equals(stored.day())) {
            throw OutreachProblems.consultationNotOfSession();
        }
        PersonSummary person = registry.summariesForWorkList(List.of(personId)).get(personId);
        if (person == null) {
            throw DomainException.notFound("person");
        }
        sessions.linkConsultation(id, encounter.id(), personId, person.sex().name(), ageGroup(person.age()));
        sessions.bumpVersion(id, user.id());
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(sessions.find(id).orElseThrow());
    }

    public OutreachSession get(UUID id) {
        StoredSession stored = live(id);
        access.requireReader(stored.siteId());
        return view(stored);
    }

    /** The day's plan of the user's current site: each location with its sessions that day. */
    public OutreachDayPlan dayPlan(@org.jspecify.annotations.Nullable LocalDate day) {
        UUID siteId = access.current().requireCurrentSite();
        access.requireReader(siteId);
        LocalDate on = Objects.requireNonNullElseGet(day, () -> LocalDate.now(clock));
        Map<UUID, List<OutreachSession>> byLocation = sessions.ofDay(siteId, on).stream()
                .map(this::view)
                .collect(java.util.stream.Collectors.groupingBy(OutreachSession::locationId));
        List<OutreachLocationPlan> locations = sites.outreachLocations(siteId).stream()
                .map(l -> new OutreachLocationPlan(
                        l.id(), l.name(), l.latitude(), l.longitude(), byLocation.getOrDefault(l.id(), List.of())))
                .toList();
        return new OutreachDayPlan(siteId, on, locations);
    }

    StoredSession live(UUID id) {
        return sessions.find(id)
                .filter(s -> s.deletedAt() == null)
                .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    private StoredSession lockLive(UUID id) {
        return sessions.lock(id)
                .filter(s -> s.deletedAt() == null)
                .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    OutreachSession view(StoredSession s) {
        String locationName = sites.outreachLocation(s.locationId())
                .map(OutreachLocation::name)
                .orElse("");
        return new OutreachSession(
                s.id(),
                s.siteId(),
                s.locationId(),
                locationName,
                s.kind(),
                s.day(),
                s.plannedStart(),
                s.plannedEnd(),
                s.actualStart(),
                s.actualEnd(),
                sessions.team(s.id()),
                sessions.tallies(s.id()),
                sessions.needs(s.id()),
                sessions.distributions(s.id()),
                sessions.consultations(s.id()),
                s.note(),
                s.version());
    }

    static String ageGroup(@org.jspecify.annotations.Nullable Integer age) {
        if (age == null) {
            return "unknown";
        }
        return age < 5 ? "00-04" : age < 15 ? "05-14" : age < 18 ? "15-17" : "18+";
    }
}
