package org.passerelle.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The user acting in the current request, read afresh from the database on each request so that
 * a disabled user or a changed scope takes effect at once.
 *
 * @param allSites whether the user may work at every site (administrators, coordinators of a country)
 * @param siteIds the sites the user may work at when not {@code allSites}
 * @param currentSiteId the site chosen for this session, if any
 */
public record CurrentUser(
        UUID id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean allSites,
        Set<UUID> siteIds,
        @Nullable UUID currentSiteId) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(Role... wanted) {
        for (Role role : wanted) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }

    public boolean mayWorkAt(UUID siteId) {
        return allSites || siteIds.contains(siteId);
    }

    /** Whether this user meets the people served (and may see and record their data). */
    public boolean caresForPeople() {
        return roles.stream().anyMatch(Role::caresForPeople);
    }

    /** The compartments this user's roles open. */
    public Set<Compartment> compartments() {
        EnumSet<Compartment> open = EnumSet.noneOf(Compartment.class);
        roles.forEach(role -> open.addAll(role.compartments()));
        return open;
    }

    /** Whether this user reaches a person in care at these sites through their own site scope. */
    public boolean reachesAnyOf(Collection<UUID> personSites) {
        return allSites || personSites.stream().anyMatch(siteIds::contains);
    }

    /** The site chosen for this session; refuses when none is chosen yet. */
    public UUID requireCurrentSite() {
        if (currentSiteId == null) {
            throw AccessProblems.noSiteChosen();
        }
        return currentSiteId;
    }
}
