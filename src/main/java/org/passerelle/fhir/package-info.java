/**
 * FHIR R4: a facade over the other modules' public APIs at {@code /fhir}, with HAPI FHIR's plain
 * server (one resource provider per resource type). It stores nothing of its own: every read and
 * search goes through the module that owns the record, with the same access checks and audit lines
 * as the JSON API.
 */
@NullMarked
@ApplicationModule(
        displayName = "FHIR",
        allowedDependencies = {
            "platform",
            "access",
            "people",
            "care",
            "care :: coding",
            "sites",
            "vaccination",
            "referrals"
        })
package org.passerelle.fhir;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
