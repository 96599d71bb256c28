package org.passerelle.audit;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets data officers and administrators see who accessed a record. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('DATA_OFFICER', 'ADMINISTRATOR')")
class AuditController {

    private static final int LIMIT = 500;

    private final AuditLog log;
    private final AuditChain chain;

    AuditController(AuditLog log, AuditChain chain) {
        this.log = log;
        this.chain = chain;
    }

    @GetMapping("/verification")
    AuditChain.Verification verify() {
        return chain.verify();
    }

    @GetMapping
    List<AuditEntry> entries(@RequestParam(required = false) UUID recordId) {
        return recordId == null ? log.latest(LIMIT) : log.forRecord(recordId, LIMIT);
    }
}
