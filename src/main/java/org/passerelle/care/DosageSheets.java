package org.passerelle.care;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.care.coding.PrescriptionSheet;
import org.passerelle.care.coding.PrescriptionSheets;
import org.passerelle.care.forms.CheckedAnswers;
import org.passerelle.people.PatientCode;
import org.passerelle.people.PersonRegistry;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.platform.Language;
import org.passerelle.platform.crypto.SubjectKeys;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The printable dosage sheet of a signed consultation's prescription. */
@Service
@Transactional
public class DosageSheets {

    private final EncounterRepository repository;
    private final EncounterReads reads;
    private final PersonRegistry registry;
    private final PrescriptionSheets sheets;
    private final SubjectKeys keys;
    private final AuditLog audit;

    DosageSheets(
            EncounterRepository repository,
            EncounterReads reads,
            PersonRegistry registry,
            PrescriptionSheets sheets,
            SubjectKeys keys,
            AuditLog audit) {
        this.repository = repository;
        this.reads = reads;
        this.registry = registry;
        this.sheets = sheets;
        this.keys = keys;
        this.audit = audit;
    }

    /**
     * The dosage sheet of a signed consultation's prescription as a PDF, in the person's language
     * (or the one asked for): recorded as an export of the consultation.
     */
    public byte[] print(UUID id, @Nullable String language) {
        Stored stored = reads.readable(id);
        if (stored.status() != Status.SIGNED) {
            throw CareProblems.encounterNotSigned();
        }
        if (stored.personId() == null) {
            throw CareProblems.noPrescription();
        }
        List<CheckedAnswers.PrescribedLine> lines = repository.prescriptionLines(id, keys.keyFor(stored.keySubject()));
        if (lines.isEmpty()) {
            throw CareProblems.noPrescription();
        }
        Person person = registry.get(stored.personId());
        byte[] pdf = sheets.render(new PrescriptionSheet(
                person.chosenName(),
                PatientCode.display(person.patientCode()),
                stored.occurredOn(),
                printedIn(person, language),
                lines.stream()
                        .map(line -> new PrescriptionSheet.Line(
                                line.medicine(),
                                line.morning(),
                                line.noon(),
                                line.evening(),
                                line.night(),
                                line.days(),
                                line.instructions()))
                        .toList()));
        audit.record(AuditAction.EXPORT, Encounters.RECORD_TYPE, id);
        return pdf;
    }

    private static Language printedIn(Person person, @Nullable String language) {
        if (language != null) {
            return Language.ofCode(language.toLowerCase(Locale.ROOT)).orElseThrow(() -> CareProblems.unknownLanguage());
        }
        return person.languages().stream()
                .map(code -> Language.ofCode(code.toLowerCase(Locale.ROOT)))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(Language.FR);
    }
}
