/**
 * The append-only audit log: every login and every read and write of a person's data, with who,
 * when, which record and which site. {@link org.passerelle.audit.AuditLog} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"platform", "access"})
package org.passerelle.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
