package org.passerelle.rights;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.passerelle.rights.RightsViews.Coverage;
import org.passerelle.rights.RightsViews.NewRightsStep;
import org.passerelle.rights.RightsViews.RightsReminder;
import org.passerelle.rights.RightsViews.RightsStep;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A person's rights file, whether they are covered, and the reminders of the site. */
@RestController
@RequestMapping("/api/rights")
class RightsController {

    private final RightsFile rights;
    private final RightsReminders reminders;

    RightsController(RightsFile rights, RightsReminders reminders) {
        this.rights = rights;
        this.reminders = reminders;
    }

    /** The version of the step read, to withdraw it. */
    record Withdrawal(@NotNull Long version) {}

    @GetMapping("/people/{personId}/steps")
    List<RightsStep> file(@PathVariable UUID personId) {
        return rights.file(personId);
    }

    @PostMapping("/people/{personId}/steps")
    @ResponseStatus(HttpStatus.CREATED)
    RightsStep record(@PathVariable UUID personId, @Valid @RequestBody NewRightsStep step) {
        return rights.record(personId, step);
    }

    @PostMapping("/steps/{stepId}/withdrawal")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable UUID stepId, @Valid @RequestBody Withdrawal withdrawal) {
        rights.withdraw(stepId, withdrawal.version());
    }

    @GetMapping("/people/{personId}/coverage")
    Coverage coverage(@PathVariable UUID personId) {
        return rights.coverage(personId);
    }

    @GetMapping("/reminders")
    List<RightsReminder> reminders() {
        return reminders.reminders();
    }
}
