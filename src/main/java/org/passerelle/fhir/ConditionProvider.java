package org.passerelle.fhir;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterViews;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.coding.DiagnosisCatalogue;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * {@code Condition}: the diagnoses coded in ICD-10 in consultations (the forms' {@code diagnoses}
 * field), one per consultation and code, as encounter diagnoses, read by id or searched by patient,
 * code and date, from the consultations the user reads.
 */
@Component
class ConditionProvider implements IResourceProvider {

    static final String ICD_10 = "http://hl7.org/fhir/sid/icd-10";
    private static final String RECORD_TYPE = "condition";
    private static final String DIAGNOSES = "diagnoses";
    private static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    private static final String VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

    private final ConsultationRecords consultations;
    private final DiagnosisCatalogue catalogue;
    private final CurrentUsers users;

    ConditionProvider(ConsultationRecords consultations, DiagnosisCatalogue catalogue, CurrentUsers users) {
        this.consultations = consultations;
        this.catalogue = catalogue;
        this.users = users;
    }

    @Override
    public Class<Condition> getResourceType() {
        return Condition.class;
    }

    @Read
    public Condition read(@IdParam IdType id) {
        ConsultationRecords.PartId part = ConsultationRecords.PartId.of(id, RECORD_TYPE);
        return of(consultations.get(part.encounterId())).stream()
                .filter(condition -> condition.getIdPart().equals(id.getIdPart()))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(RECORD_TYPE));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Condition.SP_CODE) @Nullable TokenParam code,
            @OptionalParam(name = Condition.SP_RECORDED_DATE) @Nullable DateRangeParam recorded) {
        List<Condition> found = consultations.ofPatient(Patients.id(patient)).stream()
                .filter(encounter -> Dates.within(recorded, encounter.occurredOn()))
                .flatMap(encounter -> of(encounter).stream())
                .filter(condition -> Tokens.matches(Condition.SP_CODE, code, condition.getCode()))
                .toList();
        return new Pages<>(found, page -> page, users);
    }

    /** The consultation's coded diagnoses, in the order they were given. */
    List<Condition> of(Encounter encounter) {
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode diagnosis : encounter.answers().path(DIAGNOSES)) {
            if (diagnosis.isString() && !diagnosis.asString().isBlank()) {
                conditions.add(of(encounter, diagnosis.asString()));
            }
        }
        return conditions;
    }

    private Condition of(Encounter encounter, String code) {
        Condition condition = new Condition();
        condition.setIdElement(new IdType("Condition", ConsultationRecords.id(encounter, code)));
        ConsultationRecords.describe(condition, encounter);
        boolean signed = encounter.status() == EncounterViews.Status.SIGNED;
        condition.setVerificationStatus(new CodeableConcept(
                new Coding(VERIFICATION, signed ? "confirmed" : "provisional", signed ? "Confirmed" : "Provisional")));
        condition.addCategory(new CodeableConcept(new Coding(CATEGORY, "encounter-diagnosis", "Encounter Diagnosis")));
        String title = catalogue.find(code).map(found -> found.labels().en()).orElse(code);
        condition.setCode(new CodeableConcept(new Coding(ICD_10, code, title)).setText(title));
        condition.setSubject(ConsultationRecords.subject(encounter));
        condition.setEncounter(ConsultationRecords.encounter(encounter));
        condition.setRecordedDateElement(new DateTimeType(encounter.occurredOn().toString()));
        condition.setRecorder(ConsultationRecords.provider(encounter));
        return condition;
    }
}
