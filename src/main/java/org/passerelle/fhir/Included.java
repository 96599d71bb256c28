package org.passerelle.fhir;

import ca.uhn.fhir.model.api.Include;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.PersonRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code _include} of a search's patient ({@code Encounter:patient}, {@code Observation:subject}...):
 * the person is read once through the registry, with its access check and {@code READ} line, and
 * given beside the results, HAPI adding it to each page as an included entry.
 */
@Component
class Included {

    private final PersonRegistry registry;

    Included(PersonRegistry registry) {
        this.registry = registry;
    }

    /** Sets the patient on each result's reference to them when the client asked for it. */
    <T extends Resource> List<T> withPatient(
            @Nullable Set<Include> includes, UUID personId, List<T> found, Function<T, Reference> patientOf) {
        if (includes == null || includes.isEmpty() || found.isEmpty()) {
            return found;
        }
        Patient patient = PatientResources.of(registry.get(personId));
        found.forEach(resource -> patientOf.apply(resource).setResource(patient));
        return found;
    }
}
