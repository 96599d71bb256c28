package org.passerelle.fhir;

/**
 * The identifiers of the systems, extensions and code systems Passerelle defines for what FHIR has
 * no element or code of its own. Their definitions are in {@code docs/fhir.md}.
 */
public final class FhirSystems {

    private static final String BASE = "https://passerelle.org/fhir/";

    /** The patient code printed on a person's card, with its check character. */
    public static final String PATIENT_CODE = BASE + "sid/patient-code";

    /**
     * On {@code Patient.birthDate}: an age estimated on a day (sub-extensions {@code age}, an
     * {@code Age} in years, and {@code estimatedOn}, a {@code date}), the birth date being only the
     * year that estimate implies.
     */
    public static final String ESTIMATED_AGE = BASE + "StructureDefinition/estimated-age";

    /** The discipline of a consultation: medical, nursing, mental health, social or legal. */
    public static final String DISCIPLINE = BASE + "CodeSystem/discipline";

    /** The compartment a consultation lives in (general, mental health, SGBV, legal). */
    public static final String COMPARTMENT = BASE + "CodeSystem/compartment";

    /** A vaccine of Passerelle's catalogue (the vaccination module's codes). */
    public static final String VACCINE = BASE + "CodeSystem/vaccine";

    /** The kind of service a person is referred to (PASS, emergency, city doctor, lawyer...). */
    public static final String SERVICE_KIND = BASE + "CodeSystem/service-kind";

    /** The stable code of a refusal, as in the problem details of the JSON API. */
    public static final String PROBLEM = BASE + "CodeSystem/problem";

    private FhirSystems() {}
}
