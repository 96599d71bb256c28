package org.passerelle.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Dosage;
import org.hl7.fhir.r4.model.Duration;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationRequest.MedicationRequestStatus;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Timing;
import org.hl7.fhir.r4.model.Timing.EventTiming;
import org.passerelle.care.EncounterViews;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.coding.Medicine;
import org.passerelle.care.coding.MedicineFormulary;
import org.passerelle.platform.Language;
import tools.jackson.databind.JsonNode;

/**
 * The lines of a consultation's prescription (the forms' {@code prescription} field) as {@code
 * MedicationRequest}s: the medicine by its WHO ATC code, and a dosage per moment of the day with
 * the course's length, as the dosage sheet prints them.
 */
final class MedicationRequests {

    static final String ATC = "http://www.whocc.no/atc";
    static final String LINE = "rx";
    private static final String PRESCRIPTION = "prescription";
    private static final List<String> MOMENTS = List.of("morning", "noon", "evening", "night");
    private static final List<EventTiming> WHEN =
            List.of(EventTiming.MORN, EventTiming.NOON, EventTiming.EVE, EventTiming.NIGHT);

    private MedicationRequests() {}

    /** The consultation's lines, numbered from 0 as the stock module dispenses them. */
    static List<MedicationRequest> of(Encounter encounter, MedicineFormulary formulary, LocalDate today) {
        List<MedicationRequest> requests = new ArrayList<>();
        JsonNode lines = encounter.answers().path(PRESCRIPTION);
        for (int line = 0; line < lines.size(); line++) {
            requests.add(of(encounter, line, lines.get(line), formulary, today));
        }
        return requests;
    }

    private static MedicationRequest of(
            Encounter encounter, int line, JsonNode prescribed, MedicineFormulary formulary, LocalDate today) {
        MedicationRequest request = new MedicationRequest();
        request.setIdElement(new IdType("MedicationRequest", ConsultationRecords.id(encounter, LINE + line)));
        ConsultationRecords.describe(request, encounter);
        int days = prescribed.path("days").asInt(1);
        request.setStatus(status(encounter, days, today));
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        String code = prescribed.path("medicine").asString();
        Medicine medicine = formulary.find(code).orElse(null);
        request.setMedication(medicine == null ? new CodeableConcept().setText(code) : medication(medicine));
        request.setSubject(ConsultationRecords.subject(encounter));
        request.setEncounter(ConsultationRecords.encounter(encounter));
        if (encounter.signedAt() != null) {
            request.setAuthoredOn(Date.from(encounter.signedAt()));
        }
        request.setRequester(ConsultationRecords.provider(encounter));
        for (int moment = 0; moment < MOMENTS.size(); moment++) {
            BigDecimal dose = prescribed.path(MOMENTS.get(moment)).decimalValue(BigDecimal.ZERO);
            if (dose.signum() > 0) {
                request.addDosageInstruction(dosage(dose, WHEN.get(moment), days, medicine, prescribed));
            }
        }
        return request;
    }

    private static MedicationRequestStatus status(Encounter encounter, int days, LocalDate today) {
        if (encounter.status() == EncounterViews.Status.DRAFT) {
            return MedicationRequestStatus.DRAFT;
        }
        return encounter.occurredOn().plusDays(days).isAfter(today)
                ? MedicationRequestStatus.ACTIVE
                : MedicationRequestStatus.COMPLETED;
    }

    private static CodeableConcept medication(Medicine medicine) {
        String text = medicine.nameEn() + " " + medicine.strength() + " ("
                + medicine.form().labels().en() + ")";
        return new CodeableConcept(new Coding(ATC, medicine.atc(), medicine.nameEn())).setText(text);
    }

    private static Dosage dosage(
            BigDecimal dose,
            EventTiming when,
            int days,
            @org.jspecify.annotations.Nullable Medicine medicine,
            JsonNode prescribed) {
        Dosage dosage = new Dosage();
        Timing.TimingRepeatComponent repeat = dosage.getTiming().getRepeat();
        repeat.addWhen(when);
        repeat.setBounds(new Duration()
                .setValue(days)
                .setUnit("days")
                .setSystem(PatientResources.UCUM)
                .setCode("d"));
        Quantity quantity = new Quantity().setValue(dose);
        if (medicine != null) {
            quantity.setUnit(medicine.unit().label(Language.EN, dose));
        }
        dosage.addDoseAndRate().setDose(quantity);
        String instructions = prescribed.path("instructions").asString("");
        if (!instructions.isBlank()) {
            dosage.setPatientInstruction(instructions);
        }
        return dosage;
    }
}
