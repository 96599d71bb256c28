/**
 * Offline device synchronisation (see {@code docs/sync.md}): devices push the changes made offline
 * as idempotent mutations and pull what changed since a cursor, for every record type a module
 * declares as a {@link org.passerelle.platform.sync.SyncedRecords} bean; same-field conflicts are
 * kept and resolved by a person. {@link org.passerelle.sync.SyncService} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Sync",
        allowedDependencies = {"platform", "access", "audit", "people", "devices"})
package org.passerelle.sync;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
