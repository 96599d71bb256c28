package org.passerelle.stock;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.Balance;
import org.passerelle.stock.StockViews.Category;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The stock's side of a vaccination: the lots of a vaccine a place holds, and a dose given taking
 * its lot out of the place's stock. The vaccination module calls it in the transaction that records
 * the dose, under the dose's id: the ledger's {@code ADMINISTERED} line is written under that id
 * (its operation id), names no person, and is written once however often the dose is sent again.
 * A vaccine is a catalogue item of category {@code VACCINE} under the vaccination module's vaccine
 * code, counted in doses, always received with its lot's expiry date.
 */
@Service
public class VaccineStock {

    /**
     * A dose given from a place's stock.
     *
     * @param doseId the id of the dose the vaccination module records: the ledger operation's id
     * @param vaccineCode the vaccination module's code of the vaccine
     * @param lot the lot in hand, or none for the one expiring first (expired lots never given)
     * @param occurredAt when it was given, within the backdating window; now when none
     */
    public record Administration(
            UUID doseId,
            UUID locationId,
            String vaccineCode,
            @Nullable String lot,
            @Nullable Instant occurredAt) {}

    /** The lot a dose was taken from, with its expiry date, for the vaccination record. */
    public record AdministeredLot(String lot, @Nullable LocalDate expiresOn) {}

    private final CurrentUsers currentUsers;
    private final Locations locations;
    private final StockCatalogue catalogue;
    private final LedgerWriter writer;
    private final LedgerRepository ledger;

    VaccineStock(
            CurrentUsers currentUsers,
            Locations locations,
            StockCatalogue catalogue,
            LedgerWriter writer,
            LedgerRepository ledger) {
        this.currentUsers = currentUsers;
        this.locations = locations;
        this.catalogue = catalogue;
        this.writer = writer;
        this.ledger = ledger;
    }

    /**
     * Takes one dose of the vaccine out of the place's stock for the dose recorded, and answers its
     * lot: refused, writing nothing, when the place is not of the user's sites, the item is not a
     * vaccine ({@code stock-not-a-vaccine}), the lot is unknown or expired, or nothing is left
     * ({@code stock-insufficient}). Sent again with the same dose id, answers the lot taken first.
     */
    @Transactional
    public AdministeredLot administer(Administration administration) {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.CLINICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        Location place = locations.requireUsable(administration.locationId());
        String vaccine = vaccine(administration.vaccineCode());
        Instant at = writer.occurredAt(administration.occurredAt());
        var replay =
                writer.replay(administration.doseId(), new Fingerprint(MovementKind.ADMINISTERED, place.id(), vaccine));
        if (replay.isPresent()) {
            return lotOf(replay.get());
        }
        List<Line> lines = writer.allocate(place.id(), vaccine, administration.lot(), 1, true).stream()
                .map(share -> Line.of(MovementKind.ADMINISTERED, place.id(), place.siteId(), vaccine, share, -1))
                .toList();
        return lotOf(writer.write(administration.doseId(), at, user, lines));
    }

    /** The lots of the vaccine the place holds that may be given today, first expiring first. */
    @Transactional(readOnly = true)
    public List<LotShare> lots(UUID locationId, String vaccineCode) {
        locations.requireReader();
        Location place = locations.requireUsable(locationId);
        String vaccine = vaccine(vaccineCode);
        LocalDate today = LocalDate.now(writer.clock());
        return ledger.balancePage(place.id(), vaccine, null, 1).stream()
                .filter(balance -> balance.quantity() > 0)
                .filter(balance ->
                        balance.expiresOn() == null || !balance.expiresOn().isBefore(today))
                .sorted(Ledger.FIRST_EXPIRING_FIRST)
                .map(VaccineStock::share)
                .toList();
    }

    private String vaccine(String code) {
        Item item = catalogue.require("vaccineCode", code);
        if (item.category() != Category.VACCINE) {
            throw StockProblems.notAVaccine();
        }
        return item.code();
    }

    private static AdministeredLot lotOf(Operation operation) {
        var line = operation.movements().getFirst();
        return new AdministeredLot(line.lot(), line.expiresOn());
    }

    private static LotShare share(Balance balance) {
        return new LotShare(balance.lot(), balance.expiresOn(), balance.quantity());
    }
}
