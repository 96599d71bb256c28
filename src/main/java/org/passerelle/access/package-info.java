/**
 * Users, roles and site scopes; login with a session cookie and CSRF protection. Other modules
 * ask {@link org.passerelle.access.CurrentUsers} who is acting and at which site.
 */
@NullMarked
@ApplicationModule(
        displayName = "Access",
        allowedDependencies = {"platform", "sites"})
package org.passerelle.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
