package org.passerelle.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.FollowUpRepository.Row;
import org.passerelle.care.FollowUpViews.Closure;
import org.passerelle.care.FollowUpViews.DueFollowUp;
import org.passerelle.care.FollowUpViews.Enrolment;
import org.passerelle.care.FollowUpViews.FollowUp;
import org.passerelle.care.FollowUpViews.FollowUpChange;
import org.passerelle.care.FollowUpViews.Standing;
import org.passerelle.care.FollowUpViews.Status;
import org.passerelle.care.forms.CodeLists;
import org.passerelle.people.PersonAccess;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.Ids;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Follow-up programmes: a person enrolled in pregnancy follow-up, mental-health follow-up, chronic
 * disease care or care after sexual violence, by a site that plans the next visit. A signed
 * consultation with one of the programme's forms counts as a visit and sets the next one when it
 * gives a date for it. Each site sees whose visit is due within a week or overdue. Enrolments live
 * in the programme's compartment: mental-health and sexual-violence follow-ups are seen only by
 * those who open them.
 */
@Service
@Transactional
public class FollowUps {

    static final String RECORD_TYPE = "follow-up";
    static final int DUE_WITHIN_DAYS = 7;

    private final FollowUpRepository repository;
    private final PersonAccess access;
    private final PersonRegistry registry;
    private final CurrentUsers currentUsers;
    private final CodeLists codes;
    private final AuditLog audit;
    private final CareCalendar calendar;

    FollowUps(
            FollowUpRepository repository,
            PersonAccess access,
            PersonRegistry registry,
            CurrentUsers currentUsers,
            CodeLists codes,
            AuditLog audit,
            CareCalendar calendar) {
        this.repository = repository;
        this.access = access;
        this.registry = registry;
        this.currentUsers = currentUsers;
        this.codes = codes;
        this.audit = audit;
        this.calendar = calendar;
    }

