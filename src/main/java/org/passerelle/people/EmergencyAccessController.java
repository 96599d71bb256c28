package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.people.PersonViews.EmergencyAccess;
import org.passerelle.people.PersonViews.EmergencyRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Break-the-glass on a person's file, and the list reviewers work through. */
@RestController
@RequestMapping("/api")
class EmergencyAccessController {

    private final EmergencyAccesses emergencies;

    EmergencyAccessController(EmergencyAccesses emergencies) {
        this.emergencies = emergencies;
    }

    @PostMapping("/people/{id}/emergency-access")
    @ResponseStatus(HttpStatus.CREATED)
    EmergencyAccess open(@PathVariable UUID id, @Valid @RequestBody EmergencyRequest request) {
        return emergencies.open(id, request.reason());
    }

    /** Reviewers see every grant (the unreviewed ones by default); others see their own. */
    @GetMapping("/emergency-access")
    List<EmergencyAccess> list(@RequestParam(defaultValue = "true") boolean unreviewed) {
        return emergencies.list(unreviewed);
    }

    @PostMapping("/emergency-access/{id}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void review(@PathVariable UUID id) {
        emergencies.review(id);
    }
}
