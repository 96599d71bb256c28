package org.passerelle.people;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one check every read and write of a person's data goes through — in the web client, the API
 * and exports alike, and for any module that holds data about persons.
 *
 * <p>A user reaches a person's file when the person is in care at one of the user's sites (they
 * were registered there or seen there since), or during a break-the-glass they opened on that
 * file. Within the file, the user sees the compartments their roles open; a break-the-glass opens
 * every compartment, for reading only. Roles that do not meet the people served (data officers
 * aside, who handle people's rights requests) never reach a file.
 */
@Service
@Transactional(readOnly = true)
public class PersonAccess {

    /**
     * What the current user may see of one person's file.
     *
     * @param compartments the compartments whose records the user may read
     * @param emergencyUntil when the user's break-the-glass on this file ends, if one is open
     */
    public record FileAccess(
            UUID personId,
            Set<Compartment> compartments,
            @Nullable Instant emergencyUntil) {

        public boolean opens(Compartment compartment) {
            return compartments.contains(compartment);
        }
    }

    private final AccessRepository repository;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final SiteDirectory sites;

    PersonAccess(AccessRepository repository, CurrentUsers currentUsers, Clock clock, SiteDirectory sites) {
        this.repository = repository;
        this.sites = sites;
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /**
     * Checks that the current user may read this person's file: a role that reads persons (else
     * 403 {@code role-not-allowed}), a person that exists (else 404), and a site scope or an open
     * break-the-glass that reaches them (else 403 {@code person-outside-scope}).
     */
    public FileAccess requireFile(UUID personId) {
        CurrentUser user = requireReader(currentUsers.current());
        AccessRepository.Reach reach = repository.reach(user.id(), personId, clock.instant());
        if (!reach.exists()) {
            throw DomainException.notFound(PersonRegistry.RECORD_TYPE);
        }
        return fileIfReached(user, personId, reach).orElseThrow(() -> PeopleProblems.personOutsideScope());
    }

    /**
     * What the current user may see of a person's file, or nothing when their role, site scope
     * or break-the-glass does not reach it — for records that must not reveal that they exist.
     */
    public Optional<FileAccess> fileIfReached(UUID personId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && !user.hasRole(Role.DATA_OFFICER)) {
            return Optional.empty();
        }
        return fileIfReached(user, personId);
    }

    private Optional<FileAccess> fileIfReached(CurrentUser user, UUID personId) {
        return fileIfReached(user, personId, repository.reach(user.id(), personId, clock.instant()));
    }

    private static Optional<FileAccess> fileIfReached(CurrentUser user, UUID personId, AccessRepository.Reach reach) {
        if (reach.emergencyUntil() != null) {
            return Optional.of(new FileAccess(personId, EnumSet.allOf(Compartment.class), reach.emergencyUntil()));
        }
        if (!user.reachesAnyOf(reach.sites())) {
            return Optional.empty();
        }
        return Optional.of(new FileAccess(personId, user.compartments(), null));
    }

    /**
     * Checks that the current user may write about this person: a role that cares for people, a
     * person that exists, and a site scope that reaches them. A break-the-glass opens files for
     * reading only; to care for someone from another site, take them into care here first.
     */
    public CurrentUser requireWritable(UUID personId) {
        CurrentUser user = requireCarer(currentUsers.current());
        AccessRepository.Reach reach = repository.reach(user.id(), personId, clock.instant());
        if (!reach.exists()) {
            throw DomainException.notFound(PersonRegistry.RECORD_TYPE);
        }
        if (!user.reachesAnyOf(reach.sites())) {
            throw PeopleProblems.personOutsideScope();
        }
        return user;
    }

    /**
     * Whether {@link #requireWritable} would let the current user write about this person, without
     * refusing: for telling a client which actions to offer (not under a break-the-glass).
     */
    public boolean writable(UUID personId) {
        CurrentUser user = currentUsers.current();
        return user.caresForPeople() && user.reachesAnyOf(repository.sitesOf(personId));
    }

    /**
     * Which of these persons {@link #writable} holds for, in one query: for a page of records a
     * device pulls.
     */
    public Set<UUID> writableAmong(Collection<UUID> personIds) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() || personIds.isEmpty()) {
            return Set.of();
        }
        Map<UUID, Set<UUID>> sites = repository.sitesOf(personIds);
        Set<UUID> writable = new HashSet<>();
        personIds.stream()
                .filter(id -> user.reachesAnyOf(sites.getOrDefault(id, Set.of())))
                .forEach(writable::add);
        return writable;
    }

    /** Checks that the current user may write in this compartment (403 {@code compartment-not-allowed}). */
    public void requireCompartment(CurrentUser user, Compartment compartment) {
        if (!user.compartments().contains(compartment)) {
            throw PeopleProblems.compartmentNotAllowed();
        }
    }

    /** Records that a site saw a person on a day, so that the site's users reach their file. */
    @Transactional
    public void recordContact(UUID personId, UUID siteId, LocalDate on) {
        repository.recordContact(personId, siteId, on);
    }

    /** A contact for {@link #recordContacts}: a trusted loader's consultation. */
    public record Contact(UUID personId, UUID siteId, LocalDate on) {}

    /** Records many contacts at once, for trusted loaders (demo data, migrations). */
    @Transactional
    public void recordContacts(List<Contact> contacts) {
        if (contacts.isEmpty()) {
            return;
        }
        repository.recordContacts(
                contacts.stream().map(Contact::personId).toList(),
                contacts.stream().map(Contact::siteId).toList(),
                contacts.stream().map(Contact::on).toList());
    }

    /**
     * What the user may see of each of these persons' files, for those their site scope or an open
     * break-the-glass reaches, as {@link #requireFile} decides for one, in two queries: for a page
     * of records. The persons not reached are left out.
     */
    Map<UUID, FileAccess> filesReached(CurrentUser user, Collection<UUID> personIds) {
        Map<UUID, FileAccess> files = new HashMap<>();
        if (personIds.isEmpty()) {
            return files;
        }
        Map<UUID, Instant> emergencies = repository.emergencyUntil(user.id(), personIds, clock.instant());
        Map<UUID, Set<UUID>> sites = user.allSites() ? Map.of() : repository.sitesOf(personIds);
        for (UUID id : personIds) {
            Instant until = emergencies.get(id);
            if (until != null) {
                files.put(id, new FileAccess(id, EnumSet.allOf(Compartment.class), until));
            } else if (user.reachesAnyOf(sites.getOrDefault(id, Set.of()))) {
                files.put(id, new FileAccess(id, user.compartments(), null));
            }
        }
        return files;
    }

    /** Which of these persons the user reaches, by site scope or break-the-glass. */
    Set<UUID> reachable(CurrentUser user, Collection<UUID> personIds) {
        if (user.allSites()) {
            return Set.copyOf(personIds);
        }
        Map<UUID, Set<UUID>> sites = repository.sitesOf(personIds);
        Set<UUID> reached = new HashSet<>(repository.emergencyPersons(user.id(), personIds, clock.instant()));
        personIds.stream()
                .filter(id -> user.reachesAnyOf(sites.getOrDefault(id, Set.of())))
                .forEach(reached::add);
        return reached;
    }

    /** The site where each of these persons was seen last (records merged into theirs included). */
    Map<UUID, PersonViews.SiteSeen> lastSeenSites(Collection<UUID> personIds) {
        Map<UUID, UUID> siteIds = repository.lastSeenSites(personIds);
        Map<UUID, String> names = new HashMap<>();
        sites.sites(new HashSet<>(siteIds.values())).forEach(site -> names.put(site.id(), site.name()));
        Map<UUID, PersonViews.SiteSeen> seen = new HashMap<>();
        siteIds.forEach(
                (person, site) -> seen.put(person, new PersonViews.SiteSeen(site, names.getOrDefault(site, ""))));
        return seen;
    }

    /** Whether the user's site scope (not a break-the-glass) reaches the person. */
    boolean inSiteScope(CurrentUser user, UUID personId) {
        return user.reachesAnyOf(repository.sitesOf(personId));
    }

    static CurrentUser requireReader(CurrentUser user) {
        if (!user.caresForPeople() && !user.hasRole(Role.DATA_OFFICER)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    static CurrentUser requireCarer(CurrentUser user) {
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }
}