    /** Enrols a person in a programme at the current site (409 if already followed in it). */
    public FollowUp enrol(UUID personId, Enrolment enrolment) {
        CurrentUser user = access.requireWritable(personId);
        FollowUpProgramme programme = enrolment.programme();
        access.requireCompartment(user, programme.compartment());
        UUID siteId = user.requireCurrentSite();
        LocalDate today = today();
        LocalDate startedOn = Objects.requireNonNullElse(enrolment.startedOn(), today);
        FieldFaults.Collector faults = new FieldFaults.Collector();
        if (startedOn.isAfter(today)) {
            faults.add("startedOn", CareProblems.DATE_IN_FUTURE);
        } else if (startedOn.isBefore(today.minusYears(2))) {
            faults.add("startedOn", CareProblems.DATE_TOO_OLD);
        }
        List<String> flags = checkPlans(
                programme,
                startedOn,
                enrolment.nextVisitOn(),
                enrolment.dueDate(),
                enrolment.conditionCode(),
                enrolment.riskFlags(),
                faults);
        faults.throwIfAny(CareProblems.INVALID_FOLLOW_UP);
        if (repository.activeExists(personId, programme)) {
            throw CareProblems.followUpActive();
        }
        UUID id = Objects.requireNonNullElseGet(enrolment.id(), Ids::newId);
        if (repository.find(id).isPresent()) {
            throw CareProblems.followUpExists();
        }
        repository.insert(
                new Row(
                        id,
                        personId,
                        siteId,
                        programme,
                        startedOn,
                        null,
                        enrolment.nextVisitOn(),
                        enrolment.dueDate(),
                        enrolment.conditionCode(),
                        flags,
                        Status.ACTIVE,
                        null,
                        null,
                        0),
                user.id());
        access.recordContact(personId, siteId, startedOn);
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /** A person's follow-ups in the programmes whose compartment the user opens. */
    @Transactional(readOnly = true)
    public List<FollowUp> ofPerson(UUID personId) {
        PersonAccess.FileAccess file = access.requireFile(personId);
        List<FollowUpProgramme> visible = Arrays.stream(FollowUpProgramme.values())
                .filter(programme -> file.opens(programme.compartment()))
                .toList();
        if (visible.isEmpty()) {
            throw DomainException.roleNotAllowed();
        }
        return repository.ofPerson(personId, visible).stream().map(this::view).toList();
    }

    /** Changes an active follow-up's plans: next visit, due date, condition, risk flags. */
    public FollowUp change(UUID id, FollowUpChange change) {
        Row row = writable(id);
        FieldFaults.Collector faults = new FieldFaults.Collector();
        List<String> flags = checkPlans(
                row.programme(),
                row.startedOn(),
                change.nextVisitOn(),
                change.dueDate(),
                change.conditionCode(),
                change.riskFlags(),
                faults);
        faults.throwIfAny(CareProblems.INVALID_FOLLOW_UP);
        if (!repository.change(
                id,
                change.version(),
                change.nextVisitOn(),
                change.dueDate(),
                change.conditionCode(),
                flags,
                currentUsers.current().id())) {
            throw row.status() == Status.CLOSED
                    ? CareProblems.followUpClosed()
                    : DomainException.staleVersion(row.version());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /** Ends an active follow-up, saying why. */
    public FollowUp close(UUID id, Closure closure) {
        Row row = writable(id);
        LocalDate closedOn = Objects.requireNonNullElse(closure.closedOn(), today());
        if (closedOn.isAfter(today()) || closedOn.isBefore(row.startedOn())) {
            throw CareProblems.dateImplausible();
        }
        if (!repository.close(
                id,
                closure.version(),
                closure.reason(),
                closedOn,
                currentUsers.current().id())) {
            throw row.status() == Status.CLOSED
                    ? CareProblems.followUpClosed()
                    : DomainException.staleVersion(row.version());
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, id);
        return view(repository.find(id).orElseThrow());
    }

    /**
     * The current site's follow-ups whose visit is due within a week or overdue, or with no visit
     * planned, in the programmes the user opens: overdue first, with the person to contact.
     */
    @Transactional
    public List<DueFollowUp> due() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        Set<FollowUpProgramme> visible = EnumSet.noneOf(FollowUpProgramme.class);
        for (FollowUpProgramme programme : FollowUpProgramme.values()) {
            if (user.compartments().contains(programme.compartment())) {
                visible.add(programme);
            }
        }
        List<Row> rows = repository.due(user.requireCurrentSite(), visible, today().plusDays(DUE_WITHIN_DAYS), 200);
        Map<UUID, PersonSummary> persons = registry.summariesForWorkList(
                rows.stream().map(Row::personId).distinct().toList());
        List<DueFollowUp> due = new ArrayList<>();
        for (Row row : rows) {
            PersonSummary person = persons.get(row.personId());
            if (person != null) {
                due.add(new DueFollowUp(view(row), person));
            }
        }
        due.sort(Comparator.comparing((DueFollowUp entry) -> entry.followUp().standing() != Standing.OVERDUE));
        return due;
    }

    /**
     * A consultation was signed: if it is a visit of a programme the person is followed in, it
     * becomes the last visit and sets the next one (and a pregnancy's due date) when it gave them.
     */
    void visited(UUID personId, String formCode, LocalDate occurredOn, JsonNode coded) {
        for (Row row : repository.activeOf(personId)) {
            if (!row.programme().countsAsVisit(formCode)) {
                continue;
            }
            LocalDate next = null;
            for (String field : FollowUpProgramme.NEXT_VISIT_FIELDS) {
                next = date(coded.path(field));
                if (next != null) {
                    break;
                }
            }
            LocalDate dueDate = row.programme() == FollowUpProgramme.PREGNANCY
                    ? date(coded.path(FollowUpProgramme.DUE_DATE_FIELD))
                    : null;
            repository.visited(row.id(), occurredOn, next, dueDate);
        }
    }

    /** A follow-up the current user may change, for a change a device made offline (not found otherwise). */
    @Transactional(readOnly = true)
    FollowUp writableView(UUID id) {
        return view(writable(id));
    }

    private Row writable(UUID id) {
        Row row = repository.find(id).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        CurrentUser user;
        try {
            user = access.requireWritable(row.personId());
        } catch (DomainException e) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        if (!user.compartments().contains(row.programme().compartment())) {
            throw DomainException.notFound(RECORD_TYPE);
        }
        return row;
    }

    private List<String> checkPlans(
            FollowUpProgramme programme,
            LocalDate startedOn,
            @Nullable LocalDate nextVisitOn,
            @Nullable LocalDate dueDate,
            @Nullable String conditionCode,
            @Nullable List<String> riskFlags,
            FieldFaults.Collector faults) {
        LocalDate today = today();
        if (nextVisitOn != null && (nextVisitOn.isBefore(startedOn) || nextVisitOn.isAfter(today.plusYears(1)))) {
            faults.add("nextVisitOn", CareProblems.DATE_IMPLAUSIBLE);
        }
        if (dueDate != null) {
            if (programme != FollowUpProgramme.PREGNANCY) {
                faults.add("dueDate", "field-not-relevant");
            } else if (dueDate.isBefore(today.minusMonths(1)) || dueDate.isAfter(today.plusMonths(10))) {
                faults.add("dueDate", CareProblems.DATE_IMPLAUSIBLE);
            }
        }
        if (programme == FollowUpProgramme.CHRONIC) {
            if (conditionCode == null || conditionCode.isBlank()) {
                faults.add("conditionCode", "field-required");
            } else if (!codes.isDiagnosis(conditionCode)) {
                faults.add("conditionCode", "unknown-diagnosis");
            }
        } else if (conditionCode != null) {
            faults.add("conditionCode", "field-not-relevant");
        }
        List<String> flags = riskFlags == null ? List.of() : riskFlags;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < flags.size(); i++) {
            String flag = flags.get(i);
            if (!programme.riskFlags().contains(flag) || !seen.add(flag)) {
                faults.add("riskFlags[" + i + "]", "unknown-option");
            }
        }
        return List.copyOf(flags);
    }

    /** A follow-up as its reader receives it, with where it stands today. */
    FollowUp view(Row row) {
        LocalDate today = today();
        Standing standing;
        if (row.status() == Status.CLOSED) {
            standing = Standing.CLOSED;
        } else if (row.nextVisitOn() == null) {
            standing = Standing.NOT_PLANNED;
        } else if (row.nextVisitOn().isBefore(today)) {
            standing = Standing.OVERDUE;
        } else if (!row.nextVisitOn().isAfter(today.plusDays(DUE_WITHIN_DAYS))) {
            standing = Standing.DUE_SOON;
        } else {
            standing = Standing.PLANNED;
        }
        return new FollowUp(
                row.id(),
                row.personId(),
                row.siteId(),
                row.programme(),
                row.startedOn(),
                row.lastVisitOn(),
                row.nextVisitOn(),
                row.dueDate(),
                row.conditionCode(),
                row.riskFlags(),
                row.status(),
                row.closedOn(),
                row.closedReason(),
                row.version(),
                standing);
    }

    private LocalDate today() {
        return calendar.today();
    }

    private static @Nullable LocalDate date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
