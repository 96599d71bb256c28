/**
 * Vaccination: the doses given to a person, on their file, whether in routine care or in a
 * campaign, checked against the vaccine catalogue's number of doses and minimum intervals;
 * campaigns with their target population per site and age group, their live coverage counting each
 * person once, and the doses counted without names where registration is not possible. {@link
 * org.passerelle.vaccination.Doses}, {@link org.passerelle.vaccination.Campaigns} and {@link
 * org.passerelle.vaccination.VaccineCatalogue} are the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Vaccination",
        allowedDependencies = {"platform", "access", "audit", "sites", "people"})
package org.passerelle.vaccination;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
