package org.passerelle.stock;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.access.CurrentUser;
import org.passerelle.devices.DeviceViews.Device;
import org.passerelle.devices.Devices;
import org.passerelle.platform.Ids;
import org.passerelle.stock.AllowanceRepository.Row;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.Allowance;
import org.passerelle.stock.StockViews.AllowanceDevice;
import org.passerelle.stock.StockViews.AllowanceRelease;
import org.passerelle.stock.StockViews.Balance;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.LotShare;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.NewAllowance;
import org.passerelle.stock.StockViews.Operation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods of a place set aside for a device of its team, which hands them out offline: what devices
 * hand out without network comes out of their allowances, never out of the place itself, so
 * together they can never hand out more than the place held. An allowance is set by a logistician
 * or coordinator, or by the device's own user while online, and given back to the place when the
 * round is over or the device is lost. Both are movements of the ledger (an allowance line out of
 * one and in to the other), written once whatever the retries, never below zero.
 */
@Service
public class Allowances {

    private final Locations locations;
    private final AllowanceRepository allowances;
    private final LedgerRepository ledger;
    private final LedgerWriter writer;
    private final StockCatalogue catalogue;
    private final Devices devices;

    Allowances(
            Locations locations,
            AllowanceRepository allowances,
            LedgerRepository ledger,
            LedgerWriter writer,
            StockCatalogue catalogue,
            Devices devices) {
        this.locations = locations;
        this.allowances = allowances;
        this.ledger = ledger;
        this.writer = writer;
        this.catalogue = catalogue;
        this.devices = devices;
    }

    /** Sets more of an item aside for a device, first expiring first; sent again, answers what was set aside. */
    @Transactional
    public Operation grant(NewAllowance command) {
        Location place = locations.requireUsable(command.locationId());
        CurrentUser user = requireKeeperOf(place, command.deviceId());
        String item = catalogue.require("itemCode", command.itemCode()).code();
        int quantity = LedgerWriter.positive("quantity", command.quantity());
        var replay = writer.replay(command.id(), new Fingerprint(MovementKind.ALLOWANCE_OUT, place.id(), item));
        if (replay.isPresent()) {
            return replay.get();
        }
        UUID allowance = allowances.open(place.id(), command.deviceId(), user.id());
        lockInOrder(place.id(), allowance, item);
        List<Line> lines = new ArrayList<>();
        for (LotShare share : writer.allocate(place.id(), item, null, quantity, true)) {
            lines.add(Line.of(MovementKind.ALLOWANCE_OUT, place.id(), place.siteId(), item, share, -1)
                    .from(allowance));
            lines.add(Line.of(MovementKind.ALLOWANCE_IN, allowance, place.siteId(), item, share, 1)
                    .from(place.id()));
        }
        return writer.write(command.id(), writer.occurredAt(null), user, lines);
    }

    /** Gives everything the device still holds of its allowance back to the place. */
    @Transactional
    public Operation release(AllowanceRelease command) {
        Location place = locations.requireUsable(command.locationId());
        CurrentUser user = requireKeeperOf(place, command.deviceId());
        var held = allowances.find(place.id(), command.deviceId());
        if (held.isEmpty()) {
            return new Operation(command.id(), List.of());
        }
        UUID allowance = held.get().id();
        var replay = writer.replay(command.id(), new Fingerprint(MovementKind.ALLOWANCE_OUT, allowance, null));
        if (replay.isPresent()) {
            return replay.get();
        }
        return giveBack(command.id(), place.id(), held.get(), user);
    }

    /**
     * Gives back everything a revoked device held, at every place, as the user who revoked it, in the
     * transaction that revokes it: a revoked device never syncs again, so what it held is the place's.
     */
    void releaseRevoked(UUID deviceId, CurrentUser user) {
        for (Row held : allowances.ofDevice(deviceId)) {
            giveBack(Ids.newId(), held.locationId(), held, user);
        }
    }

    private Operation giveBack(UUID operationId, UUID place, Row held, CurrentUser user) {
        UUID allowance = held.id();
        List<Line> lines = new ArrayList<>();
        for (String item : ledger.balances(List.of(allowance)).stream()
                .map(Balance::itemCode)
                .distinct()
                .sorted()
                .toList()) {
            lockInOrder(place, allowance, item);
            for (Balance lot : ledger.lock(allowance, item)) {
                if (lot.quantity() > 0) {
                    LotShare share = new LotShare(lot.lot(), lot.expiresOn(), lot.quantity());
                    lines.add(Line.of(MovementKind.ALLOWANCE_OUT, allowance, held.siteId(), item, share, -1)
                            .from(place));
                    lines.add(Line.of(MovementKind.ALLOWANCE_IN, place, held.siteId(), item, share, 1)
                            .from(allowance));
                }
            }
        }
        return writer.write(operationId, writer.occurredAt(null), user, lines);
    }

    /** The allowances set aside at a place, with what each device still holds. */
    @Transactional(readOnly = true)
    public List<Allowance> atPlace(UUID locationId) {
        locations.requireReader();
        Location place = locations.requireUsable(locationId);
        return withLots(allowances.ofPlace(place.id()));
    }

    /** The devices that may be given an allowance at a place, for those who set allowances there. */
    @Transactional(readOnly = true)
    public List<AllowanceDevice> devicesAt(UUID locationId) {
        locations.requireManager();
        Location place = locations.requireUsable(locationId);
        return devices.activeAt(place.siteId()).stream()
                .map(device -> new AllowanceDevice(device.id(), device.name(), device.username()))
                .toList();
    }

    /** The allowance of the device at a place of the user's sites, which a device hands out of offline. */
    UUID heldFor(UUID locationId, UUID deviceId) {
        Location place = locations.requireUsable(locationId);
        return allowances.find(place.id(), deviceId).map(Row::id).orElseThrow(StockProblems::noAllowance);
    }

    List<Allowance> withLots(List<Row> rows) {
        Map<UUID, List<Balance>> lots = ledger
                .balances(rows.stream().map(Row::id).toList())
                .stream()
                .collect(Collectors.groupingBy(Balance::locationId));
        return rows.stream()
                .map(row -> new Allowance(
                        row.id(),
                        row.locationId(),
                        row.siteId(),
                        row.deviceId(),
                        row.name(),
                        row.version(),
                        lots.getOrDefault(row.id(), List.of())))
                .toList();
    }

    /**
     * The user who sets aside goods of the place for the device: a logistician or coordinator of the
     * place's site for any device enrolled there, any user for their own device.
     */
    private CurrentUser requireKeeperOf(Location place, UUID deviceId) {
        CurrentUser user = locations.requireReader();
        Device device = devices.activeAt(place.siteId()).stream()
                .filter(one -> one.id().equals(deviceId))
                .findFirst()
                .orElseThrow(StockProblems::allowanceDevice);
        if (!device.userId().equals(user.id()) && Locations.MANAGERS.stream().noneMatch(user::hasRole)) {
            throw StockProblems.allowanceDevice();
        }
        return user;
    }

    private void lockInOrder(UUID place, UUID allowance, String item) {
        boolean placeFirst = place.compareTo(allowance) < 0;
        ledger.lock(placeFirst ? place : allowance, item);
        ledger.lock(placeFirst ? allowance : place, item);
    }
}
