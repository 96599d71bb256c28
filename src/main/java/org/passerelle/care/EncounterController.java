package org.passerelle.care;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.EncounterViews.Amendment;
import org.passerelle.care.EncounterViews.DraftChange;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.EncounterSummary;
import org.passerelle.care.EncounterViews.NewEncounter;
import org.passerelle.care.EncounterViews.Revision;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Consultations recorded with forms: drafts, signature, amendments and their history. */
@RestController
@RequestMapping("/api/encounters")
class EncounterController {

    private final Encounters encounters;
    private final EncounterReads reads;
    private final DosageSheets sheets;

    EncounterController(Encounters encounters, EncounterReads reads, DosageSheets sheets) {
        this.encounters = encounters;
        this.reads = reads;
        this.sheets = sheets;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Encounter start(@Valid @RequestBody NewEncounter command) {
        return encounters.start(command);
    }

    @GetMapping("/{id}")
    Encounter get(@PathVariable UUID id) {
        return reads.get(id);
    }

    @PutMapping("/{id}")
    Encounter changeDraft(@PathVariable UUID id, @Valid @RequestBody DraftChange change) {
        return encounters.changeDraft(id, change);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void discard(@PathVariable UUID id) {
        encounters.discard(id);
    }

    @PostMapping("/{id}/amendments")
    Encounter amend(@PathVariable UUID id, @Valid @RequestBody Amendment amendment) {
        return encounters.amend(id, amendment);
    }

    @GetMapping("/{id}/revisions/{revision}")
    Revision revision(@PathVariable UUID id, @PathVariable int revision) {
        return reads.revision(id, revision);
    }

    /** The printable dosage sheet of the prescription, POSTed: printing is an audited export. */
    @PostMapping("/{id}/prescription-sheet")
    ResponseEntity<byte[]> prescriptionSheet(@PathVariable UUID id, @RequestBody SheetRequest request) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_PDF);
        headers.setContentDisposition(
                ContentDisposition.attachment().filename("prescription.pdf").build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        return ResponseEntity.ok().headers(headers).body(sheets.print(id, request.language()));
    }

    /** The language to print in: fr, en or ar; the person's own when none is given. */
    record SheetRequest(@Nullable String language) {}

    @GetMapping("/drafts")
    List<EncounterSummary> drafts() {
        return reads.myDrafts();
    }

    @GetMapping("/group-sessions")
    List<EncounterSummary> groupSessions() {
        return reads.groupSessions();
    }
}
