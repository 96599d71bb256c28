package org.passerelle.stock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.care.PrescriptionSigned;
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
import org.passerelle.stock.StockViews.SignedDispensing;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final LedgerRepository ledger;
    private final PrescriptionDispensingRepository outcomes;
    private final TransactionTemplate savepoint;
    private final Clock clock;

    Dispensings(
            CurrentUsers currentUsers,
            Locations locations,
            Prescriptions prescriptions,
            StockCatalogue catalogue,
            LedgerWriter writer,
            LedgerRepository ledger,
            PrescriptionDispensingRepository outcomes,
            PlatformTransactionManager transactions,
            Clock clock) {
        this.currentUsers = currentUsers;
        this.locations = locations;
        this.prescriptions = prescriptions;
        this.catalogue = catalogue;
        this.writer = writer;
        this.ledger = ledger;
        this.outcomes = outcomes;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
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

    /**
     * Dispenses, in the signing transaction, every line of a consultation just signed from the place
     * the clinician named. A line the place cannot serve (not enough stock, no number of days, an
     * item the stock does not know) is rolled back to its own savepoint and recorded as refused,
     * with what the place held: the consultation is signed all the same. A place that is not one of
     * the consultation's site, or a signer who may not dispense, refuses the whole signature. Each
     * line is dispensed under an id made from the consultation and the line, and its outcome is
     * recorded once: a signature sent again dispenses nothing twice.
     */
    @Transactional
    public void dispenseSigned(PrescriptionSigned signed) {
        UUID from = signed.dispenseFrom();
        if (from == null || signed.lines().isEmpty()) {
            return;
        }
        CurrentUser user = currentUsers.current();
        if (!user.hasRole(Role.CLINICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        Location place = locations.requireUsable(from);
        if (!place.siteId().equals(signed.siteId())) {
            throw StockProblems.locationOutsideScope();
        }
        Instant at = clock.instant();
        for (PrescriptionSigned.Line line : signed.lines()) {
            if (outcomes.recorded(signed.encounterId(), line.line())) {
                continue;
            }
            String item = catalogue
                    .find(line.medicineCode())
                    .map(StockViews.Item::code)
                    .orElse(line.medicineCode());
            String name = "prescription-dispensing/" + signed.encounterId() + "/" + line.line();
            UUID operationId = UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
            PrescriptionDispensingRepository.Stored outcome;
            try {
                Operation written = Objects.requireNonNull(savepoint.execute(
                        status -> dispenseLine(operationId, signed.encounterId(), line, place, item, at, user)));
                outcome = new PrescriptionDispensingRepository.Stored(
                        line.line(), place.id(), item, line.quantity(), written.id(), null, null);
            } catch (DomainException refused) {
                int held = outcomes.usable(place.id(), item, LocalDate.now(clock));
                outcome = new PrescriptionDispensingRepository.Stored(
                        line.line(), place.id(), item, line.quantity(), null, refused.code(), held);
            }
            outcomes.insert(signed.encounterId(), outcome, at, user.id());
        }
    }

    private Operation dispenseLine(
            UUID operationId,
            UUID encounterId,
            PrescriptionSigned.Line line,
            Location place,
            String item,
            Instant at,
            CurrentUser user) {
        catalogue.require("line", line.medicineCode());
        int quantity = LedgerWriter.positive("quantity", line.quantity());
        var replay = writer.replay(operationId, new Fingerprint(MovementKind.DISPENSING, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        List<Line> lines = writer.allocate(place.id(), item, null, quantity, true).stream()
                .map(share -> Line.of(MovementKind.DISPENSING, place.id(), place.siteId(), item, share, -1)
                        .forDispensing(encounterId, line.line()))
                .toList();
        return writer.write(operationId, at, user, lines);
    }

    /**
     * What signing the consultation dispensed, line by line, or why a line was not, to a user who
     * may read the consultation (404 otherwise); empty when no place was named at signing.
     */
    @Transactional(readOnly = true)
    public List<SignedDispensing> ofConsultation(UUID encounterId) {
        prescriptions.requireReadable(encounterId);
        return outcomes.of(encounterId).stream().map(this::outcome).toList();
    }

    private SignedDispensing outcome(PrescriptionDispensingRepository.Stored stored) {
        UUID operation = stored.operationId();
        List<LotShare> lots = operation == null
                ? List.of()
                : ledger.operation(operation).stream()
                        .map(movement -> new LotShare(movement.lot(), movement.expiresOn(), -movement.quantity()))
                        .toList();
        return new SignedDispensing(
                stored.line(),
                stored.locationId(),
                stored.itemCode(),
                stored.quantity(),
                operation == null ? SignedDispensing.Outcome.REFUSED : SignedDispensing.Outcome.DISPENSED,
                stored.refusal(),
                stored.held(),
                lots);
    }
}
