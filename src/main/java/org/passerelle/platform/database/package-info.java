/**
 * The one data source of the application, over an embedded PostgreSQL or an external server, with
 * each module's schema migrated from its own folder, the key vault's database, and bulk loading with
 * {@code COPY} ({@link org.passerelle.platform.database.PostgresCopy}).
 */
@NullMarked
package org.passerelle.platform.database;

import org.jspecify.annotations.NullMarked;
