package org.passerelle.stock;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.StockAlert;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What needs doing at the user's places, for the logistician's home: items out of stock where they
 * were held, lots expired and lots expiring within {@code passerelle.stock.near-expiry} (90 days).
 */
@Service
public class StockAlerts {

    static final String STOCK_OUT = "STOCK_OUT";
    static final String EXPIRED = "EXPIRED";
    static final String NEAR_EXPIRY = "NEAR_EXPIRY";

    private final Locations locations;
    private final LedgerRepository ledger;
    private final Clock clock;
    private final Duration nearExpiry;

    StockAlerts(
            Locations locations,
            LedgerRepository ledger,
            Clock clock,
            @Value("${passerelle.stock.near-expiry:90d}") Duration nearExpiry) {
        this.locations = locations;
        this.ledger = ledger;
        this.clock = clock;
        this.nearExpiry = nearExpiry;
    }

    /** The alerts of every place at the user's sites: stock-outs first, then lots by expiry. */
    @Transactional(readOnly = true)
    public List<StockAlert> mine() {
        List<UUID> places = locations.mine().stream().map(Location::id).toList();
        if (places.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now(clock);
        List<StockAlert> alerts = new ArrayList<>();
        ledger.stockOuts(places)
                .forEach(out -> alerts.add(new StockAlert(out.locationId(), out.itemCode(), null, null, STOCK_OUT)));
        ledger.expiringBy(places, today.plusDays(nearExpiry.toDays()))
                .forEach(lot -> alerts.add(new StockAlert(
                        lot.locationId(),
                        lot.itemCode(),
                        lot.lot(),
                        lot.expiresOn(),
                        lot.expiresOn() != null && lot.expiresOn().isBefore(today) ? EXPIRED : NEAR_EXPIRY)));
        return alerts;
    }
}
