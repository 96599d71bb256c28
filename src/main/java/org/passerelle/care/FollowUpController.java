package org.passerelle.care;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.care.FollowUpViews.Closure;
import org.passerelle.care.FollowUpViews.DueFollowUp;
import org.passerelle.care.FollowUpViews.Enrolment;
import org.passerelle.care.FollowUpViews.FollowUp;
import org.passerelle.care.FollowUpViews.FollowUpChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
class FollowUpController {

    private final FollowUps followUps;

    FollowUpController(FollowUps followUps) {
        this.followUps = followUps;
    }

    @PostMapping("/people/{personId}/follow-ups")
    @ResponseStatus(HttpStatus.CREATED)
    FollowUp enrol(@PathVariable UUID personId, @Valid @RequestBody Enrolment enrolment) {
        return followUps.enrol(personId, enrolment);
    }

    @GetMapping("/people/{personId}/follow-ups")
    List<FollowUp> ofPerson(@PathVariable UUID personId) {
        return followUps.ofPerson(personId);
    }

    @PutMapping("/follow-ups/{id}")
    FollowUp change(@PathVariable UUID id, @Valid @RequestBody FollowUpChange change) {
        return followUps.change(id, change);
    }

    @PostMapping("/follow-ups/{id}/closure")
    FollowUp close(@PathVariable UUID id, @Valid @RequestBody Closure closure) {
        return followUps.close(id, closure);
    }

    /** The current site's visits due within a week, overdue, or not planned. */
    @GetMapping("/follow-ups/due")
    List<DueFollowUp> due() {
        return followUps.due();
    }
}
