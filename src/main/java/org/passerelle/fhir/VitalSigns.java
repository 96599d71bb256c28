package org.passerelle.fhir;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Observation.ObservationComponentComponent;
import org.hl7.fhir.r4.model.Quantity;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.EncounterViews;
import org.passerelle.care.EncounterViews.Encounter;
import tools.jackson.databind.JsonNode;

/**
 * The measurements of a consultation's form as {@code Observation}s coded in LOINC, with UCUM
 * units, and with FHIR's vital signs profile where R4 has one. Blood pressure is one observation
 * with its systolic and diastolic components, as that profile asks.
 */
final class VitalSigns {

    static final String LOINC = "http://loinc.org";
    static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    static final String PROFILE = "http://hl7.org/fhir/StructureDefinition/";
    static final String BLOOD_PRESSURE = "blood-pressure";

    /** A measured field of the forms, by the code it has in every form. */
    enum Vital {
        TEMPERATURE("temperature", "8310-5", "Body temperature", "Cel", "°C", "bodytemp"),
        HEART_RATE("heart-rate", "8867-4", "Heart rate", "/min", "/min", "heartrate"),
        RESPIRATORY_RATE("respiratory-rate", "9279-1", "Respiratory rate", "/min", "/min", "resprate"),
        OXYGEN_SATURATION("spo2", "2708-6", "Oxygen saturation in Arterial blood", "%", "%", "oxygensat"),
        WEIGHT("weight", "29463-7", "Body weight", "kg", "kg", "bodyweight"),
        HEIGHT("height", "8302-2", "Body height", "cm", "cm", "bodyheight"),
        BODY_MASS_INDEX("bmi", "39156-5", "Body mass index (BMI) [Ratio]", "kg/m2", "kg/m²", "bmi"),
        MID_UPPER_ARM("muac", "56072-2", "Mid upper arm circumference", "mm", "mm", null),
        BLOOD_GLUCOSE("blood-glucose", "2339-0", "Glucose [Mass/volume] in Blood", "g/L", "g/L", null);

        final String field;
        final String loinc;
        final String display;
        final String ucum;
        final String unit;
        final @Nullable String profile;

        Vital(String field, String loinc, String display, String ucum, String unit, @Nullable String profile) {
            this.field = field;
            this.loinc = loinc;
            this.display = display;
            this.ucum = ucum;
            this.unit = unit;
            this.profile = profile;
        }

        String category() {
            return this == BLOOD_GLUCOSE ? "laboratory" : "vital-signs";
        }
    }

    private VitalSigns() {}

    /** Every measurement the consultation recorded, in the order of {@link Vital}, pressure last. */
    static List<Observation> of(Encounter encounter) {
        List<Observation> observations = new ArrayList<>();
        for (Vital vital : Vital.values()) {
            measured(encounter.answers(), vital.field)
                    .ifPresent(value -> observations.add(of(encounter, vital, value)));
        }
        bloodPressure(encounter).ifPresent(observations::add);
        return observations;
    }

    /** One of them by its part of the id: the field's code, or {@code blood-pressure}. */
    static Optional<Observation> of(Encounter encounter, String part) {
        return of(encounter).stream()
                .filter(observation -> observation.getIdPart().equals(ConsultationRecords.id(encounter, part)))
                .findFirst();
    }

    private static Observation of(Encounter encounter, Vital vital, BigDecimal value) {
        Observation observation = base(encounter, vital.field, vital.category(), vital.profile);
        observation.setCode(code(vital.loinc, vital.display));
        observation.setValue(quantity(value, vital.ucum, vital.unit));
        return observation;
    }

    private static Optional<Observation> bloodPressure(Encounter encounter) {
        Optional<BigDecimal> systolic = measured(encounter.answers(), "bp-systolic");
        Optional<BigDecimal> diastolic = measured(encounter.answers(), "bp-diastolic");
        if (systolic.isEmpty() && diastolic.isEmpty()) {
            return Optional.empty();
        }
        Observation observation = base(encounter, BLOOD_PRESSURE, "vital-signs", "bp");
        observation.setCode(code("85354-9", "Blood pressure panel with all children optional"));
        observation.addComponent(component("8480-6", "Systolic blood pressure", systolic));
        observation.addComponent(component("8462-4", "Diastolic blood pressure", diastolic));
        return Optional.of(observation);
    }

    private static ObservationComponentComponent component(String loinc, String display, Optional<BigDecimal> value) {
        ObservationComponentComponent component = new ObservationComponentComponent(code(loinc, display));
        value.ifPresentOrElse(
                pressure -> component.setValue(quantity(pressure, "mm[Hg]", "mmHg")),
                () -> component.setDataAbsentReason(new CodeableConcept(new Coding(
                        "http://terminology.hl7.org/CodeSystem/data-absent-reason", "not-asked", "Not Asked"))));
        return component;
    }

    private static Observation base(Encounter encounter, String part, String category, @Nullable String profile) {
        Observation observation = new Observation();
        observation.setIdElement(new IdType("Observation", ConsultationRecords.id(encounter, part)));
        ConsultationRecords.describe(observation, encounter);
        if (profile != null) {
            observation.getMeta().addProfile(PROFILE + profile);
        }
        observation.setStatus(status(encounter));
        observation.addCategory(new CodeableConcept(new Coding(CATEGORY, category, null)));
        observation.setSubject(ConsultationRecords.subject(encounter));
        observation.setEncounter(ConsultationRecords.encounter(encounter));
        observation.setEffective(new DateTimeType(encounter.occurredOn().toString()));
        if (encounter.signedAt() != null) {
            observation.setIssued(Date.from(encounter.signedAt()));
        }
        observation.addPerformer(ConsultationRecords.provider(encounter));
        return observation;
    }

    private static Observation.ObservationStatus status(Encounter encounter) {
        if (encounter.status() == EncounterViews.Status.DRAFT) {
            return Observation.ObservationStatus.PRELIMINARY;
        }
        return encounter.revision() > 1 ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL;
    }

    private static CodeableConcept code(String loinc, String display) {
        return new CodeableConcept(new Coding(LOINC, loinc, display)).setText(display);
    }

    private static Quantity quantity(BigDecimal value, String ucum, String unit) {
        return new Quantity()
                .setValue(value)
                .setUnit(unit)
                .setSystem(PatientResources.UCUM)
                .setCode(ucum);
    }

    private static Optional<BigDecimal> measured(JsonNode answers, String field) {
        JsonNode value = answers.path(field);
        return value.isNumber() ? Optional.of(value.decimalValue()) : Optional.empty();
    }
}
