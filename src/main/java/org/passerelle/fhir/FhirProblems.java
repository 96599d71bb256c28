package org.passerelle.fhir;

import org.passerelle.platform.DomainException;

/**
 * The codes of the failures this module reports, each with the factory that builds it. Every code
 * has a message {@code problem.<code>} in each language of {@code messages*.properties}; a FHIR
 * client receives it as an {@code OperationOutcome} issue whose coding is the code.
 */
public final class FhirProblems {

    /**
     * A search by name, identifier or birth date sent with GET: those would stand in the URL, which
     * proxies and browsers keep; {@code POST [type]/_search} carries them in the body.
     */
    public static final String SEARCH_BY_POST = "fhir-search-by-post";

    /** A search parameter value or modifier the facade does not handle. */
    public static final String UNSUPPORTED_SEARCH = "fhir-unsupported-search";

    /**
     * Not a refusal: a warning beside a Patient created, naming a person already registered whom the
     * people module's matching finds likely to be the same.
     */
    public static final String POSSIBLE_DUPLICATE = "fhir-possible-duplicate";

    /** Not a refusal: the information that a Patient was created or updated. */
    public static final String SAVED = "fhir-saved";

    private FhirProblems() {}

    static DomainException searchByPost() {
        return DomainException.invalid(SEARCH_BY_POST);
    }

    static DomainException unsupportedSearch(String parameter) {
        return DomainException.invalidField(parameter, UNSUPPORTED_SEARCH);
    }

    /** A page of results asked for by someone other than the user who searched, or gone. */
    static DomainException pageGone() {
        return DomainException.notFound("fhir-page");
    }
}
