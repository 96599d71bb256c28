package org.passerelle.stock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.access.Role;
import org.passerelle.audit.AuditAction;
import org.passerelle.audit.AuditLog;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.DomainException;
import org.passerelle.stock.LedgerWriter.Fingerprint;
import org.passerelle.stock.LedgerWriter.Line;
import org.passerelle.stock.StockViews.DistributedItem;
import org.passerelle.stock.StockViews.Entitlement;
import org.passerelle.stock.StockViews.GroupCount;
import org.passerelle.stock.StockViews.Item;
import org.passerelle.stock.StockViews.Location;
import org.passerelle.stock.StockViews.MovementKind;
import org.passerelle.stock.StockViews.NewDistribution;
import org.passerelle.stock.StockViews.Operation;
import org.passerelle.stock.StockViews.Received;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Goods handed out: to a person, by a user who cares for them at their site (general compartment:
 * what they received, never why), within each item's entitlement (one sleeping bag in 30 days);
 * or to a group counted by sex and age group without names, by a carer or a logistician. What a
 * person received is read with an audit line.
 */
@Service
public class Distributions {

    static final String RECORD_TYPE = "stock-distribution";
    private static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    private static final Set<String> AGE_GROUPS = Set.of("00-04", "05-14", "15-17", "18+", "UNKNOWN");

    private final CurrentUsers currentUsers;
    private final Locations locations;
    private final PersonAccess personAccess;
    private final StockCatalogue catalogue;
    private final LedgerWriter writer;
    private final DistributionRepository distributions;
    private final AuditLog audit;

    Distributions(
            CurrentUsers currentUsers,
            Locations locations,
            PersonAccess personAccess,
            StockCatalogue catalogue,
            LedgerWriter writer,
            DistributionRepository distributions,
            AuditLog audit) {
        this.currentUsers = currentUsers;
        this.locations = locations;
        this.personAccess = personAccess;
        this.catalogue = catalogue;
        this.writer = writer;
        this.distributions = distributions;
        this.audit = audit;
    }

    /** Hands out goods; sent again with the same id, answers what was handed out. */
    @Transactional
    public Operation distribute(NewDistribution command) {
        List<GroupCount> counts = Objects.requireNonNullElse(command.counts(), List.of());
        UUID personId = command.personId();
        if ((personId == null) == counts.isEmpty()) {
            throw StockProblems.distributionWithoutRecipient();
        }
        CurrentUser user = personId == null ? requireGroupDistributor() : requireCarerOf(personId);
        Location place = locations.requireUsable(command.locationId());
        List<DistributedItem> items = items(command.items());
        counts.forEach(Distributions::checkCount);
        Instant at = writer.occurredAt(command.occurredAt());
        Fingerprint fingerprint = new Fingerprint(
                MovementKind.DISTRIBUTION, place.id(), items.getFirst().itemCode());
        var replay = writer.replay(command.id(), fingerprint);
        if (replay.isPresent()) {
            return replay.get();
        }
        if (!distributions.insert(command.id(), place.id(), place.siteId(), personId, at, user.id())) {
            return writer.replay(command.id(), fingerprint).orElseThrow(StockProblems::operationReused);
        }
        if (personId != null) {
            checkEntitlements(personId, items, at);
        }
        List<Line> lines = new ArrayList<>();
        for (DistributedItem item : items) {
            writer.allocate(place.id(), item.itemCode(), item.lot(), item.quantity(), true).stream()
                    .map(share -> Line.of(
                                    MovementKind.DISTRIBUTION, place.id(), place.siteId(), item.itemCode(), share, -1)
                            .forDistribution(command.id()))
                    .forEach(lines::add);
        }
        counts.forEach(count -> distributions.insertCount(command.id(), count));
        Operation written = writer.write(command.id(), at, user, lines);
        audit.record(AuditAction.CREATE, RECORD_TYPE, command.id());
        return written;
    }

    /** What a person received, for a user who may read their file in the general compartment; audited. */
    @Transactional
    public List<Received> receivedBy(UUID personId) {
        personAccess.requireFile(personId);
        personAccess.requireCompartment(currentUsers.current(), Compartment.GENERAL);
        audit.record(AuditAction.READ, RECORD_TYPE, personId);
        return distributions.receivedBy(personId);
    }

    private CurrentUser requireCarerOf(UUID personId) {
        CurrentUser user = personAccess.requireWritable(personId);
        personAccess.requireCompartment(user, Compartment.GENERAL);
        return user;
    }

    private CurrentUser requireGroupDistributor() {
        CurrentUser user = currentUsers.current();
        if (!user.caresForPeople() && !user.hasRole(Role.LOGISTICIAN)) {
            throw DomainException.roleNotAllowed();
        }
        return user;
    }

    /** The items checked, each once, in the order their balances are locked (by code, so two distributions never wait on each other in a cycle). */
    private List<DistributedItem> items(List<DistributedItem> items) {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < items.size(); index++) {
            DistributedItem item = items.get(index);
            catalogue.require("items[" + index + "].itemCode", item.itemCode());
            LedgerWriter.positive("items[" + index + "].quantity", item.quantity());
            if (!seen.add(item.itemCode())) {
                throw DomainException.invalidInput("items[" + index + "].itemCode");
            }
        }
        return items.stream()
                .sorted(Comparator.comparing(DistributedItem::itemCode))
                .toList();
    }

    private static void checkCount(GroupCount count) {
        if (!SEXES.contains(count.sex())) {
            throw DomainException.invalidInput("counts.sex");
        }
        if (!AGE_GROUPS.contains(count.ageGroup())) {
            throw DomainException.invalidInput("counts.ageGroup");
        }
        if (count.people() < 1 || count.people() > 10_000) {
            throw DomainException.outOfRange("counts.people");
        }
    }

    private void checkEntitlements(UUID personId, List<DistributedItem> items, Instant at) {
        distributions.lockPerson(personId);
        for (DistributedItem distributed : items) {
            Item item = catalogue.require("itemCode", distributed.itemCode());
            @Nullable Entitlement entitlement = item.entitlement();
            if (entitlement == null) {
                continue;
            }
            Instant since = at.minus(Duration.ofDays(entitlement.days()));
            int received = distributions.receivedSince(personId, item.code(), since);
            if (received + distributed.quantity() > entitlement.quantity()) {
                throw StockProblems.entitlementExceeded();
            }
        }
    }
}
