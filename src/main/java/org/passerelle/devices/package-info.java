/**
 * The devices enrolled for offline work: a user enrols the phone or laptop they signed in on, sees
 * and revokes their own devices; administrators see and revoke every device. A device contacts the
 * server with its token to learn whether it is still enrolled, and wipes its local store when told
 * it was revoked. {@link org.passerelle.devices.Devices} is the module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Devices",
        allowedDependencies = {"platform", "access", "audit"})
package org.passerelle.devices;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
