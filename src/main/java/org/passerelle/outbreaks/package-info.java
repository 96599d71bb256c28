/**
 * Outbreaks: the line list of each disease (cholera, measles, scabies, diphtheria, tuberculosis,
 * declared as data with their case definitions, severities and alert thresholds), each case linked
 * to a person or anonymous, its classification and its history, the weekly epidemic curve, attack
 * rates where a place's population is known, case fatality and the alerts raised when a threshold
 * is crossed; and the case-area response around cholera cases: a ring around the case, the
 * anonymous households visited in it, what each received and the free residual chlorine measured.
 * {@link org.passerelle.outbreaks.Cases}, {@link org.passerelle.outbreaks.Diseases} and {@link
 * org.passerelle.outbreaks.Rings} are the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Outbreaks",
        allowedDependencies = {"platform", "access", "audit", "sites", "people"})
package org.passerelle.outbreaks;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
