package org.passerelle.imports;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.ImportMatching.ExistingPerson;
import org.passerelle.people.Sex;

/** The records a bulk import hands out and takes in. */
public final class ImportViews {

    private ImportViews() {}

    /**
     * A file uploaded: its id for the next steps, its headers, how many rows it holds and the field
     * each header is guessed to hold (none for a header not recognised).
     */
    public record ImportUpload(UUID importId, List<String> headers, int rows, Map<String, ImportField> guessed) {}

    /** Which column (by its header) holds each field; fields left out are not imported. */
    public record ImportMapping(@NotNull @Size(max = 20) Map<ImportField, String> columns) {
        public ImportMapping {
            columns = Map.copyOf(columns);
        }
    }

    /**
     * Why a row is refused: the line of the file (the header is line 1), the column, a stable code
     * and the message in the user's language.
     */
    public record ImportRefusal(int line, String column, String code, String message) {}

    /** A row as the registry will read it, for the preview. */
    public record ImportPreviewRow(
            int line,
            @Nullable String chosenName,
            List<String> otherNames,
            @Nullable Sex sex,
            @Nullable BirthDate birthDate,
            Set<String> languages,
            @Nullable String countryOfOrigin,
            @Nullable String phone,
            @Nullable String site,
            boolean unaccompaniedMinor,
            boolean refused) {}

    /** Another line of the file likely to be the same person. */
    public record ImportLineInFile(int line, double probability) {}

    /** The likely duplicates of one row: other rows of the file and persons of the registry. */
    public record ImportDuplicate(int line, List<ImportLineInFile> inFile, List<ExistingPerson> inRegistry) {}

    /** What a check of the file through a mapping found: rows, the first ones as read, refusals, duplicates. */
    public record ImportCheck(
            int rows,
            int accepted,
            List<ImportPreviewRow> preview,
            List<ImportRefusal> refusals,
            List<ImportDuplicate> duplicates) {}

    /** What the importer chose for a row: import it as new, link it to an existing person, or skip it. */
    public enum ImportAction {
        NEW,
        LINK,
        SKIP
    }

    /** The choice for one row; {@code personId} is the person a linked row is, among those proposed. */
    public record ImportDecision(
            int line,
            @NotNull ImportAction action,
            @Nullable UUID personId) {}

    /** Runs the import with a mapping and the choices made for some rows (the others are imported as new). */
    public record ImportRun(
            @Valid @NotNull ImportMapping mapping,
            @Valid @Size(max = 200_000) List<ImportDecision> decisions) {
        public ImportRun {
            decisions = decisions == null ? List.of() : List.copyOf(decisions);
        }
    }

    /** Where an import job stands. */
    public enum ImportStatus {
        RUNNING,
        DONE,
        FAILED
    }

    /**
     * An import job: its status, the persons written so far out of those to write (nothing is
     * committed before the end), and the counts of rows imported, linked, skipped and refused.
     */
    public record ImportJobStatus(
            UUID importId,
            ImportStatus status,
            int total,
            int written,
            int imported,
            int linked,
            int skipped,
            int refused,
            @Nullable String failure) {}
}
