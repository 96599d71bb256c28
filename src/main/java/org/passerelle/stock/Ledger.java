package org.passerelle.stock;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.Balance;
import org.passerelle.stock.StockViews.BalancePage;
import org.passerelle.stock.StockViews.Category;
import org.passerelle.stock.StockViews.Count;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.Operation;
import org.passerelle.stock.StockViews.Receipt;
import org.passerelle.stock.StockViews.Removal;
import org.passerelle.stock.StockViews.RemovalKind;
import org.passerelle.stock.StockViews.Transfer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The logistician's movements of goods: receipts, transfers between places, losses, expiries,
 * adjustments and inventory counts, each an operation of the append-only ledger written once
 * whatever the retries, at a place of the user's sites, dated at most
 * {@code passerelle.stock.backdating-window} (72 hours) back.
 */
@Service
public class Ledger {

    /** The order goods leave a place: the lot expiring first first, lots without expiry last. */
    static final Comparator<Balance> FIRST_EXPIRING_FIRST = Comparator.comparing(
                    Balance::expiresOn, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Balance::lot);

    private final LedgerWriter writer;
    private final Locations locations;
    private final StockCatalogue catalogue;
    private final LedgerRepository ledger;

    Ledger(LedgerWriter writer, Locations locations, StockCatalogue catalogue, LedgerRepository ledger) {
        this.writer = writer;
        this.locations = locations;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /** Goods received at a place: a new lot, or more of a lot held with the same expiry. */
    @Transactional
    public Operation receive(Receipt receipt) {
        CurrentUser user = locations.requireManager();
        Location place = locations.requireUsable(receipt.locationId());
        Item received = catalogue.require("itemCode", receipt.itemCode());
        String item = received.code();
        if (received.category() == Category.VACCINE && receipt.expiresOn() == null) {
            throw StockProblems.expiryRequired();
        }
        int quantity = LedgerWriter.positive("quantity", receipt.quantity());
        String lot = lot(receipt.lot());
        Instant at = writer.occurredAt(receipt.occurredAt());
        var replay = writer.replay(receipt.id(), new Fingerprint(MovementKind.RECEIPT, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        Line line = Line.of(
                MovementKind.RECEIPT,
                place.id(),
                place.siteId(),
                item,
                new LotShare(lot, receipt.expiresOn(), quantity),
                1);
        return writer.write(receipt.id(), at, user, List.of(line));
    }

    /** Goods moved between two places of the user's sites, lot by lot, first expiring first unless a lot is named. */
    @Transactional
    public Operation transfer(Transfer transfer) {
        CurrentUser user = locations.requireManager();
        Location from = locations.requireUsable(transfer.fromLocationId());
        Location to = locations.requireUsable(transfer.toLocationId());
        if (from.id().equals(to.id())) {
            throw StockProblems.sameLocation();
        }
        String item = catalogue.require("itemCode", transfer.itemCode()).code();
        int quantity = LedgerWriter.positive("quantity", transfer.quantity());
        Instant at = writer.occurredAt(transfer.occurredAt());
        var replay = writer.replay(transfer.id(), new Fingerprint(MovementKind.TRANSFER_OUT, from.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        // both places' balances of the item locked in one order, so that two opposite transfers at
        // once wait for each other instead of each holding what the other needs
        boolean fromFirst = from.id().compareTo(to.id()) < 0;
        ledger.lock(fromFirst ? from.id() : to.id(), item);
        ledger.lock(fromFirst ? to.id() : from.id(), item);
        List<LotShare> shares = writer.allocate(from.id(), item, transfer.lot(), quantity, false);
        List<Line> lines = shares.stream()
                .flatMap(share -> List.of(
                        Line.of(MovementKind.TRANSFER_OUT, from.id(), from.siteId(), item, share, -1)
                                .from(to.id()),
                        Line.of(MovementKind.TRANSFER_IN, to.id(), to.siteId(), item, share, 1)
                                .from(from.id()))
                        .stream())
                .toList();
        return writer.write(transfer.id(), at, user, lines);
    }

    /** A lot lost, expired or corrected: a loss or expiry takes out, an adjustment goes either way. */
    @Transactional
    public Operation remove(Removal removal) {
        CurrentUser user = locations.requireManager();
        Location place = locations.requireUsable(removal.locationId());
        String item = catalogue.require("itemCode", removal.itemCode()).code();
        boolean adjustment = removal.kind() == RemovalKind.ADJUSTMENT;
        int quantity = adjustment
                ? Integer.signum(removal.quantity()) * LedgerWriter.positive("quantity", Math.abs(removal.quantity()))
                : -LedgerWriter.positive("quantity", removal.quantity());
        String reason = removal.reason().strip();
        Instant at = writer.occurredAt(removal.occurredAt());
        MovementKind kind = MovementKind.valueOf(removal.kind().name());
        var replay = writer.replay(removal.id(), new Fingerprint(kind, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        Balance held = held(place.id(), item, lot(removal.lot()));
        if (quantity < 0 && held.quantity() < -quantity) {
            throw StockProblems.insufficient();
        }
        Line line = new Line(
                kind,
                place.id(),
                place.siteId(),
                item,
                held.lot(),
                held.expiresOn(),
                quantity,
                null,
                null,
                null,
                null,
                null,
                reason.isEmpty() ? null : reason);
        return writer.write(removal.id(), at, user, List.of(line));
    }

    /** A lot counted at a place: the ledger records the difference, and the balance becomes the count. */
    @Transactional
    public Operation count(Count count) {
        CurrentUser user = locations.requireManager();
        Location place = locations.requireUsable(count.locationId());
        String item = catalogue.require("itemCode", count.itemCode()).code();
        if (count.counted() < 0) {
            throw StockProblems.quantityNotPositive("counted");
        }
        String lot = lot(count.lot());
        Instant at = writer.occurredAt(count.occurredAt());
        var replay = writer.replay(count.id(), new Fingerprint(MovementKind.INVENTORY_COUNT, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        Balance held = ledger.lock(place.id(), item).stream()
                .filter(balance -> balance.lot().equals(lot))
                .findFirst()
                .orElse(new Balance(place.id(), item, lot, count.expiresOn(), 0));
        Line line = new Line(
                MovementKind.INVENTORY_COUNT,
                place.id(),
                place.siteId(),
                item,
                lot,
                held.expiresOn(),
                count.counted() - held.quantity(),
                count.counted(),
                null,
                null,
                null,
                null,
                null);
        return writer.write(count.id(), at, user, List.of(line));
    }

    /** The most items a page of balances holds, and how many it holds when not told. */
    static final int MOST_BALANCE_ITEMS = 500;

    static final int BALANCE_ITEMS = 50;

    /**
     * A page of the lots held at a place, empty ones left out: those of {@code limit} items after
     * {@code after} in item code order, or those of one item, with the place's totals.
     */
    @Transactional(readOnly = true)
    public BalancePage balances(
            UUID locationId, @Nullable String itemCode, @Nullable String after, @Nullable Integer limit) {
        locations.requireReader();
        UUID place = locations.requireUsable(locationId).id();
        int items = limit == null ? BALANCE_ITEMS : limit;
        if (items < 1 || items > MOST_BALANCE_ITEMS) {
            throw DomainException.outOfRange("limit");
        }
        String item = itemCode == null || itemCode.isBlank() ? null : itemCode.strip();
        List<Balance> lots = ledger.balancePage(place, item, after, items);
        LedgerRepository.BalanceTotals totals = ledger.balanceTotals(place, item);
        long itemsShown = lots.stream().map(Balance::itemCode).distinct().count();
        String next = item == null && itemsShown == items ? lots.getLast().itemCode() : null;
        return new BalancePage(lots, totals.lots(), totals.items(), totals.units(), next);
    }

    /** The lots a dispensing or transfer of {@code quantity} would take, first expiring first (a proposal: nothing is held). */
    @Transactional
    public List<LotShare> proposal(UUID locationId, String itemCode, int quantity) {
        locations.requireReader();
        Location place = locations.requireUsable(locationId);
        String item = catalogue.require("itemCode", itemCode).code();
        return writer.allocate(place.id(), item, null, LedgerWriter.positive("quantity", quantity), true);
    }

    private Balance held(UUID locationId, String item, String lot) {
        return ledger.lock(locationId, item).stream()
                .filter(balance -> balance.lot().equals(lot))
                .findFirst()
                .orElseThrow(StockProblems::unknownLot);
    }

    private static String lot(String lot) {
        String stripped = Objects.requireNonNull(lot).strip();
        if (stripped.isEmpty()) {
            throw StockProblems.unknownLot();
        }
        return stripped;
    }
}
