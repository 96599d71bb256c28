/**
 * Shelters: the rooms and beds of a shelter site with their constraints, beds out of service,
 * emergency capacity opened for a run of nights, stays and the beds they hold night after night,
 * attendance with no-shows releasing their bed, the bed board, and a waiting list ranked by a
 * priority rule of weighted criteria that explains every rank. {@link
 * org.passerelle.shelters.Stays}, {@link org.passerelle.shelters.Beds} and {@link
 * org.passerelle.shelters.WaitingList} are the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Shelters",
        allowedDependencies = {"platform", "access", "audit", "sites", "people", "care"})
package org.passerelle.shelters;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
