/**
 * Backups a field team can make and restore: one encrypted, compressed file per backup holding
 * every module's tables and the key vault, readable only while its key epoch lives, so that an
 * erasure still reaches every copy at the next rotation. {@link org.passerelle.backup.Backups} is
 * the module's API; {@code ./passerelle backup} and {@code ./passerelle restore} its commands.
 */
@NullMarked
@ApplicationModule(
        displayName = "Backups",
        allowedDependencies = {"platform", "access", "audit", "people"})
package org.passerelle.backup;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
