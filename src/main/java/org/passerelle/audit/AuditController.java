package org.passerelle.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.Reauthentication;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets data officers and administrators see who accessed a record; administrators export the log. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('DATA_OFFICER', 'ADMINISTRATOR')")
class AuditController {

    private static final int LIMIT = 500;

    private final AuditLog log;
    private final AuditChain chain;
    private final AuditExport export;
    private final Reauthentication reauthentication;
    private final Clock clock;

    AuditController(
            AuditLog log, AuditChain chain, AuditExport export, Reauthentication reauthentication, Clock clock) {
        this.log = log;
        this.chain = chain;
        this.export = export;
        this.reauthentication = reauthentication;
        this.clock = clock;
    }

    @GetMapping("/verification")
    AuditChain.Verification verify() {
        return chain.verify();
    }

    @GetMapping
    List<AuditEntry> entries(@RequestParam(required = false) UUID recordId) {
        return recordId == null ? log.latest(LIMIT) : log.forRecord(recordId, LIMIT);
    }

    /**
     * The whole log as an export an auditor checks offline ({@code ./passerelle verify-audit-export}),
     * after the administrator confirmed who they are again; the export is audited first.
     */
    @PostMapping("/export")
    @PreAuthorize("hasRole('ADMINISTRATOR')")
    void exportLog(HttpServletResponse response) throws IOException {
        reauthentication.requireRecent();
        export.recordByCurrentUser();
        response.setContentType("application/x-ndjson");
        response.setCharacterEncoding("UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename("passerelle-audit-" + LocalDate.now(clock) + ".jsonl")
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        export.writeTo(response.getOutputStream());
    }
}
