/**
 * Consultations of every discipline and each person's history of care.
 * {@link org.passerelle.care.Consultations} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Care",
        allowedDependencies = {"platform", "access", "audit", "people", "sites"})
package org.passerelle.care;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
