package org.passerelle.shelters;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteKind;
import org.springframework.stereotype.Component;

/**
 * Who does what at a shelter. The shelter's staff are the roles that care for people (clinicians,
 * psychologists, social and legal workers, coordinators) working at the shelter site: they admit,
 * move, mark attendance, discharge, keep the waiting list and see the bed board. Rooms and beds are
 * kept by coordinators, logisticians and administrators; any of them or the staff take a bed out of
 * service. Emergency capacity is opened and closed by coordinators and administrators; the
 * priority rule of the waiting list is the coordinator's alone.
 */
@Component
class ShelterAccess {

    static final Set<Role> BED_KEEPERS = Set.of(Role.COORDINATOR, Role.LOGISTICIAN, Role.ADMINISTRATOR);
    static final Set<Role> CAPACITY_OPENERS = Set.of(Role.COORDINATOR, Role.ADMINISTRATOR);

    private final CurrentUsers currentUsers;
    private final SiteDirectory sites;
    private final Nights nights;

    ShelterAccess(CurrentUsers currentUsers, SiteDirectory sites, Nights nights) {
        this.currentUsers = currentUsers;
        this.sites = sites;
        this.nights = nights;
    }

    /** The night in progress, in the teams' time zone. */
    LocalDate tonight() {
        return nights.tonight();
    }

    /** The shelter's staff: a carer working at this shelter site. */
    CurrentUser requireStaff(UUID siteId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return requireShelterInScope(user, siteId);
    }

    /** Someone who keeps the rooms and beds of this shelter. */
    CurrentUser requireBedKeeper(UUID siteId) {
        return requireAny(BED_KEEPERS, siteId);
    }

    /** A bed keeper or a member of the staff, who may take a bed out of service. */
    CurrentUser requireBedKeeperOrStaff(UUID siteId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && BED_KEEPERS.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        return requireShelterInScope(user, siteId);
    }

    /** Anyone who may see the rooms and beds (not who sleeps in them). */
    CurrentUser requireBedReader(UUID siteId) {
        return requireBedKeeperOrStaff(siteId);
    }

    CurrentUser requireCapacityOpener(UUID siteId) {
        return requireAny(CAPACITY_OPENERS, siteId);
    }

    CurrentUser requireCoordinator(UUID siteId) {
        return requireAny(Set.of(Role.COORDINATOR), siteId);
    }

    private CurrentUser requireAny(Set<Role> roles, UUID siteId) {
        CurrentUser user = currentUsers.current();
        if (roles.stream().noneMatch(user::hasRole)) {
            throw DomainException.roleNotAllowed();
        }
        return requireShelterInScope(user, siteId);
    }

    private CurrentUser requireShelterInScope(CurrentUser user, UUID siteId) {
        var site = sites.site(siteId).orElseThrow(() -> DomainException.notFound("site"));
        if (!user.mayWorkAt(siteId)) {
            throw ShelterProblems.siteOutsideScope();
        }
        if (site.kind() != SiteKind.SHELTER) {
            throw ShelterProblems.notAShelter();
        }
        return user;
    }
}
