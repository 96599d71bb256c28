/**
 * Water: the water points and tanks a site watches, with their coordinates, the readings of free
 * residual chlorine, turbidity and volume taken there (refused outside physical limits), the alert
 * a reading out of the configured range raises, a point's history, and the points as a map layer.
 * {@link org.passerelle.water.WaterPoints} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Water",
        allowedDependencies = {"platform", "access", "audit", "sites"})
package org.passerelle.water;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
