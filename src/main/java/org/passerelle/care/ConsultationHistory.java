package org.passerelle.care;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.care.CareViews.Consultation;
import org.passerelle.care.ClinicalSummaryViews.CodedDiagnosis;
import org.passerelle.care.coding.DiagnosisCatalogue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's history as {@link Consultations#history} reads it (same access check, same audit
 * line), each consultation with its coded diagnoses and their titles.
 */
@Service
@Transactional
public class ConsultationHistory {

    private final Consultations consultations;
    private final ClinicalSummaryRepository repository;
    private final DiagnosisCatalogue catalogue;

    ConsultationHistory(
            Consultations consultations, ClinicalSummaryRepository repository, DiagnosisCatalogue catalogue) {
        this.consultations = consultations;
        this.repository = repository;
        this.catalogue = catalogue;
    }

    /** A person's consultations the user may read, newest first, with their coded diagnoses. */
    public List<HistoryEntry> of(UUID personId) {
        List<Consultation> history = consultations.history(personId);
        Map<UUID, List<CodedDiagnosis>> codes =
                repository.diagnosisCodes(history.stream().map(Consultation::id).toList()).stream()
                        .collect(Collectors.groupingBy(
                                ClinicalSummaryRepository.EncounterCode::encounterId,
                                Collectors.mapping(
                                        code -> new CodedDiagnosis(
                                                code.code(), ClinicalSummaries.titleOf(catalogue, code.code())),
                                        Collectors.toList())));
        return history.stream()
                .map(consultation -> new HistoryEntry(consultation, codes.getOrDefault(consultation.id(), List.of())))
                .toList();
    }
}
