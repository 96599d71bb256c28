package org.passerelle.fhir;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonViews.BirthDateInput;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.Sex;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;

/**
 * A {@code Patient} a client sends, as the details of a person the people module registers or
 * corrects: the inverse of {@link PatientResources}, checked with the same rules as the API's body.
 * What FHIR does not carry here (the country of origin, the flags, whether a {@code usual} name is
 * another spelling or the name in its original script) is kept from the person's record on an
 * update.
 */
@Component
class PatientDetails {

    /** The API's fields, as the elements of a {@code Patient} that hold them. */
    private static final Map<String, String> ELEMENTS = Map.of(
            "chosenName", "Patient.name",
            "otherNames", "Patient.name",
            "sex", "Patient.gender",
            "birthDate", "Patient.birthDate",
            "languages", "Patient.communication",
            "phone", "Patient.telecom");

    private final Validator validator;

    PatientDetails(Validator validator) {
        this.validator = validator;
    }

    /** The details {@code patient} gives, over those of {@code current} when it corrects a record. */
    PersonDetails of(Patient patient, @Nullable Person current) {
        List<HumanName> names =
                patient.getName().stream().filter(name -> !text(name).isEmpty()).toList();
        if (names.isEmpty()) {
            throw DomainException.invalidInput("Patient.name");
        }
        HumanName chosen = names.stream()
                .filter(name -> name.getUse() == NameUse.USUAL)
                .findFirst()
                .orElse(names.getFirst());
        List<OtherName> others = new ArrayList<>();
        for (HumanName name : names) {
            if (name != chosen) {
                others.add(otherName(text(name), name.getUse(), current));
            }
        }
        PersonDetails details = new PersonDetails(
                text(chosen),
                others,
                sex(patient),
                birthDate(patient),
                languages(patient),
                current == null ? null : current.countryOfOrigin(),
                phone(patient),
                current == null ? Set.<Flag>of() : current.flags());
        return valid(details);
    }

    private PersonDetails valid(PersonDetails details) {
        Set<ConstraintViolation<PersonDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            String path = violations.iterator().next().getPropertyPath().toString();
            String field = path.replaceAll("[.\\[].*", "");
            throw DomainException.invalidInput(ELEMENTS.getOrDefault(field, "Patient"));
        }
        return details;
    }

    /** A name as one text: the text given, or the given names then the family name. */
    private static String text(HumanName name) {
        if (name.hasText() && !name.getText().isBlank()) {
            return name.getText().strip();
        }
        List<String> parts = new ArrayList<>();
        name.getGiven().stream().map(StringType::getValue).forEach(parts::add);
        parts.add(name.getFamily());
        return parts.stream()
                .filter(part -> part != null && !part.isBlank())
                .map(String::strip)
                .collect(Collectors.joining(" "));
    }

    /**
     * Another name, of the kind its FHIR use says; a {@code usual} name the record already holds
     * keeps its kind, script and language.
     */
    private static OtherName otherName(String text, @Nullable NameUse use, @Nullable Person current) {
        if (current != null) {
            for (OtherName known : current.otherNames()) {
                if (known.name().equals(text) && (use == null || PatientResources.use(known.kind()) == use)) {
                    return known;
                }
            }
        }
        NameKind kind = switch (use == null ? NameUse.USUAL : use) {
            case OFFICIAL -> NameKind.OFFICIAL;
            case OLD, MAIDEN -> NameKind.PREVIOUS;
            case NICKNAME, ANONYMOUS, TEMP -> NameKind.ALIAS;
            default -> NameKind.SPELLING;
        };
        return new OtherName(text, kind, null, null);
    }

    private static Sex sex(Patient patient) {
        if (!patient.hasGender()) {
            return Sex.UNKNOWN;
        }
        return switch (patient.getGender()) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case OTHER -> Sex.OTHER;
            default -> Sex.UNKNOWN;
        };
    }

    /**
     * The birth date with the precision FHIR gives it; with Passerelle's estimated-age extension, the
     * age and the day it was estimated on instead.
     */
    private static @Nullable BirthDateInput birthDate(Patient patient) {
        if (!patient.hasBirthDateElement()) {
            return null;
        }
        DateType element = patient.getBirthDateElement();
        Extension estimate = element.getExtensionByUrl(FhirSystems.ESTIMATED_AGE);
        if (estimate != null) {
            Extension age = estimate.getExtensionByUrl("age");
            Extension on = estimate.getExtensionByUrl("estimatedOn");
            if (age == null
                    || !(age.getValue() instanceof Age years)
                    || years.getValue() == null
                    || on == null
                    || !(on.getValue() instanceof DateType day)
                    || day.getValue() == null
                    || day.getPrecision() != TemporalPrecisionEnum.DAY) {
                throw DomainException.invalidInput("Patient.birthDate");
            }
            return new BirthDateInput(
                    BirthDate.Precision.ESTIMATED, null, years.getValue().intValue(), localDate(day));
        }
        if (element.getValue() == null) {
            throw DomainException.invalidInput("Patient.birthDate");
        }
        LocalDate date = localDate(element);
        return switch (element.getPrecision()) {
            case YEAR -> new BirthDateInput(BirthDate.Precision.YEAR, date, null, null);
            case MONTH -> new BirthDateInput(BirthDate.Precision.MONTH, date, null, null);
            default -> new BirthDateInput(BirthDate.Precision.EXACT, date, null, null);
        };
    }

    private static LocalDate localDate(DateType date) {
        int month = date.getPrecision() == TemporalPrecisionEnum.YEAR ? 1 : date.getMonth() + 1;
        int day = date.getPrecision() == TemporalPrecisionEnum.DAY ? date.getDay() : 1;
        return LocalDate.of(date.getYear(), month, day);
    }

    /** The languages spoken, by their primary BCP 47 subtag ({@code fr} for {@code fr-FR}). */
    private static Set<String> languages(Patient patient) {
        Set<String> languages = new LinkedHashSet<>();
        for (Patient.PatientCommunicationComponent communication : patient.getCommunication()) {
            for (Coding coding : communication.getLanguage().getCoding()) {
                if (coding.hasCode()) {
                    languages.add(coding.getCode().split("-")[0].toLowerCase(Locale.ROOT));
                }
            }
        }
        return languages;
    }

    private static @Nullable String phone(Patient patient) {
        return patient.getTelecom().stream()
                .filter(telecom -> telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE && telecom.hasValue())
                .map(ContactPoint::getValue)
                .findFirst()
                .orElse(null);
    }
}
