package org.passerelle.fhir;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * {@code Observation}: the measurements recorded in consultations (vital signs, anthropometry,
 * blood glucose), read by id or searched by patient, code, category and date, from the
 * consultations the user reads.
 */
@Component
class ObservationProvider implements IResourceProvider {

    private static final String RECORD_TYPE = "observation";

    private final ConsultationRecords consultations;
    private final CurrentUsers users;
    private final Included included;

    ObservationProvider(ConsultationRecords consultations, CurrentUsers users, Included included) {
        this.consultations = consultations;
        this.users = users;
        this.included = included;
    }

    @Override
    public Class<Observation> getResourceType() {
        return Observation.class;
    }

    @Read
    public Observation read(@IdParam IdType id) {
        ConsultationRecords.PartId part = ConsultationRecords.PartId.of(id, RECORD_TYPE);
        Encounter encounter = consultations.get(part.encounterId());
        return VitalSigns.of(encounter, part.part()).orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Observation.SP_CODE) @Nullable TokenParam code,
            @OptionalParam(name = Observation.SP_CATEGORY) @Nullable TokenParam category,
            @OptionalParam(name = Observation.SP_DATE) @Nullable DateRangeParam date,
            @IncludeParam(allow = {"Observation:patient", "Observation:subject"}) @Nullable Set<Include> includes) {
        UUID personId = Patients.id(patient);
        List<Observation> found = consultations.ofPatient(personId).stream()
                .filter(encounter -> Dates.within(date, encounter.occurredOn()))
                .flatMap(encounter -> VitalSigns.of(encounter).stream())
                .filter(observation -> Tokens.matches(Observation.SP_CODE, code, observation.getCode()))
                .filter(observation ->
                        Tokens.matches(Observation.SP_CATEGORY, category, observation.getCategoryFirstRep()))
                .toList();
        return new Pages<>(
                included.withPatient(includes, personId, found, Observation::getSubject), page -> page, users);
    }
}
