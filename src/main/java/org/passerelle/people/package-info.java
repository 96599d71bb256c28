/**
 * The people served: registration with a chosen name and any other names, birth dates with their
 * precision, a patient code with a check character, editing with optimistic concurrency and a
 * simple search by name or code. {@link org.passerelle.people.PersonRegistry} is the module's API;
 * {@link org.passerelle.people.PersonalDataSource} is where every module holding personal data
 * hands it to the export a person is entitled to.
 */
@NullMarked
@ApplicationModule(
        displayName = "People",
        allowedDependencies = {"platform", "access", "audit", "sites"})
package org.passerelle.people;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
