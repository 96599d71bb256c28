package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Organization;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Component;

/** {@code Organization}: the organisation's sites, which every signed-in user sees as in the API. */
@Component
class OrganizationProvider implements IResourceProvider {

    private final SiteDirectory sites;

    OrganizationProvider(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id) {
        return sites.site(Ids.of(id, "site"))
                .map(SiteResources::organization)
                .orElseThrow(() -> DomainException.notFound("site"));
    }

    @Search
    public List<Organization> all() {
        return sites.sites().stream().map(SiteResources::organization).toList();
    }
}
