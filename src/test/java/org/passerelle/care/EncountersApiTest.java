package org.passerelle.care;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.ApiSession.Response;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@PasserelleTest
class EncountersApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession coordinator;
    ApiSession clinician;
    String form;
    String woman;
    String man;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        form = TestForms.publish(coordinator, TestForms.VISIT, TestForms.uniqueCode("visit"), "GENERAL");
        woman = register("Amina Diallo", "FEMALE");
        man = register("Yonas Tesfaye", "MALE");
    }

    private String register(String name, String sex) {
        Response registered = clinician.post("/api/people", Map.of("details", Map.of("chosenName", name, "sex", sex)));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.text("id");
    }

    private Map<String, Object> encounter(String personId, Map<String, Object> answers, boolean sign) {
        return Map.of("personId", personId, "formCode", form, "answers", answers, "sign", sign);
    }

    private long encounters() {
        return jdbc.sql("select count(*) from care.encounter where form_code = ?")
                .param(form)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesFaultyAnswersWithAnErrorPerFieldAndStoresNothing() {
        Response refused = clinician
                .language("fr")
                .post(
                        "/api/encounters",
                        encounter(
                                man,
                                Map.of(
                                        "temperature",
                                        52,
                                        "weight",
                                        70.25,
                                        "pregnant",
                                        false,
                                        "complaints",
                                        List.of("fever"),
                                        "cough-days",
                                        3,
                                        "mood",
                                        "good"),
                                true));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("invalid-answers");
        Map<String, String> faults = new java.util.HashMap<>();
        refused.body()
                .path("fieldErrors")
                .forEach(fault -> faults.put(
                        fault.path("field").asString(), fault.path("code").asString()));
        assertThat(faults)
                .containsEntry("answers.temperature", "number-out-of-range")
                .containsEntry("answers.weight", "too-many-decimals")
                .containsEntry("answers.pregnant", "field-not-relevant")
                .containsEntry("answers.complaints", "unknown-option")
                .containsEntry("answers.cough-days", "field-not-relevant")
                .containsEntry("answers.mood", "unknown-field")
                .containsEntry("answers.diagnoses", "field-required");
        JsonNode range = java.util.stream.StreamSupport.stream(
                        refused.body().path("fieldErrors").spliterator(), false)
                .filter(fault -> fault.path("field").asString().equals("answers.temperature"))
                .findFirst()
                .orElseThrow();
        assertThat(range.path("message").asString()).contains("30").contains("45");
        assertThat(encounters()).isZero();
    }

    @Test
    void refusesHostileAnswersAndDefinitionsAndStoresNothing() {
        long before = encounters();
        Response nul = clinician.post(
                "/api/encounters",
                "{\"personId\": \"" + man + "\", \"formCode\": \"" + form
                        + "\", \"sign\": false, \"answers\": {\"examination\": \"sans\\u0000fin\"}}");
        Response surrogate = clinician.post(
                "/api/encounters",
                "{\"personId\": \"" + man + "\", \"formCode\": \"" + form
                        + "\", \"sign\": false, \"answers\": {\"prescription\": [{\"medicine\": \"ivermectin-3-tab\","
                        + " \"morning\": 1, \"instructions\": \"\\uD800\"}]}}");
        Response notAnObject = clinician.post(
                "/api/encounters", Map.of("personId", man, "formCode", form, "sign", false, "answers", List.of(1, 2)));
        Response deep = clinician.post(
                "/api/encounters",
                "{\"personId\": \"" + man + "\", \"formCode\": \"" + form
                        + "\", \"sign\": false, \"answers\": {\"examination\": " + "[".repeat(5000)
                        + "]".repeat(5000) + "}}");

        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.body().path("fieldErrors").path(0).path("code").asString())
                .isEqualTo("invalid-characters");
        assertThat(surrogate.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("answers.prescription[0].instructions");
        assertThat(notAnObject.body().path("fieldErrors").path(0).path("code").asString())
                .isEqualTo("answers-not-an-object");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(encounters()).isEqualTo(before);

        Response label = coordinator.post(
                "/api/forms/drafts",
                TestForms.VISIT
                        .formatted(TestForms.uniqueCode("nul"), "GENERAL")
                        .replace("\"Visit\"", "\"Vis\\u0000it\""));
        assertThat(label.status()).isEqualTo(400);
        assertThat(label.body().path("fieldErrors").path(0).path("code").asString())
                .isEqualTo("invalid-characters");
    }

    @Test
    void aDraftIsOnlyItsAuthorsThenSignedWithCalculationsCodesAndSealedText() {
        Response draft = clinician.post(
                "/api/encounters",
                encounter(
                        woman,
                        Map.of("temperature", 38.5, "pregnant", true, "examination", "Sillons scabieux interdigitaux"),
                        false));
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        String id = draft.text("id");

        ApiSession colleague = organisation.userAt(organisation.siteA, "CLINICIAN");
        assertThat(colleague.get("/api/encounters/" + id).status()).isEqualTo(404);
        assertThat(colleague.get("/api/people/" + woman + "/consultations").body())
                .isEmpty();
        assertThat(clinician
                        .get("/api/people/" + woman + "/consultations")
                        .body()
                        .path(0)
                        .path("status")
                        .asString())
                .isEqualTo("DRAFT");
        assertThat(colleague
                        .put("/api/encounters/" + id, Map.of("version", 0, "answers", Map.of(), "sign", false))
                        .status())
                .isEqualTo(404);

        Response signed = clinician.put(
                "/api/encounters/" + id,
                Map.of(
                        "version",
                        draft.body().path("version").asLong(),
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "temperature",
                                38.5,
                                "weight",
                                60,
                                "height",
                                165,
                                "bmi",
                                99,
                                "pregnant",
                                true,
                                "examination",
                                "Sillons scabieux interdigitaux",
                                "diagnoses",
                                List.of("B86", "J06.9"),
                                "prescription",
                                List.of(Map.of(
                                        "medicine",
                                        "ivermectin-3-tab",
                                        "morning",
                                        4,
                                        "days",
                                        1,
                                        "instructions",
                                        "Au cours du repas")),
                                "referred-to",
                                "dentist")));

        assertThat(signed.status()).isEqualTo(200);
        assertThat(signed.text("status")).isEqualTo("SIGNED");
        assertThat(signed.body().path("revision").asInt()).isEqualTo(1);
        assertThat(signed.body().path("answers").path("bmi").asDouble()).isEqualTo(22.0);
        assertThat(signed.body().path("answers").path("examination").asString())
                .isEqualTo("Sillons scabieux interdigitaux");
        assertThat(signed.body()
                        .path("answers")
                        .path("prescription")
                        .path(0)
                        .path("instructions")
                        .asString())
                .isEqualTo("Au cours du repas");
        assertThat(colleague.get("/api/encounters/" + id).status()).isEqualTo(200);

        assertThat(jdbc.sql("select code from care.encounter_diagnosis where encounter_id = ?::uuid order by position")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("B86", "J06.9");
        assertThat(jdbc.sql("select medicine_code from care.prescription_line where encounter_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("ivermectin-3-tab");
        String coded = jdbc.sql("select coded::text from care.encounter where id = ?::uuid")
                .param(id)
                .query(String.class)
                .single();
        assertThat(coded)
                .contains("\"referred-to\": \"dentist\"")
                .doesNotContain("Sillons")
                .doesNotContain("repas");
        byte[] sealed = jdbc.sql("select answers from care.encounter where id = ?::uuid")
                .param(id)
                .query(byte[].class)
                .single();
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("Sillons");

        assertThat(clinician
                        .put("/api/encounters/" + id, Map.of("version", 5, "answers", Map.of(), "sign", false))
                        .text("code"))
                .isEqualTo("encounter-signed");
    }

    @Test
    void printsTheDosageSheetOfASignedPrescriptionAndRecordsItAsAnExport() {
        Response draft = clinician.post(
                "/api/encounters",
                encounter(
                        man,
                        Map.of(
                                "temperature", 37.0,
                                "diagnoses", List.of("B86"),
                                "prescription",
                                        List.of(Map.of(
                                                "medicine",
                                                "ivermectin-3-tab",
                                                "morning",
                                                4,
                                                "days",
                                                1,
                                                "instructions",
                                                "Reprendre dans 7 jours"))),
                        false));
        String id = draft.text("id");
        assertThat(clinician
                        .download("/api/encounters/" + id + "/prescription-sheet", Map.of("language", "fr"))
                        .status())
                .isEqualTo(409);
        clinician.put(
                "/api/encounters/" + id,
                Map.of(
                        "version",
                        draft.body().path("version").asLong(),
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "temperature", 37.0,
                                "diagnoses", List.of("B86"),
                                "prescription",
                                        List.of(Map.of(
                                                "medicine",
                                                "ivermectin-3-tab",
                                                "morning",
                                                4,
                                                "days",
                                                1,
                                                "instructions",
                                                "Reprendre dans 7 jours")))));

        ApiSession.Download sheet =
                clinician.download("/api/encounters/" + id + "/prescription-sheet", Map.of("language", "ar"));

        assertThat(sheet.status()).isEqualTo(200);
        assertThat(sheet.header("Content-Type")).isEqualTo("application/pdf");
        assertThat(new String(sheet.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT' and record_id = ?::uuid")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(clinician
                        .download("/api/encounters/" + id + "/prescription-sheet", Map.of("language", "de"))
                        .status())
                .isEqualTo(400);
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");
        assertThat(elsewhere
                        .download("/api/encounters/" + id + "/prescription-sheet", Map.of("language", "fr"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAmendmentAddsARevisionAndKeepsTheSignedOnesAsTheyWere() {
        Response signed = clinician.post(
                "/api/encounters", encounter(man, Map.of("temperature", 37.2, "diagnoses", List.of("B86")), true));
        String id = signed.text("id");
        long version = signed.body().path("version").asLong();

        Response noReason = clinician.post(
                "/api/encounters/" + id + "/amendments",
                Map.of("version", version, "answers", Map.of("temperature", 37.2, "diagnoses", List.of("L08.9"))));
        assertThat(noReason.status()).isEqualTo(400);
        Response stale = clinician.post(
                "/api/encounters/" + id + "/amendments",
                Map.of(
                        "version",
                        version + 7,
                        "reason",
                        "Erreur de code",
                        "answers",
                        Map.of("temperature", 37.2, "diagnoses", List.of("L08.9"))));
        assertThat(stale.status()).isEqualTo(409);
        Response faulty = clinician.post(
                "/api/encounters/" + id + "/amendments",
                Map.of("version", version, "reason", "Erreur", "answers", Map.of("temperature", 37.2)));
        assertThat(faulty.status()).isEqualTo(400);

        Response amended = clinician.post(
                "/api/encounters/" + id + "/amendments",
                Map.of(
                        "version",
                        version,
                        "reason",
                        "Erreur de code",
                        "answers",
                        Map.of("temperature", 37.2, "diagnoses", List.of("L08.9"))));

        assertThat(amended.status()).isEqualTo(200);
        assertThat(amended.body().path("revision").asInt()).isEqualTo(2);
        assertThat(amended.body().path("revisions")).hasSize(2);
        assertThat(amended.body().path("revisions").path(1).path("reason").asString())
                .isEqualTo("Erreur de code");
        JsonNode first = clinician.get("/api/encounters/" + id + "/revisions/1").body();
        assertThat(first.path("answers").path("diagnoses").path(0).asString()).isEqualTo("B86");
        assertThat(jdbc.sql("select code from care.encounter_diagnosis where encounter_id = ?::uuid")
                        .param(id)
                        .query(String.class)
                        .list())
                .containsExactly("L08.9");
    }

    @Test
    void aGroupSessionCountsAttendeesWithoutAPerson() {
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        String group = TestForms.publish(coordinator, TestForms.GROUP, TestForms.uniqueCode("group"));

        Response withPerson = psychologist.post(
                "/api/encounters",
                Map.of("personId", man, "formCode", group, "answers", Map.of("women", 3), "sign", true));
        assertThat(withPerson.text("code")).isEqualTo("person-not-for-group");
        Response nobody = psychologist.post(
                "/api/encounters", Map.of("formCode", group, "answers", Map.of("women", 0), "sign", true));
        assertThat(nobody.status()).isEqualTo(400);
        assertThat(nobody.body().path("fieldErrors").path(0).path("field").asString())
                .isEqualTo("answers.attendees");
        Response recorded = psychologist.post(
                "/api/encounters", Map.of("formCode", group, "answers", Map.of("women", 7, "men", 5), "sign", true));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().path("attendees").asInt()).isEqualTo(12);
        assertThat(recorded.body().path("personId").isString()).isFalse();
        assertThat(psychologist
                        .get("/api/encounters/group-sessions")
                        .body()
                        .path(0)
                        .path("id")
                        .asString())
                .isEqualTo(recorded.text("id"));
        assertThat(clinician
                        .post("/api/encounters", Map.of("formCode", group, "answers", Map.of("women", 2), "sign", true))
                        .text("code"))
                .isEqualTo("compartment-not-allowed");
        assertThat(clinician.get("/api/encounters/" + recorded.text("id")).status())
                .isEqualTo(404);
    }

    @Test
    void anSgbvFormLivesInItsCompartmentAndShowsThePepDeadline() {
        String sgbv = TestForms.publish(coordinator, TestForms.VISIT, TestForms.uniqueCode("sgbv"), "SGBV");
        LocalDateTime assault =
                LocalDateTime.now(ZoneId.of("Europe/Paris")).minusHours(20).truncatedTo(ChronoUnit.MINUTES);
        Response recorded = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        woman,
                        "formCode",
                        sgbv,
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "temperature", 37,
                                "diagnoses", List.of("T74.2"),
                                "assault-at", assault.toString())));

        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.text("compartment")).isEqualTo("SGBV");
        assertThat(recorded.body().path("alerts").path(0).path("code").asString())
                .isEqualTo("pep-window");
        assertThat(LocalDateTime.parse(
                        recorded.body().path("alerts").path(0).path("until").asString()))
                .isEqualTo(assault.plusHours(72));
        ApiSession socialWorker = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        assertThat(socialWorker.get("/api/encounters/" + recorded.text("id")).status())
                .isEqualTo(404);
        Response future = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        woman,
                        "formCode",
                        sgbv,
                        "sign",
                        false,
                        "answers",
                        Map.of("assault-at", LocalDate.now().plusDays(2) + "T10:00")));
        assertThat(future.body().path("fieldErrors").path(0).path("code").asString())
                .isEqualTo("date-in-future");
    }

    @Test
    void onlyCoordinatorsWriteFormsAndAnUnsoundDefinitionIsRefusedWithItsFaults() {
        String code = TestForms.uniqueCode("faulty");
        JsonNode unsound = ApiSession.json().readTree("""
                {
                  "code": "%s",
                  "title": { "fr": "Essai", "en": "Trial" },
                  "discipline": "MEDICAL", "compartment": "MENTAL_HEALTH", "subject": "PERSON",
                  "sections": [ { "code": "main", "title": { "fr": "A", "en": "A", "ar": "أ" }, "fields": [
                    { "code": "b", "type": "number", "min": 10, "max": 1,
                      "relevant": { "field": "c", "answered": true },
                      "label": { "fr": "B", "en": "B", "ar": "ب" } },
                    { "code": "c", "type": "choice", "options": [],
                      "label": { "fr": "C", "en": "C", "ar": "ج" } }
                  ] } ]
                }
                """.formatted(code));

        assertThat(clinician.post("/api/forms/drafts", unsound).status()).isEqualTo(403);
        Response refused = coordinator.post("/api/forms/drafts", unsound);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo("invalid-form");
        List<String> fields = refused.body()
                .path("fieldErrors")
                .valueStream()
                .map(fault -> fault.path("field").asString() + " "
                        + fault.path("code").asString())
                .toList();
        assertThat(fields)
                .contains(
                        "definition.title text-missing-language",
                        "definition.compartment compartment-not-allowed-for-discipline",
                        "definition.sections[0].fields[0].max range-inverted",
                        "definition.sections[0].fields[0].relevant.field reference-unknown",
                        "definition.sections[0].fields[1].options too-few-options");
        Response misspelt = coordinator.post(
                "/api/forms/drafts", ApiSession.json().readTree("{\"code\": \"x-y\", \"requried\": true}"));
        assertThat(misspelt.body().path("fieldErrors").path(0).path("code").asString())
                .isEqualTo("form-unreadable");
        assertThat(jdbc.sql("select count(*) from care.form_definition where code = ?")
                        .param(code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aNewVersionLeavesConsultationsOnTheVersionTheyWereRecordedWith() {
        clinician.post(
                "/api/encounters", encounter(man, Map.of("temperature", 37.0, "diagnoses", List.of("B86")), true));
        JsonNode definition =
                coordinator.get("/api/forms/" + form + "/versions/1").body().path("definition");
        ((tools.jackson.databind.node.ObjectNode) definition.path("title")).put("en", "Visit, second edition");
        Response draft = coordinator.post("/api/forms/drafts", definition);
        assertThat(draft.body().path("version").asInt()).isEqualTo(2);
        assertThat(clinician
                        .get("/api/forms")
                        .body()
                        .valueStream()
                        .filter(f -> f.path("code").asString().equals(form))
                        .findFirst()
                        .orElseThrow()
                        .path("version")
                        .asInt())
                .isEqualTo(1);

        coordinator.post("/api/forms/" + form + "/versions/2/publication", Map.of());

        Response later = clinician.post(
                "/api/encounters", encounter(man, Map.of("temperature", 37.0, "diagnoses", List.of("B86")), true));
        assertThat(later.body().path("formVersion").asInt()).isEqualTo(2);
        assertThat(jdbc.sql(
                                "select array_agg(form_version order by form_version)::text from care.encounter where form_code = ?")
                        .param(form)
                        .query(String.class)
                        .single())
                .isEqualTo("{1,2}");
        assertThat(coordinator.delete("/api/forms/" + form + "/versions/1").text("code"))
                .isEqualTo("form-not-a-draft");
    }
}
