/**
 * Shared infrastructure every module may use: identifiers, the domain exception family mapped
 * to problem details, the embedded or external database and the per-module migrations.
 */
@NullMarked
@ApplicationModule(
        displayName = "Platform",
        type = ApplicationModule.Type.OPEN,
        allowedDependencies = {})
package org.passerelle.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
