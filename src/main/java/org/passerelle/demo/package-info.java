/**
 * Believable, entirely invented data for demonstrations, training and load tests: an
 * organisation with its programmes, sites and one user per role, persons with the names,
 * spellings, birth-date precisions and languages met in the field, and a year of consultations.
 * {@link org.passerelle.demo.DemoGenerator} streams any number of them deterministically from a
 * seed; {@link org.passerelle.demo.DemoData} loads a set at start-up when asked to.
 */
@NullMarked
@ApplicationModule(
        displayName = "Demo data",
        allowedDependencies = {"platform", "access", "care", "people", "sites"})
package org.passerelle.demo;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
