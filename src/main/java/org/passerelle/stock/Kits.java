package org.passerelle.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.KitAssembly;
import org.passerelle.stock.StockViews.KitBreakdown;
import org.passerelle.stock.StockViews.KitComponent;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Kits assembled at a place (a hygiene kit from a toothbrush, toothpaste, two bars of soap and
 * sanitary pads, as {@code stock/kits.tsv} says): in one operation the components leave the place,
 * first expiring first, and the kits come in, never below zero, written once whatever the retries.
 * A kit is broken back down the same way: the kits leave, first expiring first, and their components
 * come back in, in the kit's lot and with its expiry (their own lots were not kept in the kit).
 */
@Service
public class Kits {

    private static final DateTimeFormatter LOT_DATE = DateTimeFormatter.BASIC_ISO_DATE.withZone(ZoneOffset.UTC);

    private final Locations locations;
    private final StockCatalogue catalogue;
    private final LedgerRepository ledger;
    private final LedgerWriter writer;

    Kits(Locations locations, StockCatalogue catalogue, LedgerRepository ledger, LedgerWriter writer) {
        this.locations = locations;
        this.catalogue = catalogue;
        this.ledger = ledger;
        this.writer = writer;
    }

    /** Assembles kits from the components the place holds; refused when any is short, nothing taken then. */
    @Transactional
    public Operation assemble(KitAssembly assembly) {
        CurrentUser user = locations.requireManager();
        Location place = locations.requireUsable(assembly.locationId());
        Item kit = catalogue.require("kitCode", assembly.kitCode());
        if (kit.components().isEmpty()) {
            throw DomainException.invalidInput("kitCode");
        }
        int kits = LedgerWriter.positive("quantity", assembly.quantity());
        Instant at = writer.occurredAt(assembly.occurredAt());
        TreeSet<String> components =
                kit.components().stream().map(KitComponent::itemCode).collect(Collectors.toCollection(TreeSet::new));
        // the first line takes the first component: a breakdown's id (its first line takes kits) is refused
        var replay =
                writer.replay(assembly.id(), new Fingerprint(MovementKind.KIT_OUT, place.id(), components.first()));
        if (replay.isPresent()) {
            return replay.get();
        }
        // every item's balances locked in the order of their codes, as distributions lock theirs
        components.forEach(code -> ledger.lock(place.id(), code));
        List<Line> lines = new ArrayList<>();
        @Nullable LocalDate expiresOn = null;
        for (KitComponent component : kit.components().stream()
                .sorted(Comparator.comparing(KitComponent::itemCode))
                .toList()) {
            int needed = Math.multiplyExact(component.quantity(), kits);
            for (LotShare share : writer.allocate(place.id(), component.itemCode(), null, needed, true)) {
                lines.add(Line.of(MovementKind.KIT_OUT, place.id(), place.siteId(), component.itemCode(), share, -1));
                if (share.expiresOn() != null
                        && (expiresOn == null || share.expiresOn().isBefore(expiresOn))) {
                    expiresOn = share.expiresOn();
                }
            }
        }
        String lot = Objects.requireNonNullElse(assembly.lot(), "").strip();
        lines.add(Line.of(
                MovementKind.KIT_IN,
                place.id(),
                place.siteId(),
                kit.code(),
                new LotShare(lot.isEmpty() ? "KIT-" + LOT_DATE.format(at) : lot, expiresOn, kits),
                1));
        return writer.write(assembly.id(), at, user, lines);
    }

    /** Breaks kits the place holds back into their components; refused when it holds too few, nothing written then. */
    @Transactional
    public Operation breakDown(KitBreakdown breakdown) {
        CurrentUser user = locations.requireManager();
        Location place = locations.requireUsable(breakdown.locationId());
        Item kit = catalogue.require("kitCode", breakdown.kitCode());
        if (kit.components().isEmpty()) {
            throw DomainException.invalidInput("kitCode");
        }
        int kits = LedgerWriter.positive("quantity", breakdown.quantity());
        Instant at = writer.occurredAt(breakdown.occurredAt());
        var replay = writer.replay(breakdown.id(), new Fingerprint(MovementKind.KIT_OUT, place.id(), kit.code()));
        if (replay.isPresent()) {
            return replay.get();
        }
        TreeSet<String> codes =
                kit.components().stream().map(KitComponent::itemCode).collect(Collectors.toCollection(TreeSet::new));
        codes.add(kit.code());
        codes.forEach(code -> ledger.lock(place.id(), code));
        List<LotShare> taken = writer.allocate(place.id(), kit.code(), breakdown.lot(), kits, false);
        List<Line> lines = new ArrayList<>();
        for (LotShare share : taken) {
            lines.add(Line.of(MovementKind.KIT_OUT, place.id(), place.siteId(), kit.code(), share, -1));
        }
        for (LotShare share : taken) {
            for (KitComponent component : kit.components()) {
                LotShare back = new LotShare(
                        share.lot(), share.expiresOn(), Math.multiplyExact(component.quantity(), share.quantity()));
                lines.add(Line.of(MovementKind.KIT_IN, place.id(), place.siteId(), component.itemCode(), back, 1));
            }
        }
        return writer.write(breakdown.id(), at, user, lines);
    }
}
