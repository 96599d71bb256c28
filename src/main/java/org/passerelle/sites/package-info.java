/**
 * The organisation, its programmes, the sites where teams work (fixed sites, shelters, mobile
 * teams) and the outreach locations mobile teams visit. {@link org.passerelle.sites.SiteDirectory}
 * is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Sites",
        allowedDependencies = {"platform"})
package org.passerelle.sites;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
