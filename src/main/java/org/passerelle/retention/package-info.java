/**
 * How long records are kept, and their removal once that time is over: one rule (months, enabled)
 * per record type, a daily purge job, and a dry-run report of what a purge would remove now. The
 * record types come from the modules that own the records, as
 * {@link org.passerelle.platform.retention.RetainedRecords} beans. {@link org.passerelle.retention.Retention}
 * is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Retention",
        allowedDependencies = {"platform", "access", "audit"})
package org.passerelle.retention;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
