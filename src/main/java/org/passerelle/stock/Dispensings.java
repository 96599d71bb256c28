package org.passerelle.stock;

import java.time.Instant;
import java.util.List;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.care.Prescriptions;
import org.passerelle.care.Prescriptions.PrescribedLine;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.Dispensing;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A clinician hands the medicine of a line of a signed consultation's prescription from a place of
 * their site (the team's pharmacy or bag): the lot named, or those expiring first. The ledger's
 * lines name the consultation and the line, not the person.
 */
@Service
public class Dispensings {

    private final CurrentUsers currentUsers;
    private final Locations locations;
    private final Prescriptions prescriptions;
    private final StockCatalogue catalogue;
    private final LedgerWriter writer;

    Dispensings(
            CurrentUsers currentUsers,
            Locations locations,
            Prescriptions prescriptions,
            StockCatalogue catalogue,
            LedgerWriter writer) {
        this.currentUsers = currentUsers;
        this.locations = locations;
        this.prescriptions = prescriptions;
        this.catalogue = catalogue;
        this.writer = writer;
    }

    /** Dispenses a prescription line; sent again with the same id, answers what was dispensed. */
    @Transactional
    public Operation dispense(Dispensing dispensing) {
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.CLINICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        Location place = locations.requireUsable(dispensing.locationId());
        int quantity = LedgerWriter.positive("quantity", dispensing.quantity());
        Instant at = writer.occurredAt(dispensing.occurredAt());
        PrescribedLine prescribed = prescriptions.line(dispensing.encounterId(), dispensing.line());
        String item = catalogue.require("line", prescribed.medicineCode()).code();
        var replay = writer.replay(dispensing.id(), new Fingerprint(MovementKind.DISPENSING, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        List<LotShare> shares = writer.allocate(place.id(), item, dispensing.lot(), quantity, true);
        List<Line> lines = shares.stream()
                .map(share -> Line.of(MovementKind.DISPENSING, place.id(), place.siteId(), item, share, -1)
                        .forDispensing(prescribed.encounterId(), prescribed.line()))
                .toList();
        return writer.write(dispensing.id(), at, user, lines);
    }
}
