package org.passerelle.outbreaks;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with outbreaks: clinicians record and change cases at their sites; clinicians,
 * coordinators and data officers read the line lists, figures and rings of every site in their
 * scope; coordinators set populations; clinicians and logisticians (the water and sanitation team)
 * record the households of a ring at their sites.
 */
@Component
class OutbreakAccess {

    /** The sites a reader may see: all of them, or these. */
    record Scope(boolean all, Set<UUID> sites) {}

    private static final Role[] CASE_READERS = {Role.CLINICIAN, Role.COORDINATOR, Role.DATA_OFFICER};
    private static final Role[] RING_READERS = {Role.CLINICIAN, Role.COORDINATOR, Role.DATA_OFFICER, Role.LOGISTICIAN};

    private final CurrentUsers currentUsers;

    OutbreakAccess(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    CurrentUser requireRecorderAt(UUID siteId) {
        return requireAt(siteId, Role.CLINICIAN);
    }

    CurrentUser requireResponderAt(UUID siteId) {
        return requireAt(siteId, Role.CLINICIAN, Role.LOGISTICIAN);
    }

    CurrentUser requireCoordinatorAt(UUID siteId) {
        return requireAt(siteId, Role.COORDINATOR);
    }

    /** The line lists' reader's scope; with {@code siteId}, that one site, which must be in it. */
    Scope requireReader(@Nullable UUID siteId) {
        return requireReader(siteId, CASE_READERS);
    }

    /** The rings' reader's scope: the line lists' readers and the logisticians. */
    Scope requireRingReader(@Nullable UUID siteId) {
        return requireReader(siteId, RING_READERS);
    }

    /** Whether a user's devices hold the rings and households of a site: a ring reader working there. */
    static boolean readsRingsAt(CurrentUser user, UUID siteId) {
        return user.hasAnyRole(RING_READERS) && user.mayWorkAt(siteId);
    }

    private Scope requireReader(@Nullable UUID siteId, Role... roles) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(roles)) {
            throw DomainException.roleNotAllowed();
        }
        if (siteId != null) {
            if (!user.mayWorkAt(siteId)) {
                throw OutbreakProblems.siteOutsideScope();
            }
            return new Scope(false, Set.of(siteId));
        }
        return new Scope(user.allSites(), Set.copyOf(user.siteIds()));
    }

    private CurrentUser requireAt(UUID siteId, Role... roles) {
        CurrentUser user = currentUsers.current();
        if (!user.hasAnyRole(roles)) {
            throw DomainException.roleNotAllowed();
        }
        if (!user.mayWorkAt(siteId)) {
            throw OutbreakProblems.siteOutsideScope();
        }
        return user;
    }
}
