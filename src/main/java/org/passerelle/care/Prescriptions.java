package org.passerelle.care;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Status;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a signed consultation prescribed, for the stock module to dispense it: one line at a time,
 * to a user who may read the consultation (404 otherwise, as for reading it).
 */
@Service
public class Prescriptions {

    /**
     * One line of a signed consultation's prescription.
     *
     * @param medicineCode the formulary's code of the medicine prescribed
     * @param personId the person it was prescribed to
     */
    public record PrescribedLine(
            UUID encounterId,
            int line,
            String medicineCode,
            UUID siteId,
            @Nullable UUID personId) {}

    private final EncounterReads reads;
    private final EncounterRepository repository;

    Prescriptions(EncounterReads reads, EncounterRepository repository) {
        this.reads = reads;
        this.repository = repository;
    }

    /** Refuses (404, as for reading it) a consultation the current user may not read. */
    @Transactional(readOnly = true)
    public void requireReadable(UUID encounterId) {
        reads.readable(encounterId);
    }

    /**
     * A line of the consultation's current prescription: refused when the consultation is not
     * signed ({@code encounter-not-signed}) or has no such line ({@code no-prescription}).
     */
    @Transactional(readOnly = true)
    public PrescribedLine line(UUID encounterId, int line) {
        Stored stored = reads.readable(encounterId);
        if (stored.status() != Status.SIGNED) {
            throw CareProblems.encounterNotSigned();
        }
        String medicine = repository.prescribedMedicine(encounterId, line).orElseThrow(CareProblems::noPrescription);
        return new PrescribedLine(encounterId, line, medicine, stored.siteId(), stored.personId());
    }
}
