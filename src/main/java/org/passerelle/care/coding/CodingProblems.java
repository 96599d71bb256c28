package org.passerelle.care.coding;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every
 * code has a message {@code problem.<code>} in each language of {@code messages*.properties}.
 */
public final class CodingProblems {

    public static final String DUPLICATE_CODE = "duplicate-code";

    public static final String LIMIT_OUT_OF_RANGE = "limit-out-of-range";

    public static final String QUERY_TOO_LONG = "query-too-long";

    public static final String TOO_MANY_FAVOURITES = "too-many-favourites";

    public static final String UNKNOWN_CHAPTER = "unknown-chapter";

    public static final String UNKNOWN_DIAGNOSIS = "unknown-diagnosis";

    public static final String UNKNOWN_MEDICINE = "unknown-medicine";

    private CodingProblems() {}

    /** The code at position {@code index} of the favourites already appears before it. */
    static DomainException duplicateCode(int index) {
        return DomainException.invalidField("codes[" + index + "]", DUPLICATE_CODE);
    }

    /** A diagnosis search asks for fewer than 1 or more than 200 results. */
    static DomainException limitOutOfRange() {
        return DomainException.invalidField("limit", LIMIT_OUT_OF_RANGE);
    }

    /** A diagnosis search text is longer than 100 characters. */
    static DomainException queryTooLong() {
        return DomainException.invalidField("q", QUERY_TOO_LONG);
    }

    /** A site's favourites are replaced by a list longer than the maximum. */
    static DomainException tooManyFavouriteCodes() {
        return DomainException.invalidField("codes", TOO_MANY_FAVOURITES);
    }

    /** A diagnosis is added to a site's favourites that already hold the maximum. */
    static DomainException tooManyFavourites() {
        return DomainException.invalid(TOO_MANY_FAVOURITES);
    }

    /** A diagnosis list is asked for an ICD-10 chapter that does not exist. */
    static DomainException unknownChapter() {
        return DomainException.invalidField("chapter", UNKNOWN_CHAPTER);
    }

    /** A diagnosis code is not in the diagnosis catalogue. */
    static DomainException unknownDiagnosis(String field) {
        return DomainException.invalidField(field, UNKNOWN_DIAGNOSIS);
    }

    /** A medicine code is not in the formulary. */
    static DomainException unknownMedicine(String field) {
        return DomainException.invalidField(field, UNKNOWN_MEDICINE);
    }
}
