package org.passerelle.fhir;

import ca.uhn.fhir.rest.param.ReferenceParam;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;

/** The person a search's {@code patient} or {@code subject} parameter names. */
final class Patients {

    private Patients() {}

    static UUID id(ReferenceParam patient) {
        String type = patient.getResourceType();
        if (type != null && !type.isEmpty() && !"Patient".equals(type)) {
            throw FhirProblems.unsupportedSearch("patient");
        }
        return Ids.of(new IdType(patient.getIdPart()), "person");
    }
}
