package org.passerelle.stock;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.passerelle.stock.StockViews.Allowance;
import org.passerelle.stock.StockViews.AllowanceDevice;
import org.passerelle.stock.StockViews.AllowanceRelease;
import org.passerelle.stock.StockViews.NewAllowance;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The goods of a place set aside for the devices that hand them out offline. */
@RestController
@RequestMapping("/api/stock")
class AllowanceController {

    private final Allowances allowances;

    AllowanceController(Allowances allowances) {
        this.allowances = allowances;
    }

    @GetMapping("/locations/{id}/allowances")
    List<Allowance> atPlace(@PathVariable UUID id) {
        return allowances.atPlace(id);
    }

    /** The devices enrolled for the place's site, which may be given an allowance there. */
    @GetMapping("/locations/{id}/devices")
    List<AllowanceDevice> devices(@PathVariable UUID id) {
        return allowances.devicesAt(id);
    }

    @PostMapping("/allowances")
    @ResponseStatus(HttpStatus.CREATED)
    Operation grant(@Valid @RequestBody NewAllowance allowance) {
        return allowances.grant(allowance);
    }

    /** Gives what the device still holds back to the place. */
    @PostMapping("/allowances/release")
    @ResponseStatus(HttpStatus.CREATED)
    Operation release(@Valid @RequestBody AllowanceRelease release) {
        return allowances.release(release);
    }
}
