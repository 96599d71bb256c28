package org.passerelle.fhir;

import java.time.LocalDate;
import java.util.Date;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.Sex;

/** A person's record as a FHIR {@code Patient}. */
final class PatientResources {

    static final String UCUM = "http://unitsofmeasure.org";

    private PatientResources() {}

    static Patient of(Person person) {
        Patient patient = new Patient();
        patient.setIdElement(new IdType("Patient", person.id().toString(), Long.toString(person.version())));
        patient.getMeta().setLastUpdated(Date.from(person.updatedAt()));
        patient.addIdentifier().setSystem(FhirSystems.PATIENT_CODE).setValue(person.patientCode());
        patient.addName().setUse(NameUse.USUAL).setText(person.chosenName());
        for (OtherName other : person.otherNames()) {
            patient.addName().setUse(use(other.kind())).setText(other.name());
        }
        patient.setGender(gender(person.sex()));
        BirthDate birthDate = person.birthDate();
        if (birthDate != null) {
            patient.setBirthDateElement(birthDate(birthDate));
        }
        for (String language : person.languages().stream().sorted().toList()) {
            patient.addCommunication()
                    .setLanguage(new CodeableConcept()
                            .addCoding(new org.hl7.fhir.r4.model.Coding()
                                    .setSystem("urn:ietf:bcp:47")
                                    .setCode(language)));
        }
        String phone = person.phone();
        if (phone != null) {
            patient.addTelecom()
                    .setSystem(ContactPoint.ContactPointSystem.PHONE)
                    .setValue(phone);
        }
        patient.setManagingOrganization(new Reference("Organization/" + person.registeredSiteId()));
        return patient;
    }

    /**
     * How FHIR says what kind of name this is; FHIR has no use for another spelling or the name in
     * its original script, which are names the person goes by as much as the chosen one.
     */
    static NameUse use(NameKind kind) {
        return switch (kind) {
            case ALIAS -> NameUse.NICKNAME;
            case PREVIOUS -> NameUse.OLD;
            case OFFICIAL -> NameUse.OFFICIAL;
            case SPELLING, ORIGINAL_SCRIPT -> NameUse.USUAL;
        };
    }

    static AdministrativeGender gender(Sex sex) {
        return switch (sex) {
            case FEMALE -> AdministrativeGender.FEMALE;
            case MALE -> AdministrativeGender.MALE;
            case OTHER -> AdministrativeGender.OTHER;
            case UNKNOWN -> AdministrativeGender.UNKNOWN;
        };
    }

    /**
     * The birth date as precisely as it is known: a day, a month or a year; an estimated age gives
     * the year it implies, with the age and the day of the estimate in an extension.
     */
    static DateType birthDate(BirthDate birthDate) {
        LocalDate date = birthDate.date();
        DateType element = switch (birthDate.precision()) {
            case EXACT -> new DateType(date.toString());
            case MONTH -> new DateType(date.toString().substring(0, 7));
            case YEAR, ESTIMATED -> new DateType(Integer.toString(date.getYear()));
        };
        Integer age = birthDate.estimatedAge();
        LocalDate on = birthDate.estimatedOn();
        if (age != null && on != null) {
            Extension estimate = element.addExtension().setUrl(FhirSystems.ESTIMATED_AGE);
            Age years = new Age();
            years.setValue(age).setUnit("years").setSystem(UCUM).setCode("a");
            estimate.addExtension("age", years);
            estimate.addExtension("estimatedOn", new DateType(on.toString()));
        }
        return element;
    }
}
