package org.passerelle.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DynamicTest;
import org.passerelle.support.ApiSession;

/**
 * The authorization matrix's rows for the FHIR facade, kept beside it: each role against a person's
 * {@code Patient}, their {@code Encounter}s and each compartment's consultation, what their care
 * recorded ({@code Observation}, {@code Condition}, {@code MedicationRequest}, {@code
 * Immunization}, {@code ServiceRequest}), on a person of the
 * user's site and of another. The policy is the API's, stated again here: the facade must answer
 * as the API does, with an {@code OperationOutcome} carrying the same code for each refusal.
 */
final class FhirMatrixCases {

    /** What a person's care records hold, searched by patient as their consultations are. */
    private static final List<String> RECORDED_IN_CARE =
            List.of("Observation", "Condition", "MedicationRequest", "Immunization", "ServiceRequest");

    private FhirMatrixCases() {}

    /**
     * @param readers the roles that see who a person is
     * @param carers the roles that read care
     * @param opens the compartments the role opens
     * @param consultations each compartment's consultation of the person, by compartment name
     */
    static List<DynamicTest> cases(
            String role,
            ApiSession user,
            boolean own,
            String personId,
            Set<String> readers,
            Set<String> carers,
            Set<String> opens,
            Map<String, String> consultations) {
        String at = own ? " (OWN_SITE)" : " (OTHER_SITE)";
        List<DynamicTest> cases = new ArrayList<>();
        cases.add(DynamicTest.dynamicTest(role + " reads Patient through FHIR" + at, () -> {
            ApiSession.Response response = user.get("/fhir/Patient/" + personId);
            expect(response, own && readers.contains(role) ? 200 : 403);
        }));
        cases.add(DynamicTest.dynamicTest(role + " registers a Patient through FHIR" + at, () -> {
            ApiSession.Response response = user.send(
                    "POST",
                    "/fhir/Patient",
                    "{\"resourceType\":\"Patient\",\"name\":[{\"text\":\"Matrix " + UUID.randomUUID()
                            + "\"}],\"gender\":\"unknown\"}",
                    Map.of());
            expect(response, carers.contains(role) ? 201 : 403);
        }));
        cases.add(DynamicTest.dynamicTest(role + " corrects a Patient through FHIR" + at, () -> {
            // a version nobody read: the person is left as the other cases expect, 412 once allowed
            ApiSession.Response response = user.send(
                    "PUT",
                    "/fhir/Patient/" + personId,
                    "{\"resourceType\":\"Patient\",\"id\":\"" + personId
                            + "\",\"name\":[{\"text\":\"Matrix\"}],\"gender\":\"male\"}",
                    Map.of("If-Match", "W/\"999999\""));
            expect(response, own && carers.contains(role) ? 412 : 403);
        }));
        cases.add(DynamicTest.dynamicTest(role + " searches Encounters through FHIR" + at, () -> {
            ApiSession.Response response = user.get("/fhir/Encounter?patient=" + personId + "&_count=100");
            expect(response, own && carers.contains(role) ? 200 : 403);
            if (response.status() == 200) {
                List<String> seen = response.body()
                        .path("entry")
                        .valueStream()
                        .map(entry -> entry.path("resource")
                                .path("meta")
                                .path("tag")
                                .path(0)
                                .path("code")
                                .asString())
                        .distinct()
                        .sorted()
                        .toList();
                assertThat(seen)
                        .containsExactlyElementsOf(opens.stream()
                                .map(compartment -> compartment
                                        .toLowerCase(java.util.Locale.ROOT)
                                        .replace('_', '-'))
                                .sorted()
                                .toList());
            }
        }));
        for (String type : RECORDED_IN_CARE) {
            cases.add(DynamicTest.dynamicTest(role + " searches " + type + " through FHIR" + at, () -> {
                ApiSession.Response response = user.get("/fhir/" + type + "?patient=" + personId);
                expect(response, own && carers.contains(role) ? 200 : 403);
            }));
        }
        consultations.forEach((compartment, id) -> cases.add(DynamicTest.dynamicTest(
                role + " reads " + compartment + " Encounter through FHIR" + at, () -> {
                    ApiSession.Response response = user.get("/fhir/Encounter/" + id);
                    int expected = opens.isEmpty() ? 403 : own && opens.contains(compartment) ? 200 : 404;
                    expect(response, expected);
                    if (expected == 404) {
                        ApiSession.Response unknown = user.get("/fhir/Encounter/" + UUID.randomUUID());
                        assertThat(response.body().path("issue"))
                                .isEqualTo(unknown.body().path("issue"));
                    }
                })));
        return cases;
    }

    private static void expect(ApiSession.Response response, int status) {
        assertThat(response.status()).as(String.valueOf(response.body())).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.text("resourceType")).isEqualTo("OperationOutcome");
            assertThat(response.body()
                            .path("issue")
                            .path(0)
                            .path("details")
                            .path("coding")
                            .path(0)
                            .path("code")
                            .asString())
                    .isNotBlank();
        }
    }
}
