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
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.Consultations;
import org.passerelle.care.EncounterViews;
import org.springframework.stereotype.Component;

/**
 * {@code Encounter}: a consultation, read by id or searched by patient and date, through the care
 * module: only those in the compartments the user opens (every one during a break-the-glass), a
 * consultation outside them not found, as in the JSON API.
 */
@Component
class EncounterProvider implements IResourceProvider {

    private static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

    private final Consultations consultations;
    private final CurrentUsers users;
    private final Included included;

    EncounterProvider(Consultations consultations, CurrentUsers users, Included included) {
        this.consultations = consultations;
        this.users = users;
        this.included = included;
    }

    @Override
    public Class<Encounter> getResourceType() {
        return Encounter.class;
    }

    @Read
    public Encounter read(@IdParam IdType id) {
        return of(consultations.get(Ids.of(id, "encounter")));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Encounter.SP_DATE) @Nullable DateRangeParam date,
            @IncludeParam(allow = {"Encounter:patient", "Encounter:subject"}) @Nullable Set<Include> includes) {
        UUID personId = Patients.id(patient);
        List<Encounter> found = consultations.history(personId).stream()
                .filter(consultation -> Dates.within(date, consultation.occurredOn()))
                .map(EncounterProvider::of)
                .toList();
        return new Pages<>(included.withPatient(includes, personId, found, Encounter::getSubject), page -> page, users);
    }

    static Encounter of(Consultation consultation) {
        Encounter encounter = new Encounter();
        encounter.setIdElement(new IdType(
                "Encounter", consultation.id().toString(), Integer.toString(Math.max(consultation.revision(), 1))));
        encounter.getMeta().setLastUpdated(Date.from(consultation.createdAt()));
        encounter.getMeta().addTag(FhirSystems.COMPARTMENT, code(consultation.compartment()), null);
        encounter.setStatus(
                consultation.status() == EncounterViews.Status.SIGNED
                        ? Encounter.EncounterStatus.FINISHED
                        : Encounter.EncounterStatus.INPROGRESS);
        encounter.setClass_(new Coding(ACT_CODE, "AMB", "ambulatory"));
        encounter.addType().addCoding(new Coding(FhirSystems.DISCIPLINE, code(consultation.discipline()), null));
        encounter.setSubject(new Reference("Patient/" + consultation.personId()));
        encounter
                .addParticipant()
                .setIndividual(new Reference("Practitioner/" + consultation.providerId())
                        .setDisplay(consultation.providerName()));
        encounter.setPeriod(new Period()
                .setStartElement(new DateTimeType(consultation.occurredOn().toString())));
        encounter.addLocation().setLocation(new Reference("Location/" + consultation.siteId()));
        encounter.setServiceProvider(new Reference("Organization/" + consultation.siteId()));
        return encounter;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
