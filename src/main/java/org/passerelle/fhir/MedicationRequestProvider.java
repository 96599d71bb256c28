package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.coding.MedicineFormulary;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * {@code MedicationRequest}: the prescription lines of consultations, read by id or searched by
 * patient and date (the day of the consultation), from the consultations the user reads.
 */
@Component
class MedicationRequestProvider implements IResourceProvider {

    private static final String RECORD_TYPE = "medication-request";

    private final ConsultationRecords consultations;
    private final MedicineFormulary formulary;
    private final CurrentUsers users;
    private final Clock clock;

    MedicationRequestProvider(
            ConsultationRecords consultations, MedicineFormulary formulary, CurrentUsers users, Clock clock) {
        this.consultations = consultations;
        this.formulary = formulary;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Class<MedicationRequest> getResourceType() {
        return MedicationRequest.class;
    }

    @Read
    public MedicationRequest read(@IdParam IdType id) {
        ConsultationRecords.PartId part = ConsultationRecords.PartId.of(id, RECORD_TYPE);
        return MedicationRequests.of(consultations.get(part.encounterId()), formulary, LocalDate.now(clock)).stream()
                .filter(request -> request.getIdPart().equals(id.getIdPart()))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = MedicationRequest.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = MedicationRequest.SP_AUTHOREDON) @Nullable DateRangeParam authored) {
        LocalDate today = LocalDate.now(clock);
        List<MedicationRequest> found = consultations.ofPatient(Patients.id(patient)).stream()
                .filter(encounter -> Dates.within(authored, encounter.occurredOn()))
                .flatMap(encounter -> MedicationRequests.of(encounter, formulary, today).stream())
                .toList();
        return new Pages<>(found, page -> page, users);
    }
}
