package org.passerelle.stock;

import java.util.List;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.FieldFaults.Fault;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}. A refused
 * movement writes nothing: not to the ledger, not to a balance.
 */
public final class StockProblems {

    public static final String QUANTITY_NOT_POSITIVE = "stock-quantity-not-positive";

    public static final String UNKNOWN_ITEM = "stock-unknown-item";

    public static final String UNKNOWN_LOT = "stock-unknown-lot";

    public static final String LOT_EXPIRED = "stock-lot-expired";

    public static final String EXPIRY_DIFFERS = "stock-expiry-differs";

    public static final String SAME_LOCATION = "stock-same-location";

    /** Taking out more than the balance of the lot (or of every lot) at the place: nothing was taken. */
    public static final String INSUFFICIENT = "stock-insufficient";

    public static final String LOCATION_OUTSIDE_SCOPE = "stock-location-outside-scope";

    public static final String BACKDATED = "stock-backdated";

    public static final String IN_FUTURE = "stock-in-future";

    /** A client id already used for another request. */
    public static final String OPERATION_REUSED = "stock-operation-reused";

    public static final String ENTITLEMENT_EXCEEDED = "stock-entitlement-exceeded";

    public static final String DISTRIBUTION_WITHOUT_RECIPIENT = "stock-distribution-without-recipient";

    public static final String LOCATION_NAME_TAKEN = "stock-location-name-taken";

    /** A place closed while it still holds goods. */
    public static final String LOCATION_NOT_EMPTY = "stock-location-not-empty";

    /** A device not enrolled for the place's site, or another user's device set by a carer. */
    public static final String ALLOWANCE_DEVICE = "stock-allowance-device";

    /** A device handing out offline from a place where nothing was set aside for it. */
    public static final String NO_ALLOWANCE = "stock-no-allowance";

    /** The field's message of {@link #BACKDATED}, which says the window in hours. */
    /** A vaccine received without its expiry date. */
    public static final String EXPIRY_REQUIRED = "stock-expiry-required";

    /** An item given as a vaccine dose that is not a vaccine. */
    public static final String NOT_A_VACCINE = "stock-not-a-vaccine";

    public static final String BACKDATING_WINDOW = "stock-backdating-window";

    private StockProblems() {}

    static DomainException quantityNotPositive(String field) {
        return DomainException.invalidField(field, QUANTITY_NOT_POSITIVE);
    }

    static DomainException unknownItem(String field) {
        return DomainException.invalidField(field, UNKNOWN_ITEM);
    }

    /** No such lot of the item at the place. */
    static DomainException unknownLot() {
        return DomainException.invalidField("lot", UNKNOWN_LOT);
    }

    /** A lot past its expiry date, which is not handed to anyone. */
    static DomainException lotExpired() {
        return DomainException.invalidField("lot", LOT_EXPIRED);
    }

    /** A lot received with another expiry date than the one already held. */
    static DomainException expiryDiffers() {
        return DomainException.invalidField("expiresOn", EXPIRY_DIFFERS);
    }

    static DomainException sameLocation() {
        return DomainException.invalidField("toLocationId", SAME_LOCATION);
    }

    static DomainException expiryRequired() {
        return DomainException.invalidField("expiresOn", EXPIRY_REQUIRED);
    }

    static DomainException notAVaccine() {
        return DomainException.invalidField("vaccineCode", NOT_A_VACCINE);
    }

    static DomainException insufficient() {
        return DomainException.conflict(INSUFFICIENT);
    }

    static DomainException locationOutsideScope() {
        return DomainException.forbidden(LOCATION_OUTSIDE_SCOPE);
    }

    /** Dated further back than the window allows, which the message says in hours. */
    static DomainException backdated(long windowHours) {
        return FieldFaults.of(BACKDATED, List.of(Fault.of("occurredAt", BACKDATING_WINDOW, windowHours)));
    }

    static DomainException locationNotEmpty() {
        return DomainException.conflict(LOCATION_NOT_EMPTY);
    }

    static DomainException inFuture() {
        return DomainException.invalidField("occurredAt", IN_FUTURE);
    }

    static DomainException operationReused() {
        return DomainException.conflict(OPERATION_REUSED);
    }

    static DomainException entitlementExceeded() {
        return DomainException.conflict(ENTITLEMENT_EXCEEDED);
    }

    /** A distribution needs a person or a count of the people who received it, not both. */
    static DomainException distributionWithoutRecipient() {
        return DomainException.invalidField("counts", DISTRIBUTION_WITHOUT_RECIPIENT);
    }

    static DomainException locationNameTaken() {
        return DomainException.conflict(LOCATION_NAME_TAKEN);
    }

    static DomainException locationNotFound() {
        return DomainException.notFound(Locations.RECORD_TYPE);
    }

    static DomainException allowanceDevice() {
        return DomainException.invalidField("deviceId", ALLOWANCE_DEVICE);
    }

    static DomainException noAllowance() {
        return DomainException.conflict(NO_ALLOWANCE);
    }
}
