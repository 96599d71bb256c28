package org.passerelle.access;

import java.util.Set;
import java.util.UUID;

/** A user as administrators see it; never carries the password hash. */
public record UserAccount(
        UUID id,
        String username,
        String displayName,
        Set<Role> roles,
        boolean allSites,
        Set<UUID> siteIds,
        boolean enabled,
        long version) {}
