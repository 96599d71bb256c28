package org.passerelle.care;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.ClinicalSummaryRepository.DiagnosisSeen;
import org.passerelle.care.ClinicalSummaryRepository.FollowUpRow;
import org.passerelle.care.ClinicalSummaryViews.ClinicalSummary;
import org.passerelle.care.ClinicalSummaryViews.OpenFollowUp;
import org.passerelle.care.ClinicalSummaryViews.Pregnancy;
import org.passerelle.care.ClinicalSummaryViews.Problem;
import org.passerelle.care.ClinicalSummaryViews.Treatment;
import org.passerelle.care.coding.DiagnosisCatalogue;
import org.passerelle.care.coding.Labels;
import org.passerelle.care.coding.Medicine;
import org.passerelle.care.coding.MedicineFormulary;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.crypto.DataKey;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's clinical summary: problems, allergies, current treatments, pregnancy, open follow-ups
 * and the last consultation of each discipline, from the signed consultations in the compartments
 * the reader opens (all of them during a break-the-glass) — nothing from the others is counted.
 * Reading it is audited as a read of the person's file.
 */
@Service
@Transactional
public class ClinicalSummaries {

    static final String RECORD_TYPE = "clinical-summary";
    static final String ANTENATAL_FORM = "antenatal-visit";
    static final int PREGNANCY_DAYS = 280;

    private final ClinicalSummaryRepository repository;
    private final AllergyReader allergies;
    private final PersonAccess access;
    private final DiagnosisCatalogue diagnoses;
    private final MedicineFormulary medicines;
    private final SubjectKeys keys;
    private final AuditLog audit;
    private final Clock clock;

    ClinicalSummaries(
            ClinicalSummaryRepository repository,
            AllergyReader allergies,
            PersonAccess access,
            DiagnosisCatalogue diagnoses,
            MedicineFormulary medicines,
            SubjectKeys keys,
            AuditLog audit,
            Clock clock) {
        this.repository = repository;
        this.allergies = allergies;
        this.access = access;
        this.diagnoses = diagnoses;
        this.medicines = medicines;
        this.keys = keys;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The summary of a person's care as the current user may see it: the same check as the
     * history (site scope or break-the-glass, and the user's compartments).
     */
    public ClinicalSummary of(UUID personId) {
        PersonAccess.FileAccess file = access.requireFile(personId);
        Set<Compartment> compartments = file.compartments();
        if (compartments.isEmpty()) {
            throw DomainException.roleNotAllowed();
        }
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        LocalDate today = LocalDate.now(clock);
        DataKey key = keys.existingKey(personId).orElseThrow(() -> DomainException.notFound("person"));
        List<FollowUpRow> followUps = repository.openFollowUps(personId, programmesIn(compartments));
        return new ClinicalSummary(
                personId,
                today,
                allergies.of(personId, compartments, key),
                problems(personId, compartments, followUps),
                treatments(personId, compartments, today, key),
                pregnancy(personId, compartments, followUps, today),
                followUps.stream().map(ClinicalSummaries::openFollowUp).toList(),
                repository.lastConsultations(personId, compartments));
    }

    /** The title of a diagnosis in the three languages; the code itself for one no longer listed. */
    static Labels titleOf(DiagnosisCatalogue catalogue, String code) {
        return catalogue.find(code).map(found -> found.labels()).orElseGet(() -> new Labels(code, code, code));
    }

    private List<Problem> problems(UUID personId, Collection<Compartment> compartments, List<FollowUpRow> followUps) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        List<String> chronic = followUps.stream()
                .filter(row -> row.programme() == FollowUpProgramme.CHRONIC && row.conditionCode() != null)
                .map(FollowUpRow::conditionCode)
                .toList();
        for (DiagnosisSeen seen : repository.diagnoses(personId, compartments)) {
            problems.put(
                    seen.code(),
                    new Problem(
                            seen.code(),
                            titleOf(diagnoses, seen.code()),
                            seen.firstSeen(),
                            seen.lastSeen(),
                            seen.timesSeen(),
                            chronic.contains(seen.code())));
        }
        for (String code : chronic) {
            problems.putIfAbsent(code, new Problem(code, titleOf(diagnoses, code), null, null, 0, true));
        }
        return List.copyOf(problems.values());
    }

    private List<Treatment> treatments(
            UUID personId, Collection<Compartment> compartments, LocalDate today, DataKey key) {
        List<Treatment> treatments = new ArrayList<>();
        for (ClinicalSummaryRepository.PrescriptionRow row :
                repository.runningPrescriptions(personId, compartments, today)) {
            medicines.find(row.medicineCode()).ifPresent(medicine -> treatments.add(treatment(row, medicine, key)));
        }
        return treatments;
    }

    private static Treatment treatment(ClinicalSummaryRepository.PrescriptionRow row, Medicine medicine, DataKey key) {
        return new Treatment(
                row.encounterId(),
                medicine.code(),
                new ClinicalSummaryViews.MedicineName(medicine.nameFr(), medicine.nameEn()),
                medicine.strength(),
                medicine.form().labels(),
                medicine.unit().one(),
                medicine.unit().other(),
                row.morning(),
                row.noon(),
                row.evening(),
                row.night(),
                row.days(),
                row.startedOn(),
                row.startedOn().plusDays(row.days() - 1L),
                key.openNullable(EncounterRepository.INSTRUCTIONS, row.instructions()));
    }

    private @Nullable Pregnancy pregnancy(
            UUID personId, Collection<Compartment> compartments, List<FollowUpRow> followUps, LocalDate today) {
        return followUps.stream()
                .filter(row -> row.programme() == FollowUpProgramme.PREGNANCY)
                .findFirst()
                .map(row -> {
                    LocalDate dueDate = row.dueDate() != null
                            ? row.dueDate()
                            : repository.lastDueDate(
                                    personId, compartments, ANTENATAL_FORM, FollowUpProgramme.DUE_DATE_FIELD);
                    return pregnancy(row, dueDate, today);
                })
                .orElse(null);
    }

    /** Completed weeks (and days over) of pregnancy today, counted back 280 days from the due date. */
    static Pregnancy pregnancy(FollowUpRow row, @Nullable LocalDate dueDate, LocalDate today) {
        if (dueDate == null) {
            return new Pregnancy(row.startedOn(), null, null, null, row.lastVisitOn(), row.nextVisitOn());
        }
        int gestationalDays = PREGNANCY_DAYS - (int) ChronoUnit.DAYS.between(today, dueDate);
        boolean plausible = gestationalDays >= 0;
        return new Pregnancy(
                row.startedOn(),
                dueDate,
                plausible ? gestationalDays / 7 : null,
                plausible ? gestationalDays % 7 : null,
                row.lastVisitOn(),
                row.nextVisitOn());
    }

    private static List<FollowUpProgramme> programmesIn(Set<Compartment> compartments) {
        return Arrays.stream(FollowUpProgramme.values())
                .filter(programme -> compartments.contains(programme.compartment()))
                .toList();
    }

    private static OpenFollowUp openFollowUp(FollowUpRow row) {
        return new OpenFollowUp(
                row.id(),
                row.programme(),
                row.siteId(),
                row.startedOn(),
                row.lastVisitOn(),
                row.nextVisitOn(),
                row.conditionCode());
    }
}
