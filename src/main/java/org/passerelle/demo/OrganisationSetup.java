package org.passerelle.demo;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.passerelle.access.NewUserAccount;
import org.passerelle.access.Role;
import org.passerelle.access.UserAccount;
import org.passerelle.access.UserAccounts;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteKind;
import org.passerelle.sites.SiteViews.NewOutreachLocation;
import org.passerelle.sites.SiteViews.NewProgramme;
import org.passerelle.sites.SiteViews.NewSite;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Creates the demo organisation and its users through the sites and access modules. */
@Component
class OrganisationSetup {

    private final SiteDirectory sites;
    private final UserAccounts accounts;

    OrganisationSetup(SiteDirectory sites, UserAccounts accounts) {
        this.sites = sites;
        this.accounts = accounts;
    }

    /**
     * Creates the programmes, sites, outreach locations and users, all or none. A demo user whose
     * name is already taken is left as it is and used as the provider in its place.
     *
     * @return the organisation with the ids of the users it holds
     */
    @Transactional
    DemoOrganisation create(DemoOrganisation plan) {
        Set<UUID> allSites = new HashSet<>();
        Set<UUID> mobileSites = new HashSet<>();
        for (DemoOrganisation.Programme programme : plan.programmes()) {
            sites.createProgramme(new NewProgramme(programme.id(), programme.code(), programme.name()));
            for (DemoOrganisation.Site site : programme.sites()) {
                sites.createSite(new NewSite(site.id(), programme.id(), site.name(), site.kind(), site.city(), null));
                for (String location : site.outreachLocations()) {
                    var point = DemoPlaces.of(location);
                    sites.addOutreachLocation(
                            site.id(),
                            new NewOutreachLocation(
                                    null,
                                    location,
                                    null,
                                    point.map(DemoPlaces.Point::latitude).orElse(null),
                                    point.map(DemoPlaces.Point::longitude).orElse(null)));
                }
                allSites.add(site.id());
                if (site.kind() == SiteKind.MOBILE_TEAM) {
                    mobileSites.add(site.id());
                }
            }
        }
        Map<String, UUID> existing =
                accounts.all().stream().collect(Collectors.toMap(UserAccount::username, UserAccount::id));
        Function<DemoOrganisation.User, UUID> ids = user -> existing.computeIfAbsent(user.username(), name -> {
            Set<UUID> scope = user.allSites() ? Set.of() : user.role() == Role.LOGISTICIAN ? mobileSites : allSites;
            return accounts.create(new NewUserAccount(
                            user.id(),
                            user.username(),
                            user.displayName(),
                            DemoOrganisation.DEMO_PASSWORD,
                            Set.of(user.role()),
                            user.allSites(),
                            scope))
                    .id();
        });
        return plan.withUserIds(ids);
    }
}
