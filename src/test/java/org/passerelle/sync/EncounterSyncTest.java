package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.change;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.time.LocalDate;
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

/** Consultations pushed by devices: drafts merged answer by answer, signed ones amended, never overwritten. */
@PasserelleTest
class EncounterSyncTest {

    private static final String FORM = "medical-consultation";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    java.time.Clock clock;

    TestOrganisation organisation;
    ApiSession clinician;
    String personId;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        personId = TestOrganisation.register(clinician, "Tesfalem Gebre")
                .path("id")
                .asString();
    }

    private JsonNode result(Device device, Map<String, Object> mutation) {
        ApiSession.Response pushed = device.push(List.of(mutation));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        return pushed.body().path("results").get(0);
    }

    private JsonNode encounter(UUID id) {
        ApiSession.Response read = clinician.get("/api/encounters/" + id);
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        return read.body();
    }

    @Test
    void mergesTwoDevicesFillingDifferentAnswersOfADraftAndKeepsTheSameAnswerInConflict() {
        Device phone = new Device(clinician, port);
        Device laptop = new Device(clinician, port);
        UUID id = UUID.randomUUID();
        JsonNode created = result(
                phone,
                mutation(
                        "encounter",
                        id,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "personId", value(personId),
                                "formCode", value(FORM),
                                "occurredOn", value(LocalDate.now(clock).toString()),
                                "status", value("DRAFT"),
                                "answers.temperature", value(38.5),
                                "answers.weight", value(70))));
        long base = created.path("version").asLong();

        JsonNode first = result(
                phone,
                mutation(
                        "encounter", id, "UPDATE", base, organisation.siteA, Map.of("answers.weight", change(70, 71))));
        JsonNode second = result(
                laptop,
                mutation(
                        "encounter",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of(
                                "answers.weight", change(70, 72),
                                "answers.examination", change(null, "Chest clear"))));

        assertThat(created.path("outcome").asString()).as(created.toString()).isEqualTo("APPLIED");
        assertThat(first.path("outcome").asString()).as(first.toString()).isEqualTo("APPLIED");
        assertThat(second.path("outcome").asString()).as(second.toString()).isEqualTo("CONFLICT");
        assertThat(second.path("conflicts").get(0).path("field").asString()).isEqualTo("answers.weight");
        JsonNode merged = encounter(id);
        assertThat(merged.path("status").asString()).isEqualTo("DRAFT");
        assertThat(merged.path("answers").path("weight").asDouble()).isEqualTo(71);
        assertThat(merged.path("answers").path("examination").asString()).isEqualTo("Chest clear");
        assertThat(merged.path("answers").path("temperature").asDouble()).isEqualTo(38.5);
        assertThat(jdbc.sql("select count(*) from sync.conflict where record_id = ? and field = 'answers.weight'")
                        .param(id)
                        .query(Long.class)
                        .single())
                .as("both values kept")
                .isEqualTo(1);
    }

    @Test
    void turnsAChangeToAConsultationSignedMeanwhileIntoAnAmendment() {
        Device phone = new Device(clinician, port);
        ApiSession.Response signed = clinician.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        FORM,
                        "answers",
                        Map.of("complaints", List.of("cough"), "diagnoses", List.of("B86"), "weight", 60),
                        "sign",
                        true));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        UUID id = UUID.fromString(signed.text("id"));

        JsonNode result = result(
                phone,
                mutation(
                        "encounter",
                        id,
                        "UPDATE",
                        signed.body().path("version").asLong(),
                        organisation.siteA,
                        Map.of("answers.weight", change(60, 61))));

        assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("MERGED");
        assertThat(result.path("amendedRevision").asInt()).isEqualTo(2);
        JsonNode amended = encounter(id);
        assertThat(amended.path("revision").asInt()).isEqualTo(2);
        assertThat(amended.path("answers").path("weight").asDouble()).isEqualTo(61);
        ApiSession.Response before = clinician.get("/api/encounters/" + id + "/revisions/1");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.body().path("answers").path("weight").asDouble())
                .as("the signed revision is kept as it was")
                .isEqualTo(60);
        assertThat(amended.path("revisions").get(1).path("reason").asString()).contains(phone.id.toString());
    }
}
