/**
 * Bulk import of persons from a programme's spreadsheets (CSV or XLSX): the file read and kept in
 * memory for an hour, its columns mapped to the registry's fields, each row checked with the
 * registry's rules, likely duplicates found within the file and against the registry by the
 * matching engine, then one audited job that writes every accepted person or nothing, with its
 * progress and a report of the rows refused and why. {@link org.passerelle.imports.Imports} is the
 * module's API.
 */
@NullMarked
@ApplicationModule(
        displayName = "Imports",
        allowedDependencies = {"platform", "access", "audit", "sites", "people"})
package org.passerelle.imports;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
