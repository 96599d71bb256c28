package org.passerelle.stock;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.stock.StockViews.Dispensing;
import org.passerelle.stock.StockViews.NewDistribution;
import org.passerelle.stock.StockViews.Operation;
import org.passerelle.stock.StockViews.Received;
import org.passerelle.stock.StockViews.SignedDispensing;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Goods handed to people: a consultation's medicines dispensed, distributions to a person or a group. */
@RestController
@RequestMapping("/api/stock")
class HandoutController {

    private final Dispensings dispensings;
    private final Distributions distributions;

    HandoutController(Dispensings dispensings, Distributions distributions) {
        this.dispensings = dispensings;
        this.distributions = distributions;
    }

    @PostMapping("/dispensings")
    @ResponseStatus(HttpStatus.CREATED)
    Operation dispense(@Valid @RequestBody Dispensing dispensing) {
        return dispensings.dispense(dispensing);
    }

    /** What signing the consultation dispensed from stock, line by line, or why not. */
    @GetMapping("/consultations/{encounterId}/dispensings")
    List<SignedDispensing> signedDispensings(@PathVariable UUID encounterId) {
        return dispensings.ofConsultation(encounterId);
    }

    @PostMapping("/distributions")
    @ResponseStatus(HttpStatus.CREATED)
    Operation distribute(@Valid @RequestBody NewDistribution distribution) {
        return distributions.distribute(distribution);
    }

    /** What a person received (an id in the path, never a name). */
    @GetMapping("/people/{personId}/distributions")
    List<Received> received(@PathVariable UUID personId) {
        return distributions.receivedBy(personId);
    }
}
