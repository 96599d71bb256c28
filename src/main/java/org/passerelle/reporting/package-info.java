/**
 * Activity figures for coordinators, donors and health authorities: the indicator catalogue,
 * counts by site, programme and period with their disaggregations, CSV/XLSX exports and DHIS2
 * exchange. {@link org.passerelle.reporting.Reports} is the module's API.
 *
 * <p>Indicators are declared as data in {@code reporting/indicators/*.json} resources, each
 * counting rows of a fact relation that a module publishes in its own schema; see {@link
 * org.passerelle.reporting.IndicatorCatalogue}. No module depends on this one.
 */
@NullMarked
@ApplicationModule(
        displayName = "Reporting",
        allowedDependencies = {"platform", "access", "audit", "people", "sites"})
package org.passerelle.reporting;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
