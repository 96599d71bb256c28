package org.passerelle.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.jspecify.annotations.Nullable;

/** A search's token ({@code system|code}, {@code code} or {@code system|}) against a coded element. */
final class Tokens {

    private Tokens() {}

    /** Whether one of the concept's codings matches; every concept does when no token is given. */
    static boolean matches(String parameter, @Nullable TokenParam token, CodeableConcept concept) {
        if (token == null) {
            return true;
        }
        if (token.getModifier() != null) {
            throw FhirProblems.unsupportedSearch(parameter);
        }
        String system = token.getSystem();
        String code = token.getValue();
        return concept.getCoding().stream()
                .anyMatch(coding -> (system == null || system.isEmpty() || system.equals(coding.getSystem()))
                        && (code == null || code.isEmpty() || code.equals(coding.getCode())));
    }
}
