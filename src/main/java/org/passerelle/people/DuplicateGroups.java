package org.passerelle.people;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.DuplicateRepository.PendingLink;
import org.passerelle.people.DuplicateViews.Candidate;
import org.passerelle.people.DuplicateViews.Group;
import org.passerelle.people.DuplicateViews.GroupDecided;
import org.passerelle.people.DuplicateViews.GroupDecision;
import org.passerelle.people.DuplicateViews.Groups;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Groups of three or more records that the review queue's pairs link together (one person
 * registered three times gives three pairs), reviewed side by side and decided at once: one record
 * kept, some merged into it, the others marked as other people. Pairs are linked through the
 * records they share, so a group is what a data officer would otherwise decide pair by pair, in an
 * order that could merge the wrong way round.
 */
@Service
@Transactional
public class DuplicateGroups {

    private static final int MAX_PAGE = 20;
    private static final int SMALLEST_GROUP = 3;

    private final DuplicateRepository duplicates;
    private final PersonRegistry registry;
    private final PersonMerges merges;
    private final CurrentUsers currentUsers;
    private final AuditLog audit;
    private final Clock clock;

    DuplicateGroups(
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

    /** A page of the groups of three or more linked records in the user's scope, most likely first. */
    public Groups groups(int limit, int offset) {
        CurrentUser user = DuplicateReview.requireDataOfficer(currentUsers.current());
        if (limit < 1 || limit > MAX_PAGE) {
            throw DomainException.outOfRange("limit");
        }
        if (offset < 0) {
            throw DomainException.outOfRange("offset");
        }
        List<List<PendingLink>> all = linked(duplicates.pendingLinks(scope(user)));
        List<List<PendingLink>> page = all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        List<Group> groups = new ArrayList<>();
        for (List<PendingLink> links : page) {
            groups.add(group(user, links));
        }
        return new Groups(groups, all.size());
    }

    /** Decides a whole group at once; nothing is changed if its pairs changed since it was shown. */
    public GroupDecided decide(GroupDecision decision) {
        CurrentUser user = DuplicateReview.requireDataOfficer(currentUsers.current());
        Set<UUID> group = new HashSet<>(List.of(decision.keptId()));
        namedOnce(group, decision.mergedIds(), "mergedIds");
        Set<UUID> named = new HashSet<>(group);
        namedOnce(named, decision.separateIds(), "separateIds");
        List<PendingLink> links = linked(duplicates.pendingLinks(scope(user))).stream()
                .filter(component -> persons(component).contains(decision.keptId()))
                .findFirst()
                .orElseThrow(PeopleProblems::duplicateGroupChanged);
        if (!persons(links).equals(named)) {
            throw PeopleProblems.duplicateGroupChanged();
        }
        List<Merge> made = new ArrayList<>();
        decision.mergedIds().forEach(merged -> made.add(merges.merge(decision.keptId(), merged)));
        decision.separateIds().forEach(other -> merges.markNotDuplicate(decision.keptId(), other));
        int merged = 0;
        int rejected = 0;
        for (PendingLink link : links) {
            boolean first = group.contains(link.personA());
            boolean second = group.contains(link.personB());
            if (first && second) {
                record(link, "MERGED", user);
                merged++;
            } else if (first || second) {
                record(link, "REJECTED", user);
                rejected++;
            }
        }
        return new GroupDecided(made, merged, rejected);
    }

    private static void namedOnce(Set<UUID> seen, List<UUID> ids, String field) {
        for (UUID id : ids) {
            if (!seen.add(id)) {
                throw PeopleProblems.duplicateGroupInvalid(field);
            }
        }
    }

    private void record(PendingLink link, String status, CurrentUser user) {
        if (!duplicates.decide(link.id(), status, user.id(), clock.instant())) {
            throw PeopleProblems.duplicateGroupChanged();
        }
        audit.record(AuditAction.UPDATE, DuplicateReview.RECORD_TYPE, link.id());
    }

    private Group group(CurrentUser user, List<PendingLink> links) {
        Map<UUID, Integer> degree = new HashMap<>();
        for (PendingLink link : links) {
            degree.merge(link.personA(), 1, Integer::sum);
            degree.merge(link.personB(), 1, Integer::sum);
        }
        List<UUID> ids = new ArrayList<>(degree.keySet());
        ids.sort(Comparator.comparing((UUID id) -> -degree.getOrDefault(id, 0)).thenComparing(id -> id));
        Map<UUID, PersonSummary> people = registry.summariesOf(user, ids);
        people.keySet().forEach(id -> audit.record(AuditAction.READ, PersonRegistry.RECORD_TYPE, id));
        List<PersonSummary> persons = new ArrayList<>();
        ids.stream().map(people::get).filter(p -> p != null).forEach(persons::add);
        List<Candidate> pairs = DuplicateReview.candidates(
                duplicates.pendingByIds(links.stream().map(PendingLink::id).toList()), people);
        return new Group(persons, pairs, links.getFirst().probability());
    }

    private static @Nullable Set<UUID> scope(CurrentUser user) {
        return user.allSites() ? null : user.siteIds();
    }

    private static Set<UUID> persons(List<PendingLink> links) {
        Set<UUID> persons = new HashSet<>();
        links.forEach(link -> {
            persons.add(link.personA());
            persons.add(link.personB());
        });
        return persons;
    }

    /**
     * The links grouped by the records they connect (union–find), keeping the groups of three
     * records or more, each with its links most likely first, the most likely group first.
     */
    static List<List<PendingLink>> linked(List<PendingLink> links) {
        Map<UUID, UUID> parent = new HashMap<>();
        for (PendingLink link : links) {
            UUID a = root(parent, link.personA());
            UUID b = root(parent, link.personB());
            if (!a.equals(b)) {
                parent.put(a, b);
            }
        }
        Map<UUID, List<PendingLink>> byRoot = new LinkedHashMap<>();
        for (PendingLink link : links) {
            byRoot.computeIfAbsent(root(parent, link.personA()), r -> new ArrayList<>())
                    .add(link);
        }
        return byRoot.values().stream()
                .filter(component -> persons(component).size() >= SMALLEST_GROUP)
                .toList();
    }

    private static UUID root(Map<UUID, UUID> parent, UUID id) {
        UUID root = id;
        for (UUID up = parent.get(root); up != null; up = parent.get(root)) {
            root = up;
        }
        UUID node = id;
        while (!node.equals(root)) {
            UUID next = parent.get(node);
            parent.put(node, root);
            node = next == null ? root : next;
        }
        return root;
    }
}
