package org.passerelle.people;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.DuplicateRepository.StoredCandidate;
import org.passerelle.people.DuplicateViews.Candidate;
import org.passerelle.people.DuplicateViews.Queue;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review queue of likely duplicates, for data officers: each pair the scan proposed is
 * confirmed (one record merged into the other, reversibly) or rejected (remembered as two
 * different people, never proposed again). A data officer sees the pairs whose two persons are in
 * care at sites of their scope; each person shown is audited as read.
 */
@Service
@Transactional
public class DuplicateReview {

    static final String RECORD_TYPE = "duplicate-candidate";
    private static final int MAX_PAGE = 100;

    private final DuplicateRepository duplicates;
    private final PersonRegistry registry;
    private final PersonMerges merges;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;

    DuplicateReview(
            DuplicateRepository duplicates,
            PersonRegistry registry,
            PersonMerges merges,
            CurrentUsers currentUsers,
            AuditLog audit,
            Clock clock) {
        this.duplicates = duplicates;
        this.registry = registry;
        this.merges = merges;
        this.currentUsers = currentUsers;
        this.audit = audit;
        this.clock = clock;
    }

    static CurrentUser requireDataOfficer(CurrentUser user) {
        if (!user.hasRole(Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    /** A page of the pairs waiting for review, most likely first. */
    public Queue queue(int limit, int offset) {
        CurrentUser user = requireDataOfficer(currentUsers.current());
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.outOfRange("limit");
        }
        if (offset < 0) {
            throw DomainException.outOfRange("offset");
        }
        @Nullable Set<UUID> sites = user.allSites() ? null : user.siteIds();
        List<StoredCandidate> stored = duplicates.pending(sites, limit, offset);
        List<UUID> ids = new ArrayList<>();
        stored.forEach(c -> {
            ids.add(c.personA());
            ids.add(c.personB());
        });
        Map<UUID, PersonSummary> people = registry.summariesOf(user, ids);
        List<Candidate> candidates = candidates(stored, people);
        people.keySet().forEach(id -> audit.record(AuditAction.READ, PersonRegistry.RECORD_TYPE, id));
        return new Queue(
                candidates,
                duplicates.countPending(sites),
                duplicates.latestScan().orElse(null));
    }

    /** The stored pairs whose two persons the user sees, with their summaries. */
    static List<Candidate> candidates(List<StoredCandidate> stored, Map<UUID, PersonSummary> people) {
        List<Candidate> candidates = new ArrayList<>();
        for (StoredCandidate c : stored) {
            PersonSummary first = people.get(c.personA());
            PersonSummary second = people.get(c.personB());
            if (first != null && second != null) {
                candidates.add(new Candidate(
                        c.id(), first, second, c.probability(), c.reasons(), c.foundAt(), c.registeredOffline()));
            }
        }
        return candidates;
    }

    /** Confirms a pair: the other person is merged into {@code keptId}, which must be one of the two. */
    public Merge confirm(UUID candidateId, UUID keptId) {
        CurrentUser user = requireDataOfficer(currentUsers.current());
        StoredCandidate candidate = pending(candidateId);
        UUID mergedId;
        if (keptId.equals(candidate.personA())) {
            mergedId = candidate.personB();
        } else if (keptId.equals(candidate.personB())) {
            mergedId = candidate.personA();
        } else {
            throw PeopleProblems.notInPair();
        }
        Merge merge = merges.merge(keptId, mergedId);
        decide(candidateId, "MERGED", user);
        return merge;
    }

    /** Rejects a pair: the two are different people, and the pair is never proposed again. */
    public void reject(UUID candidateId) {
        CurrentUser user = requireDataOfficer(currentUsers.current());
        StoredCandidate candidate = pending(candidateId);
        merges.markNotDuplicate(candidate.personA(), candidate.personB());
        decide(candidateId, "REJECTED", user);
    }

    private StoredCandidate pending(UUID candidateId) {
        return duplicates
                .pendingCandidate(candidateId)
                .orElseThrow(() -> duplicates.exists(candidateId)
                        ? PeopleProblems.duplicateAlreadyDecided()
                        : DomainException.notFound(RECORD_TYPE));
    }

    private void decide(UUID candidateId, String status, CurrentUser user) {
        if (!duplicates.decide(candidateId, status, user.id(), clock.instant())) {
            throw PeopleProblems.duplicateAlreadyDecided();
        }
        audit.record(AuditAction.UPDATE, RECORD_TYPE, candidateId);
    }
}
