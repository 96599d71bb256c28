package org.passerelle.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.fhir.FhirPatientApiTest.assertValid;
import static org.passerelle.fhir.FhirPatientApiTest.ids;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What a person's care recorded, through the FHIR facade: a consultation's measurements as LOINC
 * {@code Observation}s, its ICD-10 diagnoses as {@code Condition}s, its prescription as {@code
 * MedicationRequest}s and who signed it as a {@code Practitioner}; vaccine doses as {@code
 * Immunization}s and referrals as {@code ServiceRequest}s — each through the owning module, with its
 * compartments and audit lines, and every resource valid R4 by HAPI's validator run offline.
 */
@PasserelleTest
class FhirClinicalApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private TestOrganisation organisation;
    private ApiSession clinician;
    private String personId;
    private LocalDate today;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        personId =
                TestOrganisation.register(clinician, "Yonas Tesfaye").path("id").asString();
        today = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"));
    }

    @Test
    void givesTheMeasurementsOfAConsultationAsVitalSignsCodedInLoinc() {
        personId = TestOrganisation.registerBorn(
                clinician, "Selam Tesfaye", today.minusYears(4).toString());
        String consultation = consult(Map.of(
                "temperature", 38.5,
                "heart-rate", 110,
                "bp-systolic", 95,
                "bp-diastolic", 60,
                "spo2", 97,
                "weight", 16,
                "height", 102,
                "muac", 150));
        long readsBefore = audited(consultation);

        ApiSession.Response found = clinician.get("/fhir/Observation?patient=" + personId);
        ApiSession.Response weight = clinician.get("/fhir/Observation/" + consultation + "-weight");
        ApiSession.Response byCode =
                clinician.get("/fhir/Observation?patient=" + personId + "&code=http://loinc.org%7C85354-9");
        ApiSession.Response unknown = clinician.get("/fhir/Observation/" + consultation + "-blood-glucose");

        assertThat(found.status()).as(found.body().toString()).isEqualTo(200);
        assertThat(resources(found).stream().map(FhirClinicalApiTest::firstCode))
                .containsExactlyInAnyOrder(
                        "8310-5", "8867-4", "2708-6", "29463-7", "8302-2", "39156-5", "56072-2", "85354-9");
        assertThat(weight.status()).isEqualTo(200);
        assertThat(weight.body().path("valueQuantity").path("value").asDouble()).isEqualTo(16.0);
        assertThat(weight.body().path("valueQuantity").path("code").asString()).isEqualTo("kg");
        assertThat(weight.text("status")).isEqualTo("final");
        assertThat(weight.body().path("encounter").path("reference").asString()).isEqualTo("Encounter/" + consultation);
        assertThat(weight.body().path("meta").path("profile").path(0).asString())
                .isEqualTo("http://hl7.org/fhir/StructureDefinition/bodyweight");
        JsonNode pressure = resources(byCode).getFirst();
        assertThat(resources(byCode)).hasSize(1);
        assertThat(pressure.path("component")
                        .valueStream()
                        .map(part -> firstCode(part) + "="
                                + part.path("valueQuantity").path("value").asInt()))
                .containsExactly("8480-6=95", "8462-4=60");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(audited(consultation)).isGreaterThan(readsBefore);
        assertValid(found);
        assertValid(weight);
        assertValid(byCode);
        assertValid(unknown);
    }

    @Test
    void givesTheDiagnosesInIcd10AndThePrescriptionOnlyFromTheCompartmentsTheUserOpens() {
        String consultation = consult(Map.of(
                "diagnoses",
                List.of("B86", "J06.9"),
                "prescription",
                List.of(Map.of("medicine", "ivermectin-3-tab", "morning", 4, "days", 1, "instructions", "With food"))));
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");
        ApiSession.Response session = psychologist.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        "mental-health-session",
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "session-type",
                                "assessment",
                                "suicide-screened",
                                false,
                                "diagnoses",
                                List.of("F43.1"))));
        assertThat(session.status()).as(session.body().toString()).isEqualTo(201);
        String mentalHealth = session.text("id");

        ApiSession.Response conditions = clinician.get("/fhir/Condition?patient=" + personId);
        ApiSession.Response hidden = clinician.get("/fhir/Condition/" + mentalHealth + "-F43.1");
        ApiSession.Response seenByPsychologist = psychologist.get("/fhir/Condition/" + mentalHealth + "-F43.1");
        ApiSession.Response prescription = clinician.get("/fhir/MedicationRequest?patient=" + personId);
        ApiSession.Response line = clinician.get("/fhir/MedicationRequest/" + consultation + "-rx0");
        ApiSession.Response everything = clinician.get("/fhir/Patient/" + personId + "/$everything");
        ApiSession.Response signer = clinician.get("/fhir/Practitioner/"
                + line.body().path("requester").path("reference").asString().replace("Practitioner/", ""));

        assertThat(conditions.status()).as(conditions.body().toString()).isEqualTo(200);
        assertThat(resources(conditions).stream().map(FhirClinicalApiTest::firstCode))
                .containsExactly("B86", "J06.9");
        assertThat(resources(conditions)
                        .getFirst()
                        .path("code")
                        .path("coding")
                        .path(0)
                        .path("system")
                        .asString())
                .isEqualTo("http://hl7.org/fhir/sid/icd-10");
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(seenByPsychologist.status()).isEqualTo(200);
        assertThat(ids(prescription)).containsExactly(consultation + "-rx0");
        assertThat(line.status()).isEqualTo(200);
        assertThat(line.body()
                        .path("medicationCodeableConcept")
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("P02CF01");
        JsonNode dosage = line.body().path("dosageInstruction").path(0);
        assertThat(dosage.path("timing").path("repeat").path("when").path(0).asString())
                .isEqualTo("MORN");
        assertThat(dosage.path("doseAndRate")
                        .path(0)
                        .path("doseQuantity")
                        .path("value")
                        .asInt())
                .isEqualTo(4);
        assertThat(dosage.path("patientInstruction").asString()).isEqualTo("With food");
        assertThat(signer.status()).isEqualTo(200);
        assertThat(signer.body().path("name").path(0).path("text").asString()).startsWith("User u");
        assertThat(signer.body().has("identifier")).isFalse();
        assertThat(everything.status()).as(everything.body().toString()).isEqualTo(200);
        assertThat(everything
                        .body()
                        .path("entry")
                        .valueStream()
                        .map(entry ->
                                entry.path("resource").path("resourceType").asString() + "/"
                                        + entry.path("resource").path("id").asString()))
                .containsExactlyInAnyOrder(
                        "Patient/" + personId,
                        "Encounter/" + consultation,
                        "Condition/" + consultation + "-B86",
                        "Condition/" + consultation + "-J06.9",
                        "MedicationRequest/" + consultation + "-rx0");
        assertValid(everything);
        assertValid(conditions);
        assertValid(hidden);
        assertValid(seenByPsychologist);
        assertValid(prescription);
        assertValid(line);
        assertValid(signer);
    }

    @Test
    void givesVaccineDosesAsImmunizationsAndReferralsAsServiceRequests() {
        Map<String, Object> dose = new HashMap<>();
        dose.put("id", UUID.randomUUID().toString());
        dose.put("personId", personId);
        dose.put("vaccineCode", "measles-mmr");
        dose.put("doseNumber", 1);
        dose.put("givenOn", today.minusDays(10).toString());
        dose.put("lot", "L-2231");
        ApiSession.Response given = clinician.post("/api/vaccination/doses", dose);
        assertThat(given.status()).as(given.body().toString()).isEqualTo(201);
        String serviceId = passService();
        ApiSession.Response referred = clinician.post(
                "/api/referrals",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "personId",
                        personId,
                        "serviceId",
                        serviceId,
                        "reason",
                        "Wound to be seen",
                        "urgency",
                        "URGENT",
                        "consent",
                        "PERSON",
                        "sentOn",
                        today.toString()));
        assertThat(referred.status()).as(referred.body().toString()).isEqualTo(201);
        ApiSession elsewhere = organisation.userAt(organisation.siteB, "CLINICIAN");

        ApiSession.Response immunizations = clinician.get("/fhir/Immunization?patient=" + personId);
        ApiSession.Response immunization = clinician.get("/fhir/Immunization/" + given.text("id"));
        ApiSession.Response referrals = clinician.get("/fhir/ServiceRequest?patient=" + personId);
        ApiSession.Response referral = clinician.get("/fhir/ServiceRequest/" + referred.text("id"));
        ApiSession.Response outside = elsewhere.get("/fhir/Immunization/" + given.text("id"));

        assertThat(immunizations.status()).as(immunizations.body().toString()).isEqualTo(200);
        assertThat(ids(immunizations)).containsExactly(given.text("id"));
        assertThat(immunization.status()).isEqualTo(200);
        assertThat(firstCode(immunization.body().path("vaccineCode"))).isEqualTo("measles-mmr");
        assertThat(immunization.text("lotNumber")).isEqualTo("L-2231");
        assertThat(immunization.text("occurrenceDateTime"))
                .isEqualTo(today.minusDays(10).toString());
        assertThat(immunization
                        .body()
                        .path("protocolApplied")
                        .path(0)
                        .path("doseNumberPositiveInt")
                        .asInt())
                .isEqualTo(1);
        assertThat(ids(referrals)).containsExactly(referred.text("id"));
        assertThat(referral.text("status")).isEqualTo("active");
        assertThat(referral.text("priority")).isEqualTo("asap");
        assertThat(firstCode(referral.body().path("code"))).isEqualTo("pass");
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.text("resourceType")).isEqualTo("OperationOutcome");
        assertThat(auditedAs("vaccination-dose", given.text("id"))).isEqualTo(1);
        assertValid(immunizations);
        assertValid(immunization);
        assertValid(referrals);
        assertValid(referral);
        assertValid(outside);
    }

    private String consult(Map<String, Object> measured) {
        Map<String, Object> answers = new HashMap<>(measured);
        answers.put("complaints", List.of("fever"));
        answers.putIfAbsent("diagnoses", List.of("R50.9"));
        ApiSession.Response signed = clinician.post(
                "/api/encounters",
                Map.of("personId", personId, "formCode", "medical-consultation", "sign", true, "answers", answers));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        return signed.text("id");
    }

    private String passService() {
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "PASS");
        details.put("name", "PASS Calais");
        details.put("languages", List.of("fr", "ar"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", false);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    private static List<JsonNode> resources(ApiSession.Response bundle) {
        return bundle.body()
                .path("entry")
                .valueStream()
                .map(entry -> entry.path("resource"))
                .toList();
    }

    private static String firstCode(JsonNode resource) {
        JsonNode concept = resource.has("code") ? resource.path("code") : resource;
        return concept.path("coding").path(0).path("code").asString();
    }

    private long audited(String consultation) {
        return auditedAs("encounter", consultation);
    }

    private long auditedAs(String recordType, String id) {
        return jdbc.sql("select count(*) from audit.audit_event where action = 'READ' and record_type = ?"
                        + " and record_id = ?::uuid")
                .params(recordType, id)
                .query(Long.class)
                .single();
    }
}
