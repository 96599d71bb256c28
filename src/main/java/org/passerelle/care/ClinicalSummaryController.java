package org.passerelle.care;

import java.util.UUID;
import org.passerelle.care.ClinicalSummaryViews.ClinicalSummary;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A person's clinical summary, for the top of their page. */
@RestController
@RequestMapping("/api/people/{personId}")
class ClinicalSummaryController {

    private final ClinicalSummaries summaries;

    ClinicalSummaryController(ClinicalSummaries summaries) {
        this.summaries = summaries;
    }

    @GetMapping("/clinical-summary")
    ClinicalSummary summary(@PathVariable UUID personId) {
        return summaries.of(personId);
    }
}
