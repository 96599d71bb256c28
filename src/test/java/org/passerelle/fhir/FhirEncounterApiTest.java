package org.passerelle.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.fhir.FhirPatientApiTest.assertValid;
import static org.passerelle.fhir.FhirPatientApiTest.ids;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR facade's {@code Encounter}, {@code Organization} and {@code Location}: consultations
 * through the care module, in the compartments the user opens only, and the sites they were held
 * at, every resource valid R4 by HAPI's validator run offline.
 */
@PasserelleTest
class FhirEncounterApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void givesEachRoleTheConsultationsOfTheCompartmentsItOpens() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession author = organisation.userAt(organisation.siteA, "CLINICIAN", "PSYCHOLOGIST");
        String personId =
                TestOrganisation.register(author, "Samir Bensalem").path("id").asString();
        String general = record(author, personId, "MEDICAL");
        String mentalHealth = record(author, personId, "MENTAL_HEALTH");
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession psychologist = organisation.userAt(organisation.siteA, "PSYCHOLOGIST");

        ApiSession.Response seenByClinician = clinician.get("/fhir/Encounter?patient=" + personId);
        ApiSession.Response seenByPsychologist = psychologist.get("/fhir/Encounter?patient=Patient/" + personId);
        ApiSession.Response hidden = clinician.get("/fhir/Encounter/" + mentalHealth);
        ApiSession.Response read = clinician.get("/fhir/Encounter/" + general);

        assertThat(seenByClinician.status()).isEqualTo(200);
        assertThat(ids(seenByClinician)).containsExactly(general);
        assertThat(ids(seenByPsychologist)).containsExactlyInAnyOrder(general, mentalHealth);
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()
                        .path("type")
                        .path(0)
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("medical");
        assertThat(read.body().path("subject").path("reference").asString()).isEqualTo("Patient/" + personId);
        assertThat(read.text("status")).isEqualTo("finished");
        assertValid(seenByClinician);
        assertValid(seenByPsychologist);
        assertValid(read);
        assertValid(hidden);
    }

    @Test
    void givesThePatientBesideTheirEncountersWhenAskedToIncludeIt() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String personId =
                TestOrganisation.register(clinician, "Hawa Camara").path("id").asString();
        String general = record(clinician, personId, "MEDICAL");
        long readsBefore = patientReads(personId);

        ApiSession.Response bundle =
                clinician.get("/fhir/Encounter?patient=" + personId + "&_include=Encounter:patient");
        ApiSession.Response unsupported =
                clinician.get("/fhir/Encounter?patient=" + personId + "&_include=Encounter:practitioner");

        assertThat(bundle.status()).as(bundle.body().toString()).isEqualTo(200);
        assertThat(bundle.body()
                        .path("entry")
                        .valueStream()
                        .map(entry ->
                                entry.path("resource").path("resourceType").asString() + "/"
                                        + entry.path("resource").path("id").asString()))
                .containsExactlyInAnyOrder("Encounter/" + general, "Patient/" + personId);
        assertThat(bundle.body()
                        .path("entry")
                        .valueStream()
                        .filter(entry -> entry.path("resource")
                                .path("resourceType")
                                .asString()
                                .equals("Patient"))
                        .map(entry -> entry.path("search").path("mode").asString()))
                .containsExactly("include");
        assertThat(patientReads(personId)).isEqualTo(readsBefore + 1);
        assertThat(unsupported.status()).isEqualTo(400);
        assertValid(bundle);
        assertValid(unsupported);
    }

    @Test
    void describesTheSitesAsOrganizationsAndLocations() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");

        ApiSession.Response site = clinician.get("/fhir/Organization/" + organisation.siteA);
        ApiSession.Response place = clinician.get("/fhir/Location/" + organisation.siteA);
        ApiSession.Response anonymous = new ApiSession(port).get("/fhir/Location/" + organisation.siteA);

        assertThat(site.status()).isEqualTo(200);
        assertThat(site.text("name")).startsWith("Site A");
        assertThat(place.status()).isEqualTo(200);
        assertThat(place.body()
                        .path("type")
                        .path(0)
                        .path("coding")
                        .path(0)
                        .path("code")
                        .asString())
                .isEqualTo("MOBL");
        assertThat(anonymous.status()).isEqualTo(401);
        assertValid(site);
        assertValid(place);
    }

    private long patientReads(String personId) {
        return jdbc.sql("select count(*) from audit.audit_event where action = 'READ' and record_type = 'person'"
                        + " and record_id = ?::uuid")
                .param(personId)
                .query(Long.class)
                .single();
    }

    private static String record(ApiSession author, String personId, String discipline) {
        ApiSession.Response recorded = author.post(
                "/api/consultations", Map.of("personId", personId, "discipline", discipline, "note", "Seen today"));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
        return recorded.text("id");
    }
}
