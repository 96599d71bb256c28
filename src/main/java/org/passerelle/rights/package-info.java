/**
 * Rights: each person's rights file, kept by social and legal workers in the legal compartment —
 * the dated steps towards health coverage (AME, PUMa, CSS, European card), domiciliation, and for
 * minors the age assessment (declared and assessed ages kept apart) and child-protection steps —
 * with the documents gathered, who helps, and reminders before an expiry or when a request waits
 * too long. Nothing here serves immigration enforcement. {@link org.passerelle.rights.RightsFile}
 * is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Rights",
        allowedDependencies = {"platform", "access", "audit", "people"})
package org.passerelle.rights;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
