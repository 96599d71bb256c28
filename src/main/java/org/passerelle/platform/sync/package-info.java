/**
 * What every module whose records devices hold offline gives the sync module: a {@link
 * org.passerelle.platform.sync.SyncedRecords} bean per record type, which applies a mutation pushed
 * by a device through the module's own write path and lists the changes a user may pull.
 */
@NullMarked
package org.passerelle.platform.sync;

import org.jspecify.annotations.NullMarked;
