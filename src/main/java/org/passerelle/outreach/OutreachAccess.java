package org.passerelle.outreach;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who does what in outreach. The team (roles that meet the people served: clinicians, psychologists,
 * social and legal workers, coordinators) plans and records the sessions of the mobile teams they work
 * at; data officers also read plans and summaries, which hold no person's data. The map's points (places
 * and sessions, no persons) are open to every user within their site scope.
 */
@Component
class OutreachAccess {

    private final CurrentUsers currentUsers;

    OutreachAccess(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    CurrentUser requireRecorder(UUID siteId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        return inScope(user, siteId);
    }

    CurrentUser requireReader(UUID siteId) {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && !user.hasAnyRole(Role.DATA_OFFICER, Role.ADMINISTRATOR)) {
            throw DomainException.roleNotAllowed();
        }
        return inScope(user, siteId);
    }

    CurrentUser current() {
        return currentUsers.current();
    }

    /** The sites whose places the user sees on the map: null for every site. */
    @Nullable
    List<UUID> mapSites() {
        CurrentUser user = currentUsers.current();
        return user.allSites() ? null : List.copyOf(user.siteIds());
    }

    private static CurrentUser inScope(CurrentUser user, UUID siteId) {
        if (!user.mayWorkAt(siteId)) {
            throw OutreachProblems.siteOutsideScope();
        }
        return user;
    }
}
