package org.passerelle.stock;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.stock.LedgerRepository.NewLine;
import org.passerelle.stock.StockViews.Balance;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.Movement;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one write path of the ledger, for every kind of movement: an operation (a client's request,
 * with its id) is written once, its lines appended and each balance changed under its row's lock
 * in the same transaction, never below zero; sent again, it answers what was written the first
 * time. Refusals come before anything is written, or roll everything back.
 */
@Component
class LedgerWriter {

    static final String RECORD_TYPE = "stock-movement";
    static final int LARGEST_QUANTITY = 1_000_000;
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * What an operation is: its first line's kind, place and item (any item when null), to tell a
     * retry from a reused id.
     */
    record Fingerprint(
            MovementKind kind, UUID locationId, @Nullable String itemCode) {}

    /** A line to write, before it has an id and a time. */
    record Line(
            MovementKind kind,
            UUID locationId,
            UUID siteId,
            String itemCode,
            String lot,
            @Nullable LocalDate expiresOn,
            int quantity,
            @Nullable Integer counted,
            @Nullable UUID otherLocationId,
            @Nullable UUID encounterId,
            @Nullable Integer prescriptionLine,
            @Nullable UUID distributionId,
            @Nullable String reason) {

        static Line of(MovementKind kind, UUID locationId, UUID siteId, String item, LotShare share, int sign) {
            return new Line(
                    kind,
                    locationId,
                    siteId,
                    item,
                    share.lot(),
                    share.expiresOn(),
                    sign * share.quantity(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }

        Line from(@Nullable UUID otherLocation) {
            return new Line(
                    kind,
                    locationId,
                    siteId,
                    itemCode,
                    lot,
                    expiresOn,
                    quantity,
                    counted,
                    otherLocation,
                    encounterId,
                    prescriptionLine,
                    distributionId,
                    reason);
        }

        Line forDispensing(UUID encounter, int line) {
            return new Line(
                    kind,
                    locationId,
                    siteId,
                    itemCode,
                    lot,
                    expiresOn,
                    quantity,
                    counted,
                    otherLocationId,
                    encounter,
                    line,
                    distributionId,
                    reason);
        }

        Line forDistribution(UUID distribution) {
            return new Line(
                    kind,
                    locationId,
                    siteId,
                    itemCode,
                    lot,
                    expiresOn,
                    quantity,
                    counted,
                    otherLocationId,
                    encounterId,
                    prescriptionLine,
                    distribution,
                    reason);
        }
    }

    private final LedgerRepository ledger;
    private final AllowanceRepository allowances;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration backdating;

    LedgerWriter(
            LedgerRepository ledger,
            AllowanceRepository allowances,
            AuditLog audit,
            Clock clock,
            @Value("${passerelle.stock.backdating-window:72h}") Duration backdating) {
        this.ledger = ledger;
        this.allowances = allowances;
        this.audit = audit;
        this.clock = clock;
        this.backdating = backdating;
    }

    /** When the movement happened: now, or a time given that is neither too old nor ahead. */
    Instant occurredAt(@Nullable Instant given) {
        Instant now = clock.instant();
        if (given == null) {
            return now;
        }
        if (given.isBefore(now.minus(backdating))) {
            throw StockProblems.backdated(backdating.toHours());
        }
        if (given.isAfter(now.plus(CLOCK_SKEW))) {
            throw StockProblems.inFuture();
        }
        return given;
    }

    /** The application's clock, which dates every line. */
    Clock clock() {
        return clock;
    }

    /** A positive quantity not beyond what any stock holds, or a refusal naming the field. */
    static int positive(String field, int quantity) {
        if (quantity <= 0) {
            throw StockProblems.quantityNotPositive(field);
        }
        if (quantity > LARGEST_QUANTITY) {
            throw DomainException.outOfRange(field);
        }
        return quantity;
    }

    /** The operation already written under this id, if any; refused when it was another request. */
    Optional<Operation> replay(UUID operationId, Fingerprint fingerprint) {
        List<Movement> written = ledger.operation(operationId);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Movement first = written.getFirst();
        if (first.kind() != fingerprint.kind()
                || !first.locationId().equals(fingerprint.locationId())
                || (fingerprint.itemCode() != null && !first.itemCode().equals(fingerprint.itemCode()))) {
            throw StockProblems.operationReused();
        }
        return Optional.of(new Operation(operationId, written));
    }

    /**
     * Locks the item's balances at the place and chooses what to take: the lot asked for, or the
     * lots expiring first (expired ones left out); refuses when they do not hold {@code quantity}.
     */
    List<LotShare> allocate(UUID locationId, String itemCode, @Nullable String lot, int quantity, boolean handedOut) {
        List<Balance> held = ledger.lock(locationId, itemCode);
        LocalDate today = LocalDate.now(clock);
        if (lot != null && !lot.isBlank()) {
            Balance balance = held.stream()
                    .filter(one -> one.lot().equals(lot.strip()))
                    .findFirst()
                    .orElseThrow(StockProblems::unknownLot);
            if (handedOut && expired(balance, today)) {
                throw StockProblems.lotExpired();
            }
            if (balance.quantity() < quantity) {
                throw StockProblems.insufficient();
            }
            return List.of(new LotShare(balance.lot(), balance.expiresOn(), quantity));
        }
        List<LotShare> shares = new ArrayList<>();
        int remaining = quantity;
        for (Balance balance : held) {
            if (remaining == 0) {
                break;
            }
            if (balance.quantity() > 0 && !expired(balance, today)) {
                int taken = Math.min(remaining, balance.quantity());
                shares.add(new LotShare(balance.lot(), balance.expiresOn(), taken));
                remaining -= taken;
            }
        }
        if (remaining > 0) {
            throw StockProblems.insufficient();
        }
        return shares;
    }

    private static boolean expired(Balance balance, LocalDate today) {
        return balance.expiresOn() != null && balance.expiresOn().isBefore(today);
    }

    /**
     * Appends the lines and changes the balances, under the caller's transaction; a twin request
     * that committed first makes this one answer what the twin wrote.
     */
    Operation write(UUID operationId, Instant occurredAt, CurrentUser user, List<Line> lines) {
        Instant now = clock.instant();
        for (int index = 0; index < lines.size(); index++) {
            Line line = lines.get(index);
            NewLine row = new NewLine(
                    operationId,
                    index,
                    line.kind(),
                    line.locationId(),
                    line.siteId(),
                    line.itemCode(),
                    line.lot(),
                    line.expiresOn(),
                    line.quantity(),
                    line.counted(),
                    line.otherLocationId(),
                    line.encounterId(),
                    line.prescriptionLine(),
                    line.distributionId(),
                    line.reason(),
                    occurredAt,
                    now,
                    user.id());
            if (!ledger.append(Ids.newId(), row)) {
                if (index == 0) {
                    return new Operation(operationId, ledger.operation(operationId));
                }
                throw new IllegalStateException("an operation's later line was written without its first");
            }
        }
        for (Line line : lines) {
            apply(line, now);
        }
        allowances.touch(lines.stream().map(Line::locationId).distinct().toList());
        audit.record(AuditAction.CREATE, RECORD_TYPE, operationId);
        return new Operation(operationId, ledger.operation(operationId));
    }

    private void apply(Line line, Instant now) {
        if (line.quantity() < 0
                && !ledger.take(line.locationId(), line.itemCode(), line.lot(), -line.quantity(), now)) {
            throw StockProblems.insufficient();
        }
        if (line.quantity() > 0
                && !ledger.add(
                        line.locationId(), line.itemCode(), line.lot(), line.expiresOn(), line.quantity(), now)) {
            throw StockProblems.expiryDiffers();
        }
    }
}
