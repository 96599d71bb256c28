package org.passerelle.shelters;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.shelters.WaitingViews.NewOffer;
import org.passerelle.shelters.WaitingViews.NewRequest;
import org.passerelle.shelters.WaitingViews.Offer;
import org.passerelle.shelters.WaitingViews.OfferReply;
import org.passerelle.shelters.WaitingViews.Ranked;
import org.passerelle.shelters.WaitingViews.Request;
import org.passerelle.shelters.WaitingViews.Rule;
import org.passerelle.shelters.WaitingViews.RuleChange;
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

    WaitingListController(WaitingList waitingList) {
        this.waitingList = waitingList;
    }

    @PostMapping("/requests")
    @ResponseStatus(HttpStatus.CREATED)
    Request request(@Valid @RequestBody NewRequest request) {
        return waitingList.request(request);
    }

    @GetMapping("/sites/{siteId}/waiting-list")
    List<Ranked> ranking(@PathVariable UUID siteId) {
        return waitingList.ranking(siteId);
    }

    @GetMapping("/sites/{siteId}/priority-rule")
    Rule rule(@PathVariable UUID siteId) {
        return waitingList.rule(siteId, true);
    }

    @PutMapping("/sites/{siteId}/priority-rule")
    Rule changeRule(@PathVariable UUID siteId, @Valid @RequestBody RuleChange change) {
        return waitingList.changeRule(siteId, change);
    }

    @PostMapping("/requests/{requestId}/offers")
    @ResponseStatus(HttpStatus.CREATED)
    Offer offer(@PathVariable UUID requestId, @Valid @RequestBody NewOffer offer) {
        return waitingList.offer(requestId, offer);
    }

    @PostMapping("/offers/{offerId}/reply")
    Offer reply(@PathVariable UUID offerId, @Valid @RequestBody OfferReply reply) {
        return waitingList.reply(offerId, reply);
    }

    @PostMapping("/requests/{requestId}/withdrawal")
    Request withdraw(@PathVariable UUID requestId) {
        return waitingList.withdraw(requestId);
    }
}
