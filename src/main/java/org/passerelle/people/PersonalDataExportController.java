package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The export of everything held about a person. POSTed: it is an audited act, and a write carries
 * the CSRF token; the answer is a file to save, never kept in a cache.
 */
@RestController
@RequestMapping("/api/people")
class PersonalDataExportController {

    private final PersonalDataExport export;

    PersonalDataExportController(PersonalDataExport export) {
        this.export = export;
    }

    @PostMapping("/{id}/export")
    ResponseEntity<byte[]> export(@PathVariable UUID id, @Valid @RequestBody PersonalDataExport.ExportRequest request) {
        PersonalDataExport.Export made = export.export(id, request);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(made.format().mediaType));
        headers.setContentDisposition(
                ContentDisposition.attachment().filename(made.fileName()).build());
        headers.setCacheControl(CacheControl.noStore());
        headers.set("X-Content-Type-Options", "nosniff");
        if (made.format() == PersonalDataExport.Format.HTML) {
            headers.set("Content-Security-Policy", PersonalDataHtml.CONTENT_SECURITY_POLICY);
        }
        return ResponseEntity.ok().headers(headers).body(made.content());
    }
}
