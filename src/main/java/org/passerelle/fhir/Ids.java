package org.passerelle.fhir;

import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.passerelle.platform.DomainException;

/** Record ids in FHIR's logical ids: an id that is no UUID names no record. */
final class Ids {

    private Ids() {}

    static UUID of(IIdType id, String recordType) {
        try {
            return UUID.fromString(id.getIdPart());
        } catch (IllegalArgumentException | NullPointerException notAnId) {
            throw DomainException.notFound(recordType);
        }
    }
}
