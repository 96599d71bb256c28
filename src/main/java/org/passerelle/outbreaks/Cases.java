package org.passerelle.outbreaks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.outbreaks.CaseRepository.Subject;
import org.passerelle.outbreaks.OutbreakViews.ClassificationStep;
import org.passerelle.outbreaks.OutbreakViews.ClinicalFields;
import org.passerelle.outbreaks.OutbreakViews.Disease;
import org.passerelle.outbreaks.OutbreakViews.NewOutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCaseChange;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The line lists' one write path: a case recorded by a clinician at their site, linked to a person
 * they may write about (sex and age taken from the person's record) or anonymous; its course
 * changed from the version read, each new classification kept in its history; a cholera case with
 * coordinates opening its case-area response ring. Bad input writes nothing; every write and every
 * read of a line list has its audit line.
 */
@Service
public class Cases {

    static final String RECORD_TYPE = "outbreak-case";
    static final String LINE_LIST = "outbreak-line-list";

    private final OutbreakAccess access;
    private final Diseases diseases;
    private final CaseRepository cases;
    private final PersonAccess personAccess;
    private final PersonRegistry persons;
    private final SiteDirectory sites;
    private final Rings rings;
    private final AuditLog audit;
    private final Clock clock;

    Cases(
            OutbreakAccess access,
            Diseases diseases,
            CaseRepository cases,
            PersonAccess personAccess,
            PersonRegistry persons,
            SiteDirectory sites,
            Rings rings,
            AuditLog audit,
            Clock clock) {
        this.access = access;
        this.diseases = diseases;
        this.cases = cases;
        this.personAccess = personAccess;
        this.persons = persons;
        this.sites = sites;
        this.rings = rings;
        this.audit = audit;
        this.clock = clock;
    }

    /** Records a case; sent again with the same id, answers the case recorded. */
    @Transactional
    public OutbreakCase record(NewOutbreakCase command) {
        Disease disease = diseases.require(command.disease());
        CurrentUser user = access.requireRecorderAt(command.siteId());
        CaseRules.check(disease, command.clinical(), LocalDate.now(clock));
        Subject subject = subject(command);
        Instant now = clock.instant();
        if (!cases.insert(command.id(), disease.code(), subject, command.clinical(), now, user.id())) {
            OutbreakCase existing = cases.find(command.id()).orElseThrow(OutbreakProblems::idReused);
            if (!existing.disease().equals(disease.code()) || !existing.siteId().equals(command.siteId())) {
                throw OutbreakProblems.idReused();
            }
            return existing;
        }
        cases.addStep(command.id(), command.classification(), now, user.id());
        OutbreakCase recorded = cases.find(command.id()).orElseThrow();
        rings.openIfDue(disease, recorded, now);
        audit.record(AuditAction.CREATE, RECORD_TYPE, recorded.id());
        return recorded;
    }

    /** Changes a case's course from the version read; a new classification joins its history. */
    @Transactional
    public OutbreakCase change(UUID id, OutbreakCaseChange change) {
        OutbreakCase current = cases.find(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        CurrentUser user = access.requireRecorderAt(current.siteId());
        Disease disease = diseases.require(current.disease());
        ClinicalFields fields = change.clinical();
        CaseRules.check(disease, fields, LocalDate.now(clock));
        Instant now = clock.instant();
        if (!cases.update(id, change.version(), fields, now, user.id())) {
            throw DomainException.staleVersion(current.version());
        }
        if (!current.classification().equals(fields.classification())) {
            cases.addStep(id, fields.classification(), now, user.id());
        }
        OutbreakCase changed = cases.find(id).orElseThrow();
        rings.openIfDue(disease, changed, now);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return changed;
    }

    /** A disease's line list at a site, or at every site of the reader's scope; audited. */
    @Transactional
    public List<OutbreakCase> lineList(String disease, @Nullable UUID siteId) {
        diseases.require(disease);
        OutbreakAccess.Scope scope = access.requireReader(siteId);
        audit.record(AuditAction.READ, LINE_LIST, siteId);
        return cases.list(disease, scope);
    }

    /** One case, for a reader of its site. */
    @Transactional(readOnly = true)
    public OutbreakCase get(UUID id) {
        OutbreakCase found = cases.find(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        access.requireReader(found.siteId());
        return found;
    }

    /** The classifications a case was given, oldest first. */
    @Transactional(readOnly = true)
    public List<ClassificationStep> history(UUID id) {
        get(id);
        return cases.steps(id);
    }

    private Subject subject(NewOutbreakCase command) {
        UUID place = command.outreachLocationId();
        if (place != null && sites.outreachLocations(command.siteId()).stream().noneMatch(l -> l.id().equals(place))) {
            throw OutbreakProblems.placeOutsideSite();
        }
        UUID personId = command.personId();
        if (personId == null) {
            String sex = Objects.requireNonNullElse(command.sex(), "UNKNOWN");
            CaseRules.oneOf(sex, CaseRules.SEXES, "sex");
            String group = CaseRules.ageGroup(command.ageYears(), command.ageGroup());
            return new Subject(command.siteId(), place, null, sex, command.ageYears(), group);
        }
        personAccess.requireWritable(personId);
        Person person = persons.get(personId);
        Integer age = person.age();
        return new Subject(command.siteId(), place, personId, person.sex().name(), age, CaseRules.ageGroup(age, null));
    }
}
