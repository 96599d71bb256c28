package org.passerelle.retention;

import jakarta.validation.Valid;
import org.passerelle.retention.RetentionViews.PurgeResult;
import org.passerelle.retention.RetentionViews.Report;
import org.passerelle.retention.RetentionViews.Rule;
import org.passerelle.retention.RetentionViews.RuleChange;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The retention rules, the dry-run report and a purge on demand. */
@RestController
@RequestMapping("/api/retention")
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @GetMapping("/report")
    Report report() {
        return retention.report();
    }

    @PutMapping("/rules/{recordType}")
    Rule changeRule(@PathVariable String recordType, @Valid @RequestBody RuleChange change) {
        return retention.changeRule(recordType, change);
    }

    @PostMapping("/purge")
    PurgeResult purge() {
        return retention.purgeNow();
    }
}
