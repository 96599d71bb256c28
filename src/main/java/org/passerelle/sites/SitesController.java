package org.passerelle.sites;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.sites.SiteViews.LocationCoordinates;
import org.passerelle.sites.SiteViews.NewOutreachLocation;
import org.passerelle.sites.SiteViews.NewProgramme;
import org.passerelle.sites.SiteViews.NewSite;
import org.passerelle.sites.SiteViews.OutreachLocation;
import org.passerelle.sites.SiteViews.Programme;
import org.passerelle.sites.SiteViews.Site;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class SitesController {

    private final SiteDirectory directory;

    SitesController(SiteDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/programmes")
    List<Programme> programmes() {
        return directory.programmes();
    }

    @PostMapping("/programmes")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Programme createProgramme(@Valid @RequestBody NewProgramme command) {
        return directory.createProgramme(command);
    }

    @GetMapping("/sites")
    List<Site> sites() {
        return directory.sites();
    }

    @PostMapping("/sites")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    Site createSite(@Valid @RequestBody NewSite command) {
        return directory.createSite(command);
    }

    @GetMapping("/sites/{siteId}/outreach-locations")
    List<OutreachLocation> outreachLocations(@PathVariable UUID siteId) {
        return directory.outreachLocations(siteId);
    }

    @PostMapping("/sites/{siteId}/outreach-locations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'COORDINATOR')")
    OutreachLocation addOutreachLocation(@PathVariable UUID siteId, @Valid @RequestBody NewOutreachLocation command) {
        return directory.addOutreachLocation(siteId, command);
    }

    @PutMapping("/sites/{siteId}/outreach-locations/{locationId}/coordinates")
    @PreAuthorize("hasAnyRole('ADMINISTRATOR', 'COORDINATOR')")
    OutreachLocation placeOutreachLocation(
            @PathVariable UUID siteId, @PathVariable UUID locationId, @Valid @RequestBody LocationCoordinates at) {
        return directory.placeOutreachLocation(siteId, locationId, at);
    }
}
