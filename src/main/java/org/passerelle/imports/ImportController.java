package org.passerelle.imports;

import jakarta.validation.Valid;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.imports.ImportViews.ImportCheck;
import org.passerelle.imports.ImportViews.ImportJobStatus;
import org.passerelle.imports.ImportViews.ImportMapping;
import org.passerelle.imports.ImportViews.ImportRun;
import org.passerelle.imports.ImportViews.ImportUpload;
import org.passerelle.platform.DomainException;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Bulk import of persons: the file is sent as it is (its bytes, CSV or XLSX), then checked through a
 * mapping, then imported; the job's progress and the report of refusals are read by the import's id.
 * Personal data travels only in request and response bodies.
 */
@RestController
@RequestMapping("/api/imports")
class ImportController {

    private static final Set<String> LANGUAGES = Set.of("fr", "en", "ar");

    private final Imports imports;

    ImportController(Imports imports) {
        this.imports = imports;
    }

    @PostMapping(consumes = MediaType.APPLICATION_OCTET_STREAM_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    ImportUpload upload(@RequestBody(required = false) byte @Nullable [] content) {
        return imports.upload(content == null ? new byte[0] : content);
    }

    @PostMapping("/{importId}/check")
    ImportCheck check(@PathVariable UUID importId, @Valid @RequestBody ImportMapping mapping) {
        return imports.check(importId, mapping);
    }

    @PostMapping("/{importId}/run")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ImportJobStatus run(@PathVariable UUID importId, @Valid @RequestBody ImportRun run) {
        return imports.run(importId, run);
    }

    @GetMapping("/{importId}")
    ImportJobStatus status(@PathVariable UUID importId) {
        return imports.status(importId);
    }

    /** The refusals as a CSV file, in {@code language} (the request's language when not given). */
    @GetMapping(value = "/{importId}/report", produces = "text/csv")
    ResponseEntity<byte[]> report(
            @PathVariable UUID importId, @RequestParam(required = false) @Nullable String language) {
        if (language != null) {
            if (!LANGUAGES.contains(language)) {
                throw DomainException.invalidInput("language");
            }
            LocaleContextHolder.setLocale(Locale.forLanguageTag(language));
        }
        byte[] body = imports.report(importId).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename("passerelle-import-report.csv")
                                .build()
                                .toString())
                .body(body);
    }
}
