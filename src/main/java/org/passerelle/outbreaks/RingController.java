package org.passerelle.outbreaks;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.outbreaks.OutbreakViews.Household;
import org.passerelle.outbreaks.OutbreakViews.HouseholdFollowUp;
import org.passerelle.outbreaks.OutbreakViews.NewHousehold;
import org.passerelle.outbreaks.OutbreakViews.Ring;
import org.passerelle.outbreaks.OutbreakViews.RingFigures;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The case-area response: rings, their households and follow-up visits. */
@RestController
@RequestMapping("/api/outbreaks")
class RingController {

    private final Rings rings;

    RingController(Rings rings) {
        this.rings = rings;
    }

    @GetMapping("/rings")
    List<Ring> rings(@RequestParam(required = false) @Nullable UUID siteId) {
        return rings.list(siteId);
    }

    /** How many rings had a household visited within 48 hours of the case. */
    @GetMapping("/rings/figures")
    RingFigures figures(@RequestParam(required = false) @Nullable UUID siteId) {
        return rings.figures(siteId);
    }

    @GetMapping("/rings/{id}")
    Ring ring(@PathVariable UUID id) {
        return rings.get(id);
    }

    @GetMapping("/rings/{id}/households")
    List<Household> households(@PathVariable UUID id) {
        return rings.households(id);
    }

    @PostMapping("/rings/{id}/households")
    @ResponseStatus(HttpStatus.CREATED)
    Household visit(@PathVariable UUID id, @Valid @RequestBody NewHousehold household) {
        return rings.visit(id, household);
    }

    @PutMapping("/households/{id}/follow-up")
    Household followUp(@PathVariable UUID id, @Valid @RequestBody HouseholdFollowUp followUp) {
        return rings.followUp(id, followUp);
    }
}
