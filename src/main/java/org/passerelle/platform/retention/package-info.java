/**
 * What every module that keeps records for a limited time gives the retention module: a
 * {@link org.passerelle.platform.retention.RetainedRecords} bean per record type, which counts and
 * purges the records older than a cutoff.
 */
@NullMarked
package org.passerelle.platform.retention;

import org.jspecify.annotations.NullMarked;
