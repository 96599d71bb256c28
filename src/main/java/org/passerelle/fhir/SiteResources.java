package org.passerelle.fhir;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Location;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.passerelle.sites.SiteKind;
import org.passerelle.sites.SiteViews.Site;

/**
 * A site as FHIR sees it twice: the {@code Organization} that provides care (and manages the
 * persons registered there), and the {@code Location} where that care is given, which for a
 * mobile team is wherever it goes.
 */
final class SiteResources {

    private static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

    private SiteResources() {}

    static Organization organization(Site site) {
        Organization organization = new Organization();
        organization.setIdElement(new IdType("Organization", site.id().toString()));
        organization.setActive(site.active());
        organization.setName(site.name());
        organization.addAlias(site.programmeName());
        addPhone(site, organization);
        return organization;
    }

    static Location location(Site site) {
        Location location = new Location();
        location.setIdElement(new IdType("Location", site.id().toString()));
        location.setStatus(site.active() ? Location.LocationStatus.ACTIVE : Location.LocationStatus.INACTIVE);
        location.setName(site.name());
        location.setMode(Location.LocationMode.INSTANCE);
        location.addType().addCoding(new Coding(ROLE_CODE, roleCode(site.kind()), null));
        String city = site.city();
        if (city != null) {
            location.getAddress().setCity(city);
        }
        location.setManagingOrganization(new Reference("Organization/" + site.id()));
        return location;
    }

    /** A fixed site is an outpatient clinic, a shelter a shelter, a mobile team a mobile unit. */
    private static String roleCode(SiteKind kind) {
        return switch (kind) {
            case FIXED -> "OF";
            case SHELTER -> "SH";
            case MOBILE_TEAM -> "MOBL";
        };
    }

    private static void addPhone(Site site, Organization organization) {
        String phone = site.phone();
        if (phone != null) {
            organization
                    .addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(phone);
        }
    }
}
