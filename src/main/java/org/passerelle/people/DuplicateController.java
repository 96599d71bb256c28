package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.UUID;
import org.passerelle.people.DuplicateViews.GroupDecided;
import org.passerelle.people.DuplicateViews.GroupDecision;
import org.passerelle.people.DuplicateViews.Groups;
import org.passerelle.people.DuplicateViews.MergeDecision;
import org.passerelle.people.DuplicateViews.Queue;
import org.passerelle.people.DuplicateViews.Scan;
import org.passerelle.people.PersonViews.Merge;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The duplicate scan and its review queue, for data officers. */
@RestController
@RequestMapping("/api/duplicates")
class DuplicateController {

    private final DuplicateScans scans;
    private final DuplicateReview review;
    private final DuplicateGroups groups;

    DuplicateController(DuplicateScans scans, DuplicateReview review, DuplicateGroups groups) {
        this.scans = scans;
        this.review = review;
        this.groups = groups;
    }

    @GetMapping
    Queue queue(@RequestParam(defaultValue = "20") int limit, @RequestParam(defaultValue = "0") int offset) {
        return review.queue(limit, offset);
    }

    /** The groups of three or more records linked by waiting pairs, to decide at once. */
    @GetMapping("/groups")
    Groups groups(@RequestParam(defaultValue = "5") int limit, @RequestParam(defaultValue = "0") int offset) {
        return groups.groups(limit, offset);
    }

    @PostMapping("/groups/decision")
    GroupDecided decideGroup(@Valid @RequestBody GroupDecision decision) {
        return groups.decide(decision);
    }

    @PostMapping("/scans")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Scan startScan() {
        return scans.start();
    }

    @GetMapping("/scans/{id}")
    Scan scan(@PathVariable UUID id) {
        return scans.get(id);
    }

    @PostMapping("/{id}/merge")
    @ResponseStatus(HttpStatus.CREATED)
    Merge confirm(@PathVariable UUID id, @Valid @RequestBody MergeDecision decision) {
        return review.confirm(id, decision.keptId());
    }

    @PostMapping("/{id}/rejection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reject(@PathVariable UUID id) {
        review.reject(id);
    }
}
