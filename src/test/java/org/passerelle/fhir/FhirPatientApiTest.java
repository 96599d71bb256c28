package org.passerelle.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The FHIR facade's {@code Patient}: reads and searches through the people module, with its access
 * checks and audit lines, every resource returned valid R4 by HAPI's validator run offline.
 */
@PasserelleTest
class FhirPatientApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestOrganisation organisation;
    private ApiSession clinician;
    private String suffix;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        suffix = UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    void theCapabilityStatementIsOpenAndNamesEveryResource() {
        ApiSession.Response metadata = new ApiSession(port).get("/fhir/metadata");

        assertThat(metadata.status()).isEqualTo(200);
        assertThat(metadata.text("resourceType")).isEqualTo("CapabilityStatement");
        assertThat(metadata.body()
                        .path("rest")
                        .path(0)
                        .path("resource")
                        .valueStream()
                        .map(resource -> resource.path("type").asString()))
                .contains("Patient", "Encounter", "Location", "Organization");
        assertValid(metadata);
    }

    @Test
    void givesNothingToSomeoneNotSignedIn() {
        JsonNode person = register(details("Youssef Haroun", "MALE", exact("1979-06-02")));
        ApiSession anonymous = new ApiSession(port);

        ApiSession.Response read =
                anonymous.get("/fhir/Patient/" + person.path("id").asString());
        ApiSession.Response search = anonymous.postForm("/fhir/Patient/_search", "name=Youssef");

        assertThat(read.status()).isEqualTo(401);
        assertThat(search.status()).isIn(401, 403);
        assertThat(read.body().toString() + search.body()).doesNotContain("Youssef");
    }

    @Test
    void readsAPatientWithEveryNameAndItsUseTheCodeAndTheBirthDate() {
        Map<String, Object> details = details("Youssef Haroun", "MALE", exact("1979-06-02"));
        details.put(
                "otherNames",
                List.of(
                        Map.of("name", "يوسف هارون", "kind", "ORIGINAL_SCRIPT", "script", "ARABIC", "language", "ar"),
                        Map.of("name", "Jo", "kind", "ALIAS"),
                        Map.of("name", "Youssef Harroun", "kind", "OFFICIAL"),
                        Map.of("name", "Youssef Hamadi", "kind", "PREVIOUS")));
        details.put("languages", List.of("ar", "fr"));
        details.put("phone", "+33 6 12 34 56 78");
        JsonNode person = register(details);
        String id = person.path("id").asString();

        ApiSession.Response patient = clinician.get("/fhir/Patient/" + id);

        assertThat(patient.status()).isEqualTo(200);
        assertThat(patient.body().path("identifier").path(0).path("value").asString())
                .isEqualTo(person.path("patientCode").asString());
        assertThat(patient.body()
                        .path("name")
                        .valueStream()
                        .map(name -> name.path("use").asString() + " "
                                + name.path("text").asString()))
                .containsExactly(
                        "usual Youssef Haroun",
                        "usual يوسف هارون",
                        "nickname Jo",
                        "official Youssef Harroun",
                        "old Youssef Hamadi");
        assertThat(patient.text("birthDate")).isEqualTo("1979-06-02");
        assertThat(patient.text("gender")).isEqualTo("male");
        assertThat(patient.body().path("meta").path("versionId").asString())
                .isEqualTo(person.path("version").asString());
        assertValid(patient);
        assertThat(audited("READ", id)).isEqualTo(1);
    }

    @Test
    void keepsTheBirthDatePrecisionAndTheEstimatedAge() {
        String month = register(details("Amina Diallo", "FEMALE", Map.of("precision", "MONTH", "date", "1990-05-01")))
                .path("id")
                .asString();
        String year = register(details("Amina Keita", "FEMALE", Map.of("precision", "YEAR", "date", "1988-01-01")))
                .path("id")
                .asString();
        String estimated = register(
                        details("Ibrahim Sow", "MALE", Map.of("precision", "ESTIMATED", "estimatedAge", 16)))
                .path("id")
                .asString();

        assertThat(clinician.get("/fhir/Patient/" + month).text("birthDate")).isEqualTo("1990-05");
        assertThat(clinician.get("/fhir/Patient/" + year).text("birthDate")).isEqualTo("1988");
        ApiSession.Response minor = clinician.get("/fhir/Patient/" + estimated);
        assertThat(minor.text("birthDate")).hasSize(4);
        JsonNode estimate = minor.body().path("_birthDate").path("extension").path(0);
        assertThat(estimate.path("url").asString()).isEqualTo(FhirSystems.ESTIMATED_AGE);
        assertThat(estimate.path("extension")
                        .path(0)
                        .path("valueAge")
                        .path("value")
                        .asInt())
                .isEqualTo(16);
        assertThat(estimate.path("extension").path(1).path("valueDate").asString())
                .matches("\\d{4}-\\d{2}-\\d{2}");
        assertValid(minor);
    }

    @Test
    void findsSpellingVariantsByPostAndAuditsTheSearchWithoutItsTerms() {
        String youssef = register(details("Youssef Haroun", "MALE", exact("1979-06-02")))
                .path("id")
                .asString();

        ApiSession.Response found = clinician.postForm("/fhir/Patient/_search", "name=" + form("Yusuf Harun"));

        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(found.text("resourceType")).isEqualTo("Bundle");
        assertThat(ids(found)).contains(youssef);
        assertValid(found);
        String everything = jdbc.sql("select string_agg(audit_event::text, ' ') from audit.audit_event")
                .query(String.class)
                .single();
        assertThat(everything).doesNotContain("Yusuf").doesNotContain("Harun");
    }

    @Test
    void refusesPersonalDataInTheUrlInTheUsersLanguage() {
        ApiSession.Response refused = clinician.language("fr").get("/fhir/Patient?name=Youssef");

        assertThat(refused.status()).isEqualTo(400);
        JsonNode issue = refused.body().path("issue").path(0);
        assertThat(refused.text("resourceType")).isEqualTo("OperationOutcome");
        assertThat(issue.path("details").path("coding").path(0).path("code").asString())
                .isEqualTo(FhirProblems.SEARCH_BY_POST);
        assertThat(issue.path("details").path("text").asString()).contains("POST", "URL", "données personnelles");
        assertValid(refused);
    }

    @Test
    void narrowsBySexBirthDateAndPatientCode() {
        JsonNode person = register(details("Mariam Traore " + suffix, "FEMALE", exact("1985-02-14")));
        String id = person.path("id").asString();
        String name = "name=" + form("Mariam Traore " + suffix);

        assertThat(ids(search(name + "&gender=female&birthdate=1985"))).containsExactly(id);
        assertThat(ids(search(name + "&birthdate=1985-02-14"))).containsExactly(id);
        assertThat(ids(search(name + "&birthdate=1986"))).isEmpty();
        assertThat(ids(search(name + "&gender=male"))).isEmpty();
        assertThat(ids(search("identifier="
                        + form(FhirSystems.PATIENT_CODE + "|"
                                + person.path("patientCode").asString()))))
                .containsExactly(id);
    }

    @Test
    void pagesThroughResultsForTheUserWhoSearchedOnly() {
        List<String> registered = List.of("A", "B", "C").stream()
                .map(letter -> register(details("Lenka Qorvath" + suffix + " " + letter, "FEMALE", null))
                        .path("id")
                        .asString())
                .toList();

        ApiSession.Response first = search("name=" + form("Lenka Qorvath" + suffix) + "&_count=2");

        assertThat(first.body().path("total").asInt()).isEqualTo(3);
        assertThat(ids(first)).hasSize(2);
        assertThat(registered.stream().map(id -> audited("READ", id)))
                .as("each person of the page served read once, the next page's not yet")
                .containsExactlyInAnyOrderElementsOf(registered.stream()
                        .map(id -> ids(first).contains(id) ? 1L : 0L)
                        .toList());
        String next = link(first, "next");
        assertThat(next).contains("_getpages").doesNotContain("Lenka").doesNotContain("Qorvath");
        ApiSession.Response second = clinician.get(next);
        assertThat(second.status()).isEqualTo(200);
        assertThat(ids(second)).hasSize(1);
        assertThat(concat(ids(first), ids(second))).containsExactlyInAnyOrderElementsOf(registered);
        assertThat(registered.stream().map(id -> audited("READ", id))).containsOnly(1L);
        assertValid(second);
        ApiSession other = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(other.get(next).status()).isEqualTo(404);
    }

    @Test
    void leavesOutAndRefusesPersonsOutsideTheUsersScope() {
        String id = register(details("Oumar Kanoute " + suffix, "MALE", null))
                .path("id")
                .asString();
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");

        ApiSession.Response found =
                elsewhere.postForm("/fhir/Patient/_search", "name=" + form("Oumar Kanoute " + suffix));
        ApiSession.Response read = elsewhere.get("/fhir/Patient/" + id);

        assertThat(found.status()).isEqualTo(200);
        assertThat(ids(found)).isEmpty();
        assertThat(read.status()).isEqualTo(403);
        assertThat(read.body()
                        .path("issue")
                        .path(0)
                        .path("details")
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("person-outside-scope");
        assertThat(read.body().toString()).doesNotContain("Oumar");
        assertThat(audited("READ", id)).isZero();
    }

    @Test
    void answersBadInputWithAnOperationOutcomeAndWritesNothing() {
        long persons =
                jdbc.sql("select count(*) from people.person").query(Long.class).single();

        ApiSession.Response unknown = clinician.get("/fhir/Patient/" + UUID.randomUUID());
        ApiSession.Response notAnId = clinician.get("/fhir/Patient/not-an-id");
        ApiSession.Response unsupported = clinician.postForm("/fhir/Patient/_search", "name=x&eye-colour=blue");
        ApiSession.Response empty = clinician.postForm("/fhir/Patient/_search", "gender=female");
        ApiSession.Response created = clinician.post("/fhir/Patient", "{\"resourceType\": \"Patient\", \"name\": [");

        for (ApiSession.Response response : List.of(unknown, notAnId, unsupported, empty, created)) {
            assertThat(response.text("resourceType")).isEqualTo("OperationOutcome");
            assertThat(response.body().path("issue").path(0).path("severity").asString())
                    .isEqualTo("error");
            assertValid(response);
        }
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.body().path("issue").path(0).path("diagnostics").asString())
                .contains("eye-colour");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(created.status()).isBetween(400, 405);
        assertThat(jdbc.sql("select count(*) from people.person")
                        .query(Long.class)
                        .single())
                .isEqualTo(persons);
    }

    @Test
    void createsAPatientThroughTheRegistryAndWarnsOfAPersonLikelyTheSame() {
        String existing = register(details("Youssef Haroun " + suffix, "MALE", exact("1979-06-02")))
                .path("id")
                .asString();
        long persons = persons();

        ApiSession.Response outcome = clinician
                .language("fr")
                .send(
                        "POST",
                        "/fhir/Patient",
                        patient("Youssef Haroun " + suffix, "male", "1979-06-02"),
                        Map.of("Prefer", "return=OperationOutcome"));

        assertThat(outcome.status()).as(outcome.body().toString()).isEqualTo(201);
        assertThat(outcome.text("resourceType")).isEqualTo("OperationOutcome");
        assertValid(outcome);
        List<JsonNode> issues = outcome.body().path("issue").valueStream().toList();
        String created = issues.getFirst()
                .path("diagnostics")
                .asString()
                .replaceAll("^Patient/([0-9a-f-]{36})/_history/\\d+$", "$1");
        assertThat(created).hasSize(36).isNotEqualTo(existing);
        // other tests register persons alike: the one registered here is among the warnings
        JsonNode duplicate = issues.stream()
                .filter(issue -> issue.path("code").asString().equals("duplicate"))
                .filter(issue -> issue.path("diagnostics").asString().startsWith("Patient/" + existing + " "))
                .findFirst()
                .orElseThrow();
        assertThat(duplicate.path("severity").asString()).isEqualTo("warning");
        assertThat(duplicate.path("details").path("text").asString()).contains("déjà enregistrée");
        assertThat(persons()).isEqualTo(persons + 1);
        assertThat(audited("CREATE", created)).isEqualTo(1);
        ApiSession.Response read = clinician.get("/fhir/Patient/" + created);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().path("name").path(0).path("text").asString()).isEqualTo("Youssef Haroun " + suffix);
        assertThat(read.text("birthDate")).isEqualTo("1979-06-02");
    }

    @Test
    void createsWithTheIdTheClientChoseOnceAndUpdatesAtTheVersionReadOnly() {
        String id = UUID.randomUUID().toString();
        String path = "/fhir/Patient/" + id;
        String body = patientWithId(id, "Selam Tesfaye " + suffix, "female", "1990-05");

        ApiSession.Response created = clinician.send("PUT", path, body, Map.of());
        ApiSession.Response again = clinician.send("PUT", path, body, Map.of());

        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.text("id")).isEqualTo(id);
        assertThat(created.text("birthDate")).isEqualTo("1990-05");
        assertValid(created);
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.body().path("meta").path("versionId").asString())
                .isEqualTo(created.body().path("meta").path("versionId").asString());
        assertThat(audited("CREATE", id)).isEqualTo(1);
        String version = created.body().path("meta").path("versionId").asString();

        String corrected = patientWithId(id, "Selam Tesfaye Haile " + suffix, "female", "1990-05-12");
        ApiSession.Response updated =
                clinician.send("PUT", path, corrected, Map.of("If-Match", "W/\"" + version + "\""));
        ApiSession.Response stale = clinician
                .language("fr")
                .send(
                        "PUT",
                        path,
                        patientWithId(id, "Someone Else " + suffix, "female", "1990-05-12"),
                        Map.of("If-Match", "W/\"" + version + "\""));

        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.body().path("name").path(0).path("text").asString())
                .isEqualTo("Selam Tesfaye Haile " + suffix);
        assertThat(updated.text("birthDate")).isEqualTo("1990-05-12");
        assertThat(updated.body().path("meta").path("versionId").asString()).isNotEqualTo(version);
        assertValid(updated);
        assertThat(stale.status()).as(stale.body().toString()).isEqualTo(412);
        assertThat(stale.text("resourceType")).isEqualTo("OperationOutcome");
        assertValid(stale);
        assertThat(audited("UPDATE", id)).isEqualTo(1);
        ApiSession.Response read = clinician.get(path);
        assertThat(read.body().path("name").path(0).path("text").asString()).isEqualTo("Selam Tesfaye Haile " + suffix);
    }

    @Test
    void refusesBadPatientsAndUpdatesOutsideTheUsersScopeWritingNothing() {
        String id = register(details("Aminata Diallo " + suffix, "FEMALE", null))
                .path("id")
                .asString();
        ApiSession.Response read = clinician.get("/fhir/Patient/" + id);
        String version = read.body().path("meta").path("versionId").asString();
        long persons = persons();

        ApiSession.Response nameless = clinician.send(
                "POST", "/fhir/Patient", "{\"resourceType\": \"Patient\", \"gender\": \"female\"}", Map.of());
        ApiSession.Response badDate = clinician.send(
                "POST", "/fhir/Patient", patient("Awa Diallo " + suffix, "female", "1850-01-01"), Map.of());
        ApiSession.Response elsewhere = organisation
                .userAt(organisation.siteB, "CLINICIAN")
                .send(
                        "PUT",
                        "/fhir/Patient/" + id,
                        patientWithId(id, "Aminata Sow " + suffix, "female", null),
                        Map.of("If-Match", "W/\"" + version + "\""));

        for (ApiSession.Response refused : List.of(nameless, badDate, elsewhere)) {
            assertThat(refused.text("resourceType")).isEqualTo("OperationOutcome");
            assertValid(refused);
        }
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(nameless.body()
                        .path("issue")
                        .path(0)
                        .path("expression")
                        .path(0)
                        .asString())
                .isEqualTo("Patient.name");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(persons()).isEqualTo(persons);
        assertThat(audited("UPDATE", id)).isZero();
    }

    private static String patient(String name, String gender, @org.jspecify.annotations.Nullable String birthDate) {
        return patientWithId(null, name, gender, birthDate);
    }

    private static String patientWithId(
            @org.jspecify.annotations.Nullable String id,
            String name,
            String gender,
            @org.jspecify.annotations.Nullable String birthDate) {
        Map<String, Object> patient = new java.util.LinkedHashMap<>();
        patient.put("resourceType", "Patient");
        if (id != null) {
            patient.put("id", id);
        }
        patient.put("name", List.of(Map.of("use", "usual", "text", name)));
        patient.put("gender", gender);
        if (birthDate != null) {
            patient.put("birthDate", birthDate);
        }
        return ApiSession.json().writeValueAsString(patient);
    }

    private long persons() {
        return jdbc.sql("select count(*) from people.person").query(Long.class).single();
    }

    private ApiSession.Response search(String form) {
        ApiSession.Response response = clinician.postForm("/fhir/Patient/_search", form);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response;
    }

    private JsonNode register(Map<String, Object> details) {
        ApiSession.Response response = clinician.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.body();
    }

    private static Map<String, Object> details(
            String chosenName, String sex, @org.jspecify.annotations.Nullable Map<String, Object> birthDate) {
        Map<String, Object> details = new java.util.HashMap<>();
        details.put("chosenName", chosenName);
        details.put("sex", sex);
        if (birthDate != null) {
            details.put("birthDate", birthDate);
        }
        return details;
    }

    private static Map<String, Object> exact(String date) {
        return Map.of("precision", "EXACT", "date", date);
    }

    private long audited(String action, String id) {
        return jdbc.sql("select count(*) from audit.audit_event where action = ? and record_id = ?::uuid")
                .params(action, id)
                .query(Long.class)
                .single();
    }

    static List<String> ids(ApiSession.Response bundle) {
        return bundle.body()
                .path("entry")
                .valueStream()
                .map(entry -> entry.path("resource").path("id").asString())
                .toList();
    }

    /** The path of a bundle's link, to follow it with the session. */
    static String link(ApiSession.Response bundle, String relation) {
        return bundle.body()
                .path("link")
                .valueStream()
                .filter(link -> link.path("relation").asString().equals(relation))
                .map(link -> link.path("url").asString().replaceFirst("^https?://[^/]+", ""))
                .findFirst()
                .orElseThrow();
    }

    static void assertValid(ApiSession.Response response) {
        assertThat(OfflineValidator.errors(response.body().toString()))
                .as(response.body().toString())
                .isEmpty();
    }

    private static String form(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
    }
}
