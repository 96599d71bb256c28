package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Merges duplicate records and undoes merges, for data officers. A merge keeps every name (the
 * merged record's names join the kept one's, sealed with its key) and all history (every module
 * moves what it holds, see {@link PersonsMerged}); the merged record stays, marked as merged, so
 * its old patient code still leads to the kept record and an unmerge gives each record its own
 * names and consultations back.
 */
@Service
@Transactional
public class PersonMerges {

    static final String RECORD_TYPE = "person-merge";

    private final PersonRepository persons;
    private final MergeRepository merges;
    private final PersonAccess access;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PersonMerges(
            PersonRepository persons,
            MergeRepository merges,
            PersonAccess access,
            CurrentUsers currentUsers,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.persons = persons;
        this.merges = merges;
        this.access = access;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Merges {@code mergedId} into {@code keptId}. */
    public Merge merge(UUID keptId, UUID mergedId) {
        CurrentUser user = requireDataOfficer();
        if (keptId.equals(mergedId)) {
            throw PeopleProblems.mergeWithItself("mergedId");
        }
        requireInScope(user, keptId);
        requireInScope(user, mergedId);
        if (persons.holdsMerged(mergedId)) {
            throw PeopleProblems.mergeChain();
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        persons.copyNamesForMerge(keptId, mergedId);
        persons.setMergedInto(mergedId, keptId);
        events.publishEvent(new PersonsMerged(keptId, mergedId));
        merges.forgetNotDuplicate(keptId, mergedId);
        merges.insert(id, keptId, mergedId, user.id(), now);
        audit.record(AuditAction.CREATE, RECORD_TYPE, id);
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, keptId);
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, mergedId);
        return merges.find(id).orElseThrow();
    }

    /** Undoes a merge: both records are back as they were, each with its own consultations. */
    public Merge unmerge(UUID mergeId) {
        CurrentUser user = requireDataOfficer();
        Merge merge = merges.find(mergeId).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
        requireInScope(user, merge.keptId());
        if (merge.unmergedAt() != null || !merges.markUndone(mergeId, user.id(), clock.instant())) {
            throw PeopleProblems.mergeAlreadyUndone();
        }
        events.publishEvent(new PersonsUnmerged(merge.keptId(), merge.mergedId()));
        persons.removeNamesOfMerge(merge.keptId(), merge.mergedId());
        persons.setMergedInto(merge.mergedId(), null);
        audit.record(AuditAction.UPDATE, RECORD_TYPE, mergeId);
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, merge.keptId());
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, merge.mergedId());
        return merges.find(mergeId).orElseThrow();
    }

    /** The merges into a person, for their page. */
    @Transactional(readOnly = true)
    public List<Merge> mergesInto(UUID keptId) {
        access.requireFile(keptId);
        return merges.into(keptId);
    }

    /** Remembers that two records are different people, so they are never proposed as duplicates again. */
    public void markNotDuplicate(UUID first, UUID second) {
        CurrentUser user = requireDataOfficer();
        if (first.equals(second)) {
            throw PeopleProblems.mergeWithItself("personB");
        }
        requireInScope(user, first);
        requireInScope(user, second);
        merges.markNotDuplicate(first, second, user.id());
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, first);
        audit.record(AuditAction.UPDATE, PersonRegistry.RECORD_TYPE, second);
    }

    /** Whether two records were judged to be different people. */
    @Transactional(readOnly = true)
    public boolean judgedDifferent(UUID first, UUID second) {
        return merges.notDuplicate(first, second);
    }

    private CurrentUser requireDataOfficer() {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    private void requireInScope(CurrentUser user, UUID personId) {
        if (!persons.exists(personId)) {
            throw DomainException.notFound(PersonRegistry.RECORD_TYPE);
        }
        if (!access.inSiteScope(user, personId)) {
            throw PeopleProblems.personOutsideScope();
        }
    }
}
