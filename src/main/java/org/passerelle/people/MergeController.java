package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.people.PersonViews.Merge;
import org.passerelle.people.PersonViews.MergeRequest;
import org.passerelle.people.PersonViews.NotDuplicate;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Merging duplicates, undoing merges, and remembering pairs that are different people. */
@RestController
@RequestMapping("/api")
class MergeController {

    private final PersonMerges merges;

    MergeController(PersonMerges merges) {
        this.merges = merges;
    }

    @PostMapping("/people/{keptId}/merges")
    @ResponseStatus(HttpStatus.CREATED)
    Merge merge(@PathVariable UUID keptId, @Valid @RequestBody MergeRequest request) {
        return merges.merge(keptId, request.mergedId());
    }

    @GetMapping("/people/{keptId}/merges")
    List<Merge> mergesInto(@PathVariable UUID keptId) {
        return merges.mergesInto(keptId);
    }

    @PostMapping("/merges/{id}/undo")
    Merge unmerge(@PathVariable UUID id) {
        return merges.unmerge(id);
    }

    @PostMapping("/people/not-duplicates")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void notDuplicate(@Valid @RequestBody NotDuplicate pair) {
        merges.markNotDuplicate(pair.personA(), pair.personB());
    }
}
