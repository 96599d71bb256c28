package org.passerelle.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The records the stock module hands out and takes in. */
public final class StockViews {

    private StockViews() {}

    /** What kind of goods an item is. */
    public enum Category {
        MEDICINE,
        CONSUMABLE,
        /** A vaccine, under the vaccination module's code, counted in doses, received with its expiry. */
        VACCINE,
        NON_MEDICAL
    }

    /** How many of an item a person may receive in a number of days, such as one sleeping bag in 30. */
    public record Entitlement(int quantity, int days) {}

    /** One component of a kit. */
    public record KitComponent(String itemCode, int quantity) {}

    /**
     * An item of the catalogue, counted in {@code unit}; a kit lists its components.
     *
     * @param packSize how many units a pack (as received) holds
     */
    public record Item(
            String code,
            Category category,
            String nameFr,
            String nameEn,
            String nameAr,
            String unit,
            int packSize,
            @Nullable Entitlement entitlement,
            List<KitComponent> components) {

        public Item {
            components = List.copyOf(components);
        }
    }

    /** What a place of storage is. */
    public enum LocationKind {
        WAREHOUSE,
        PHARMACY,
        MOBILE_BAG,
        SHELTER_STORE
    }

    /** A place goods are kept, at a site. */
    public record Location(UUID id, UUID siteId, LocationKind kind, String name, long version) {}

    /** A new place, with the client's id. */
    public record NewLocation(
            @NotNull UUID id,
            @NotNull UUID siteId,
            @NotNull LocationKind kind,
            @NotNull @Size(max = 80) String name) {}

    /** A place renamed, by a user who read it at {@code version}. */
    public record RenamedLocation(@NotNull @Size(max = 80) String name, long version) {}

    /** A place closed, by a user who read it at {@code version}: it must hold nothing any more. */
    public record ClosedLocation(long version) {}

    /** What a line of the ledger records. */
    public enum MovementKind {
        RECEIPT,
        TRANSFER_OUT,
        TRANSFER_IN,
        DISPENSING,
        DISTRIBUTION,
        LOSS,
        EXPIRY,
        ADJUSTMENT,
        INVENTORY_COUNT,
        /** Goods set aside for a device out of a place, or given back: a line out and a line in. */
        ALLOWANCE_OUT,
        ALLOWANCE_IN,
        /** Kits assembled at a place: their components out, the kits in. */
        KIT_OUT,
        KIT_IN,
        /** A vaccine dose given to a person, naming the dose recorded by the vaccination module. */
        ADMINISTERED
    }

    /**
     * One line of the ledger: a signed quantity of a lot at a place.
     *
     * @param operationId the client's id of the request that wrote it (a retry writes nothing new)
     * @param counted for an inventory count, what was counted (the quantity is the difference)
     * @param changeSeq the line's place in the ledger's sequence, for devices pulling what is new
     */
    public record Movement(
            UUID id,
            UUID operationId,
            int line,
            MovementKind kind,
            UUID locationId,
            String itemCode,
            String lot,
            @Nullable LocalDate expiresOn,
            int quantity,
            @Nullable Integer counted,
            @Nullable UUID otherLocationId,
            @Nullable UUID encounterId,
            @Nullable UUID distributionId,
            @Nullable String reason,
            Instant occurredAt,
            Instant recordedAt,
            long version,
            long changeSeq) {}

    /** What one request wrote to the ledger; the same answer when the request is sent again. */
    public record Operation(UUID id, List<Movement> movements) {

        public Operation {
            movements = List.copyOf(movements);
        }
    }

    /** The quantity of one lot of an item at a place. */
    public record Balance(
            UUID locationId,
            String itemCode,
            String lot,
            @Nullable LocalDate expiresOn,
            int quantity) {}

    /**
     * A page of a place's balances and the place's totals, so that a screen shows a page and the
     * whole: the lots of some items, in item code order (then first expiring first, then lot).
     *
     * @param totalLots the lots the place holds (of the item asked for, if one was)
     * @param totalItems the items the place holds
     * @param totalUnits the units of every lot counted
     * @param nextAfter the {@code after} that gives the next page; none on the last one
     */
    public record BalancePage(
            List<Balance> lots,
            int totalLots,
            int totalItems,
            long totalUnits,
            @Nullable String nextAfter) {

        public BalancePage {
            lots = List.copyOf(lots);
        }
    }

    /** Goods received at a place (a delivery, a donation, an opening stock). */
    public record Receipt(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull String itemCode,
            @NotNull @Size(max = 40) String lot,
            @Nullable LocalDate expiresOn,
            int quantity,
            @Nullable Instant occurredAt) {}

    /** Goods moved from one place to another; without a lot, the lots that expire first go. */
    public record Transfer(
            @NotNull UUID id,
            @NotNull UUID fromLocationId,
            @NotNull UUID toLocationId,
            @NotNull String itemCode,
            @Nullable @Size(max = 40) String lot,
            int quantity,
            @Nullable Instant occurredAt) {}

