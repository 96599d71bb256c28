package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.passerelle.platform.DomainException;
import org.passerelle.sites.SiteDirectory;
import org.springframework.stereotype.Component;

/** {@code Location}: where each site gives care. */
@Component
class LocationProvider implements IResourceProvider {

    private final SiteDirectory sites;

    LocationProvider(SiteDirectory sites) {
        this.sites = sites;
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id) {
        return sites.site(Ids.of(id, "site"))
                .map(SiteResources::location)
                .orElseThrow(() -> DomainException.notFound("site"));
    }

    @Search
    public List<Location> all() {
        return sites.sites().stream().map(SiteResources::location).toList();
    }
}
