package org.passerelle.people;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.access.Reauthentication;
import org.passerelle.people.PersonViews.Correction;
import org.passerelle.people.PersonViews.Erasure;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonSummary;
import org.passerelle.people.PersonViews.Registration;
import org.passerelle.people.PersonViews.Search;
import org.passerelle.people.PersonViews.TakingIntoCare;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Persons. Searches are POSTed so that names never appear in a URL or an access log. */
@RestController
@RequestMapping("/api/people")
class PeopleController {

    private final PersonRegistry registry;
    private final Reauthentication reauthentication;
    private final EmergencyAccesses careTakeovers;

    PeopleController(PersonRegistry registry, Reauthentication reauthentication, EmergencyAccesses careTakeovers) {
        this.registry = registry;
        this.reauthentication = reauthentication;
        this.careTakeovers = careTakeovers;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Person register(@Valid @RequestBody Registration registration) {
        return registry.register(registration);
    }

    @PostMapping("/search")
    List<PersonSummary> search(@Valid @RequestBody Search search) {
        return registry.search(search);
    }

    /** Likely existing persons, before registering someone new. */
    @PostMapping("/likely-matches")
    List<PersonViews.LikelyMatch> likelyMatches(@Valid @RequestBody PersonViews.MatchQuery query) {
        return registry.likelyMatches(query.details());
    }

    @GetMapping("/{id}")
    Person get(@PathVariable UUID id) {
        return registry.get(id);
    }

    /**
     * Erases a person for good, once the user has confirmed who they are again within the window
     * (403 {@code reauthentication-required}), as for an export or a break-the-glass.
     */
    @PostMapping("/{id}/erasure")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID id, @Valid @RequestBody Erasure erasure) {
        reauthentication.requireRecent();
        registry.erase(id, erasure);
    }

    /**
     * Takes a person into care at the current site; for a person followed only at other sites, with
     * a reason and the patient code of the card they show (see {@link EmergencyAccesses#takeIntoCare}).
     */
    @PostMapping("/{id}/care-sites")
    Person takeIntoCare(@PathVariable UUID id, @Valid @RequestBody TakingIntoCare request) {
        careTakeovers.takeIntoCare(id, request.reason(), request.patientCode());
        return registry.get(id);
    }

    @PutMapping("/{id}")
    Person correct(@PathVariable UUID id, @Valid @RequestBody Correction correction) {
        return registry.correct(id, correction);
    }
}