    /** What a removal from stock is: lost or damaged, expired, or a correction either way. */
    public enum RemovalKind {
        LOSS,
        EXPIRY,
        ADJUSTMENT
    }

    /** A loss, an expiry or an adjustment of a lot (an adjustment's quantity may be negative). */
    public record Removal(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull RemovalKind kind,
            @NotNull String itemCode,
            @NotNull @Size(max = 40) String lot,
            int quantity,
            @NotNull @Size(max = 200) String reason,
            @Nullable Instant occurredAt) {}

    /** A lot counted at a place: the ledger records the difference with its balance. */
    public record Count(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull String itemCode,
            @NotNull @Size(max = 40) String lot,
            @Nullable LocalDate expiresOn,
            int counted,
            @Nullable Instant occurredAt) {}

    /** The medicine of a consultation's prescription line handed to the person, from a place of their site. */
    public record Dispensing(
            @NotNull UUID id,
            @NotNull UUID encounterId,
            int line,
            @NotNull UUID locationId,
            @Nullable @Size(max = 40) String lot,
            int quantity,
            @Nullable Instant occurredAt) {}

    /** One item handed out in a distribution. */
    public record DistributedItem(
            @NotNull String itemCode,
            @Nullable @Size(max = 40) String lot,
            int quantity) {}

    /** How many people of a sex and age group received a distribution made without names. */
    public record GroupCount(@NotNull String sex, @NotNull String ageGroup, int people) {}

    /** Goods handed out to a person, or to a group counted by sex and age group. */
    public record NewDistribution(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @Nullable UUID personId,
            @NotNull @Size(min = 1, max = 20) List<@Valid DistributedItem> items,
            @Nullable @Size(max = 40) List<@Valid GroupCount> counts,
            @Nullable Instant occurredAt) {}

    /**
     * Goods of a place set aside for one enrolled device, which hands them out offline: what it
     * still holds, lot by lot (the empty ones left out).
     *
     * @param id the allowance's own id (its lots are kept as a place's)
     * @param locationId the place the goods were set aside from, named {@code name}
     */
    public record Allowance(
            UUID id, UUID locationId, UUID siteId, UUID deviceId, String name, long version, List<Balance> lots) {

        public Allowance {
            lots = List.copyOf(lots);
        }
    }

    /** More of an item set aside for a device out of a place, with the client's id of the request. */
    public record NewAllowance(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull UUID deviceId,
            @NotNull String itemCode,
            int quantity) {}

    /** Everything a device still holds of its allowance at a place given back to the place. */
    public record AllowanceRelease(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull UUID deviceId) {}

    /** A device that may be given an allowance at a place: enrolled for a user of the place's site. */
    public record AllowanceDevice(UUID id, String name, String username) {}

    /**
     * Kits assembled at a place from the components it holds, with the client's id of the request;
     * the kits' lot is named, or dated ({@code KIT-20261207}), and expires with its first-expiring component.
     */
    public record KitAssembly(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull String kitCode,
            int quantity,
            @Nullable @Size(max = 40) String lot,
            @Nullable Instant occurredAt) {}

    /** Kits at a place broken back down into their components: a lot of kits named, or those expiring first. */
    public record KitBreakdown(
            @NotNull UUID id,
            @NotNull UUID locationId,
            @NotNull String kitCode,
            int quantity,
            @Nullable @Size(max = 40) String lot,
            @Nullable Instant occurredAt) {}

    /** What a person received of an item, and when. */
    public record Received(UUID distributionId, String itemCode, int quantity, Instant occurredAt, UUID siteId) {}

    /** A lot proposed for taking goods out: those expiring first go first. */
    public record LotShare(String lot, @Nullable LocalDate expiresOn, int quantity) {}

    /**
     * What signing a consultation did with one line of its prescription at the place named.
     *
     * @param quantity what the line adds up to (doses a day times days; 0 when open-ended)
     * @param problem why the line was not dispensed: the code of the problem a dispensing would get
     * @param held what the place held of the item that could be handed out, when refused
     * @param lots the lots taken, when dispensed
     */
    public record SignedDispensing(
            int line,
            UUID locationId,
            String itemCode,
            int quantity,
            Outcome outcome,
            @Nullable String problem,
            @Nullable Integer held,
            List<LotShare> lots) {

        public enum Outcome {
            DISPENSED,
            REFUSED
        }

        public SignedDispensing {
            lots = List.copyOf(lots);
        }
    }

    /**
     * What a place uses of an item and what to order.
     *
     * @param monthlyConsumption the average of the last months, in the item's unit
     * @param monthsOfStock how long the balance lasts at that pace; none when nothing was used
     * @param suggestedOrder what to order to hold the target months of use when the order arrives
     */
    public record Consumption(
            String itemCode,
            int balance,
            double monthlyConsumption,
            @Nullable Double monthsOfStock,
            int suggestedOrder) {}

    /** What a logistician's places need: items out of stock, lots expiring soon. */
    public record StockAlert(
            UUID locationId,
            String itemCode,
            @Nullable String lot,
            @Nullable LocalDate expiresOn,
            String kind) {}
}
