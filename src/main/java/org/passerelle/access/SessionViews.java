package org.passerelle.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.stereotype.Component;

/** What the web client learns of its session: who, where, and the state of the second factor. */
@Component
class SessionViews {

    record SessionUser(UUID id, String username, String displayName, Set<Role> roles) {}

    /** Whether the user has a second factor, and whether they must have one. */
    record SecondFactorState(boolean enrolled, boolean required) {}

    /**
     * @param secondFactorRequired the password was right but the second-factor code is still
     *     awaited: nothing else is allowed yet
     */
    record SessionView(
            @Nullable String organisation,
            SessionUser user,
            List<Site> sites,
            @Nullable Site currentSite,
            SecondFactorState secondFactor,
            boolean secondFactorRequired) {}

    private final SiteDirectory siteDirectory;
    private final SecondFactors secondFactors;

    SessionViews(SiteDirectory siteDirectory, SecondFactors secondFactors) {
        this.siteDirectory = siteDirectory;
        this.secondFactors = secondFactors;
    }

    SessionView of(CurrentUser user) {
        List<Site> sites = user.allSites() ? siteDirectory.sites() : siteDirectory.sites(user.siteIds());
        Site current = user.currentSiteId() == null
                ? null
                : siteDirectory.site(user.currentSiteId()).orElse(null);
        return new SessionView(
                siteDirectory.organisationName().orElse(null),
                new SessionUser(user.id(), user.username(), user.displayName(), user.roles()),
                sites,
                current,
                new SecondFactorState(secondFactors.enrolled(user.id()), secondFactors.required(user.roles())),
                false);
    }

    /** A session awaiting its code: who logged in, and no site. */
    SessionView pending(UserAccount account) {
        return new SessionView(
                siteDirectory.organisationName().orElse(null),
                new SessionUser(account.id(), account.username(), account.displayName(), account.roles()),
                List.of(),
                null,
                new SecondFactorState(true, secondFactors.required(account.roles())),
                true);
    }
}
