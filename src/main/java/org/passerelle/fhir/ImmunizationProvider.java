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
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.PositiveIntType;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.vaccination.Doses;
import org.passerelle.vaccination.VaccinationViews.VaccineDose;
import org.passerelle.vaccination.VaccineCatalogue;
import org.springframework.stereotype.Component;

/**
 * {@code Immunization}: the vaccine doses on a person's file, read by id or searched by patient and
 * date, through the vaccination module (a carer who reaches the file and opens its general
 * compartment; every read audited).
 */
@Component
class ImmunizationProvider implements IResourceProvider {

    private final Doses doses;
    private final VaccineCatalogue vaccines;
    private final CurrentUsers users;

    ImmunizationProvider(Doses doses, VaccineCatalogue vaccines, CurrentUsers users) {
        this.doses = doses;
        this.vaccines = vaccines;
        this.users = users;
    }

    @Override
    public Class<Immunization> getResourceType() {
        return Immunization.class;
    }

    @Read
    public Immunization read(@IdParam IdType id) {
        return of(doses.get(Ids.of(id, "vaccine-dose")));
    }

    @Search
    public IBundleProvider search(
            @RequiredParam(name = Immunization.SP_PATIENT) ReferenceParam patient,
            @OptionalParam(name = Immunization.SP_DATE) @Nullable DateRangeParam date) {
        List<Immunization> found = doses.ofPerson(Patients.id(patient)).stream()
                .filter(dose -> Dates.within(date, dose.givenOn()))
                .map(this::of)
                .toList();
        return new Pages<>(found, page -> page, users);
    }

    Immunization of(VaccineDose dose) {
        Immunization immunization = new Immunization();
        immunization.setIdElement(new IdType("Immunization", dose.id().toString(), Long.toString(dose.version())));
        immunization.getMeta().addTag(FhirSystems.COMPARTMENT, "general", null);
        immunization.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        String name = vaccines.find(dose.vaccineCode())
                .map(vaccine -> vaccine.names().getOrDefault("en", dose.vaccineCode()))
                .orElse(dose.vaccineCode());
        immunization.setVaccineCode(
                new CodeableConcept(new Coding(FhirSystems.VACCINE, dose.vaccineCode(), name)).setText(name));
        immunization.setPatient(new Reference("Patient/" + dose.personId()));
        immunization.setOccurrence(new DateTimeType(dose.givenOn().toString()));
        immunization.setPrimarySource(true);
        if (dose.lot() != null) {
            immunization.setLotNumber(dose.lot());
        }
        immunization.setLocation(new Reference("Location/" + dose.siteId()));
        immunization.addPerformer().setActor(new Reference().setDisplay(dose.givenBy()));
        immunization.addProtocolApplied().setDoseNumber(new PositiveIntType(dose.doseNumber()));
        return immunization;
    }
}
