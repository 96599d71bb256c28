package org.passerelle.stock;

import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.stock.StockViews.BalancePage;
import org.passerelle.stock.StockViews.ClosedLocation;
import org.passerelle.stock.StockViews.Consumption;
import org.passerelle.stock.StockViews.Count;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.KitAssembly;
import org.passerelle.stock.StockViews.KitBreakdown;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.NewLocation;
import org.passerelle.stock.StockViews.Operation;
import org.passerelle.stock.StockViews.Receipt;
import org.passerelle.stock.StockViews.Removal;
import org.passerelle.stock.StockViews.RenamedLocation;
import org.passerelle.stock.StockViews.StockAlert;
import org.passerelle.stock.StockViews.Transfer;
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

/** The catalogue, the places and the logistician's movements of goods. */
@RestController
@RequestMapping("/api/stock")
class StockController {

    private final StockCatalogue catalogue;
    private final Locations locations;
    private final Ledger ledger;
    private final StockAlerts alerts;
    private final Consumptions consumptions;
    private final Kits kits;

    StockController(
            StockCatalogue catalogue,
            Locations locations,
            Ledger ledger,
            StockAlerts alerts,
            Consumptions consumptions,
            Kits kits) {
        this.catalogue = catalogue;
        this.locations = locations;
        this.ledger = ledger;
        this.alerts = alerts;
        this.consumptions = consumptions;
        this.kits = kits;
    }

    /** Stock-outs and lots expired or expiring soon at the user's places. */
    @GetMapping("/alerts")
    List<StockAlert> alerts() {
        return alerts.mine();
    }

    @GetMapping("/items")
    List<Item> items() {
        locations.requireReader();
        return catalogue.all();
    }

    @GetMapping("/locations")
    List<Location> locations() {
        return locations.mine();
    }

    @PostMapping("/locations")
    @ResponseStatus(HttpStatus.CREATED)
    Location addLocation(@Valid @RequestBody NewLocation location) {
        return locations.add(location);
    }

    @PutMapping("/locations/{id}")
    Location renameLocation(@PathVariable UUID id, @Valid @RequestBody RenamedLocation renamed) {
        return locations.rename(id, renamed);
    }

    /** Closes a place that holds nothing any more. */
    @PostMapping("/locations/{id}/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void closeLocation(@PathVariable UUID id, @Valid @RequestBody ClosedLocation closed) {
        locations.close(id, closed);
    }

    /**
     * A page of the place's lots (those of {@code limit} items, 50 unless told, after {@code after}),
     * or the lots of one item, with the place's totals.
     */
    @GetMapping("/locations/{id}/balances")
    BalancePage balances(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String itemCode,
            @RequestParam(required = false) @Nullable String after,
            @RequestParam(required = false) @Nullable Integer limit) {
        return ledger.balances(id, itemCode, after, limit);
    }

    /** Average monthly consumption, months of stock and suggested order of each item at the place. */
    @GetMapping("/locations/{id}/consumption")
    List<Consumption> consumption(@PathVariable UUID id) {
        return consumptions.of(id);
    }

    @GetMapping("/locations/{id}/proposal")
    List<LotShare> proposal(@PathVariable UUID id, @RequestParam String itemCode, @RequestParam int quantity) {
        return ledger.proposal(id, itemCode, quantity);
    }

    @PostMapping("/receipts")
    @ResponseStatus(HttpStatus.CREATED)
    Operation receive(@Valid @RequestBody Receipt receipt) {
        return ledger.receive(receipt);
    }

    @PostMapping("/transfers")
    @ResponseStatus(HttpStatus.CREATED)
    Operation transfer(@Valid @RequestBody Transfer transfer) {
        return ledger.transfer(transfer);
    }

    @PostMapping("/removals")
    @ResponseStatus(HttpStatus.CREATED)
    Operation remove(@Valid @RequestBody Removal removal) {
        return ledger.remove(removal);
    }

    /** Kits assembled at a place from the components it holds. */
    @PostMapping("/kits/assemblies")
    @ResponseStatus(HttpStatus.CREATED)
    Operation assemble(@Valid @RequestBody KitAssembly assembly) {
        return kits.assemble(assembly);
    }

    /** Kits at a place broken back down into their components. */
    @PostMapping("/kits/breakdowns")
    @ResponseStatus(HttpStatus.CREATED)
    Operation breakDown(@Valid @RequestBody KitBreakdown breakdown) {
        return kits.breakDown(breakdown);
    }

    @PostMapping("/counts")
    @ResponseStatus(HttpStatus.CREATED)
    Operation count(@Valid @RequestBody Count count) {
        return ledger.count(count);
    }
}
