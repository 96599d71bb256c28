package org.passerelle.stock;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.Ids;
import org.passerelle.sites.SiteDirectory;
import org.passerelle.sites.SiteKind;
import org.passerelle.sites.SiteViews.Site;
import org.passerelle.stock.LedgerRepository.NewLine;
import org.passerelle.stock.StockViews.Category;
import org.passerelle.stock.StockViews.LocationKind;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.NewLocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock for the demo data (when {@code passerelle.demo.enabled=true} and no place exists yet): a
 * pharmacy at each fixed site and a bag for each mobile team, with an opening stock received four
 * months ago, weekly use since, lots expiring soon, one expired lot and one item out of stock, so
 * that the logistician's home shows a living stock. Written straight to the ledger (older than the
 * backdating window allows a user), by the system.
 */
@Component
@Order(20)
class StockDemo implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StockDemo.class);
    private static final UUID SYSTEM = new UUID(0, 0);

    /** What the demo places hold: item, units received, units used a week on average. */
    private record Stocked(String itemCode, int received, int weekly) {}

    private static final List<Stocked> PHARMACY = List.of(
            new Stocked("paracetamol-500-tab", 3000, 150),
            new Stocked("ibuprofen-400-tab", 1000, 40),
            new Stocked("amoxicillin-500-caps", 1500, 90),
            new Stocked("metronidazole-500-tab", 400, 20),
            new Stocked("gauze-compress-10cm", 500, 25),
            new Stocked("examination-gloves-m", 1000, 60),
            new Stocked("malaria-rdt", 100, 3),
            new Stocked("hygiene-kit", 120, 6),
            new Stocked("sleeping-bag", 40, 3),
            new Stocked("blanket", 60, 4));

    private static final List<Stocked> MOBILE_BAG = List.of(
            new Stocked("paracetamol-500-tab", 600, 40),
            new Stocked("ibuprofen-400-tab", 200, 10),
            new Stocked("adhesive-plaster", 200, 12),
            new Stocked("hygiene-kit", 60, 5),
            new Stocked("sleeping-bag", 30, 2),
            new Stocked("tent", 10, 1),
            new Stocked("water-purification-tablets", 100, 5));

    private final boolean enabled;
    private final SiteDirectory sites;
    private final LocationRepository locations;
    private final LedgerRepository ledger;
    private final StockCatalogue catalogue;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    StockDemo(
            @Value("${passerelle.demo.enabled:false}") boolean enabled,
            SiteDirectory sites,
            LocationRepository locations,
            LedgerRepository ledger,
            StockCatalogue catalogue,
            AuditLog audit,
            JdbcClient jdbc,
            Clock clock) {
        this.enabled = enabled;
        this.sites = sites;
        this.locations = locations;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!enabled
                || jdbc.sql("select exists (select 1 from stock.location)")
                        .query(Boolean.class)
                        .single()) {
            return;
        }
        int places = 0;
        for (Site site : sites.sites()) {
            if (site.kind() == SiteKind.FIXED) {
                stock(site, LocationKind.PHARMACY, "Pharmacie " + site.name(), PHARMACY, places++);
            } else if (site.kind() == SiteKind.MOBILE_TEAM) {
                stock(site, LocationKind.MOBILE_BAG, "Sac " + site.name(), MOBILE_BAG, places++);
            }
        }
        log.info("Demo stock loaded: {} places", places);
    }

    private void stock(Site site, LocationKind kind, String name, List<Stocked> goods, int index) {
        UUID place = Ids.newId();
        String shortName = name.length() > 80 ? name.substring(0, 80) : name;
        locations.insert(new NewLocation(place, site.id(), kind, shortName), shortName, SYSTEM);
        audit.recordBySystem(AuditAction.CREATE, Locations.RECORD_TYPE, place, "demo");
        SplittableRandom random = new SplittableRandom(2026L + index);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < goods.size(); i++) {
            Stocked stocked = goods.get(i);
            // the first item of every place has a lot expiring within weeks; the second of the first place is used up
            LocalDate expiry = i == 0 ? today.plusDays(20 + 10L * index) : today.plusMonths(8 + random.nextInt(30));
            boolean usedUp = index == 0 && i == 1;
            String lot = "L" + (24000 + random.nextInt(5000));
            int held = move(place, site.id(), stocked.itemCode(), lot, expiry, stocked.received(), today, 17);
            for (int week = 16; week >= 1 && held > 0; week--) {
                // never empties a place but the one item meant to be used up
                int used =
                        usedUp ? held : Math.min(held - 1, stocked.weekly() / 2 + random.nextInt(stocked.weekly() + 1));
                held += move(place, site.id(), stocked.itemCode(), lot, expiry, -used, today, week);
            }
        }
        // an expired lot nobody threw away yet
        move(place, site.id(), "paracetamol-500-tab", "L19" + index, today.minusDays(12), 100, today, 30);
    }

    /** Appends one demo line {@code weeksAgo} weeks back and changes the balance; answers the signed quantity. */
    private int move(
            UUID place,
            UUID site,
            String item,
            String lot,
            @Nullable LocalDate expiry,
            int quantity,
            LocalDate today,
            int weeksAgo) {
        if (quantity == 0) {
            return 0;
        }
        Instant at = today.minusWeeks(weeksAgo).atTime(10, 0).toInstant(ZoneOffset.UTC);
        boolean handedOut = catalogue
                .find(item)
                .map(one -> one.category() == Category.NON_MEDICAL)
                .orElse(false);
        MovementKind kind =
                quantity > 0 ? MovementKind.RECEIPT : handedOut ? MovementKind.DISTRIBUTION : MovementKind.DISPENSING;
        ledger.append(
                Ids.newId(),
                new NewLine(
                        Ids.newId(),
                        0,
                        kind,
                        place,
                        site,
                        item,
                        lot,
                        expiry,
                        quantity,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "demo",
                        at,
                        at,
                        SYSTEM));
        if (quantity > 0) {
            ledger.add(place, item, lot, expiry, quantity, at);
        } else {
            ledger.take(place, item, lot, -quantity, at);
        }
        return quantity;
    }
}
