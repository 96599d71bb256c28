package org.passerelle.fhir;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.Consultations;
import org.passerelle.care.EncounterReads;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * The consultations, with their answers, that the resources recorded in them ({@code Observation},
 * {@code Condition}, {@code MedicationRequest}) come from: a person's history and each consultation
 * read through the care module, so with its compartments, its hiding of others' drafts and its
 * audit lines (the history's, then one per consultation read).
 */
@Component
class ConsultationRecords {

    private final Consultations consultations;
    private final EncounterReads reads;

    ConsultationRecords(Consultations consultations, EncounterReads reads) {
        this.consultations = consultations;
        this.reads = reads;
    }

    /** The person's consultations the user reads, newest first. */
    List<Encounter> ofPatient(UUID personId) {
        return consultations.history(personId).stream()
                .map(Consultation::id)
                .map(reads::get)
                .toList();
    }

    /** One consultation, not found when the user may not read it. */
    Encounter get(UUID encounterId) {
        return reads.get(encounterId);
    }

    /**
     * The id of what a consultation recorded: the consultation's id, a dash and the part ({@code
     * weight}, {@code J06.9}, {@code 2}...), within FHIR's 64 characters.
     */
    static String id(Encounter encounter, String part) {
        return encounter.id() + "-" + part;
    }

    /** A part's id split back into the consultation's id and the part. */
    record PartId(UUID encounterId, String part) {

        private static final int UUID_LENGTH = 36;

        static PartId of(IIdType id, String recordType) {
            String value = id.getIdPart();
            if (value == null || value.length() < UUID_LENGTH + 2 || value.charAt(UUID_LENGTH) != '-') {
                throw DomainException.notFound(recordType);
            }
            UUID encounterId = Ids.of(new IdType(value.substring(0, UUID_LENGTH)), recordType);
            return new PartId(encounterId, value.substring(UUID_LENGTH + 1));
        }
    }

    /** What every resource recorded in a consultation says of it: compartment, subject, encounter. */
    static void describe(Resource resource, Encounter encounter) {
        resource.getMeta().addTag(FhirSystems.COMPARTMENT, code(encounter.compartment()), null);
        resource.getMeta().setVersionId(Integer.toString(Math.max(encounter.revision(), 1)));
    }

    static Reference subject(Encounter encounter) {
        return new Reference("Patient/" + encounter.personId());
    }

    static Reference encounter(Encounter encounter) {
        return new Reference("Encounter/" + encounter.id());
    }

    static Reference provider(Encounter encounter) {
        return new Reference("Practitioner/" + encounter.providerId()).setDisplay(encounter.providerName());
    }

    static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
