package org.passerelle.shelters;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.shelters.WaitingViews.BedOffer;
import org.passerelle.shelters.WaitingViews.NewBedOffer;
import org.passerelle.shelters.WaitingViews.NewShelterRequest;
import org.passerelle.shelters.WaitingViews.OfferReply;
import org.passerelle.shelters.WaitingViews.PendingOffer;
import org.passerelle.shelters.WaitingViews.RankedRequest;
import org.passerelle.shelters.WaitingViews.ShelterRequest;
import org.passerelle.shelters.WaitingViews.WaitingRule;
import org.passerelle.shelters.WaitingViews.WaitingRuleChange;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The waiting list of shelters: requests, the priority rule, the ranking, offers. */
@RestController
@RequestMapping("/api/shelters")
class WaitingListController {

    private final WaitingList waitingList;
    private final WaitingReads reads;

    WaitingListController(WaitingList waitingList, WaitingReads reads) {
        this.waitingList = waitingList;
        this.reads = reads;
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    ShelterRequest request(@Valid @RequestBody NewShelterRequest request) {
        return waitingList.request(request);
    }

    @GetMapping("/sites/{siteId}/waiting-list")
    List<RankedRequest> ranking(@PathVariable UUID siteId) {
        return waitingList.ranking(siteId);
    }

    @GetMapping("/sites/{siteId}/priority-rule")
    WaitingRule rule(@PathVariable UUID siteId) {
        return waitingList.rule(siteId, true);
    }

    @PutMapping("/sites/{siteId}/priority-rule")
    WaitingRule changeRule(@PathVariable UUID siteId, @Valid @RequestBody WaitingRuleChange change) {
        return waitingList.changeRule(siteId, change);
    }

    @PostMapping("/requests/{requestId}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    BedOffer offer(@PathVariable UUID requestId, @Valid @RequestBody NewBedOffer offer) {
        return waitingList.offer(requestId, offer);
    }

    @PostMapping("/offers/{offerId}/reply")
    BedOffer reply(@PathVariable UUID offerId, @Valid @RequestBody OfferReply reply) {
        return waitingList.reply(offerId, reply);
    }

    /** The offers awaiting an answer, for the coordinator to record it. */
    @GetMapping("/sites/{siteId}/offers")
    List<PendingOffer> pendingOffers(@PathVariable UUID siteId) {
        return reads.pending(siteId);
    }

    /** A person's requests, for their page. */
    @GetMapping("/people/{personId}/requests")
    List<ShelterRequest> ofPerson(@PathVariable UUID personId) {
        return reads.ofPerson(personId);
    }

    @PostMapping("/requests/{requestId}/withdrawal")
    ShelterRequest withdraw(@PathVariable UUID requestId) {
        return waitingList.withdraw(requestId);
    }
}
