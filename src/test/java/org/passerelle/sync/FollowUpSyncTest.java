package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.change;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.time.Clock;
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

/**
 * Follow-ups and group sessions held by devices: enrolled and planned offline, merged field by
 * field, and nothing a device sent dropped without a word — a conflict kept for review, or a
 * rejection the device shows.
 */
@PasserelleTest
class FollowUpSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    TestOrganisation organisation;
    ApiSession clinician;
    String woman;
    LocalDate today;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        woman = TestOrganisation.register(clinician, "Fanta Camara").path("id").asString();
        today = LocalDate.now(clock);
    }

    private static JsonNode result(Device device, Map<String, Object> mutation) {
        ApiSession.Response pushed = device.push(List.of(mutation));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        return pushed.body().path("results").get(0);
    }

    private Map<String, Object> enrolment(UUID id, String programme) {
        return mutation(
                "follow-up",
                id,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "personId", value(woman),
                        "programme", value(programme),
                        "startedOn", value(today.toString()),
                        "nextVisitOn", value(today.plusDays(14).toString())));
    }

    private JsonNode followUp(ApiSession reader, UUID id) {
        ApiSession.Response read = reader.get("/api/people/" + woman + "/follow-ups");
        assertThat(read.status()).as(read.body().toString()).isEqualTo(200);
        for (JsonNode followUp : read.body()) {
            if (followUp.path("id").asString().equals(id.toString())) {
                return followUp;
            }
        }
        throw new AssertionError("follow-up " + id + " not in " + read.body());
    }

    @Test
    void enrolsOfflineAndServesTheFollowUpToTheSitesDevicesInItsCompartmentOnly() {
        Device phone = new Device(clinician, port);
        Device colleague = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        Device elsewhere = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        String colleagueCursor = colleague.pullAll(null, 1000).cursor();
        String elsewhereCursor = elsewhere.pullAll(null, 1000).cursor();
        UUID pregnancy = UUID.randomUUID();
        UUID mentalHealth = UUID.randomUUID();
        Device psychologist = new Device(organisation.userAt(organisation.siteA, "PSYCHOLOGIST"), port);

        JsonNode enrolled = result(phone, enrolment(pregnancy, "PREGNANCY"));
        JsonNode followed = result(psychologist, enrolment(mentalHealth, "MENTAL_HEALTH"));

        assertThat(enrolled.path("outcome").asString()).as(enrolled.toString()).isEqualTo("APPLIED");
        assertThat(followed.path("outcome").asString()).as(followed.toString()).isEqualTo("APPLIED");
        assertThat(followUp(clinician, pregnancy).path("nextVisitOn").asString())
                .isEqualTo(today.plusDays(14).toString());
        List<String> pulled = colleague.pullAll(colleagueCursor, 1000).idsOf("follow-up");
        assertThat(pulled).as("a clinician does not open mental health").containsExactly(pregnancy.toString());
        assertThat(elsewhere.pullAll(elsewhereCursor, 1000).idsOf("follow-up")).isEmpty();
        assertThat(jdbc.sql("select action from audit.audit_event where record_id = ? and outcome = ?")
                        .params(pregnancy, "SUCCESS device=" + phone.id)
                        .query(String.class)
                        .list())
                .containsExactly("CREATE");
    }

    @Test
    void keepsTwoPlansOfTheSameVisitInConflictForReviewAndMergesTheOtherFields() {
        Device phone = new Device(clinician, port);
        Device laptop = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        UUID id = UUID.randomUUID();
        long base = result(phone, enrolment(id, "PREGNANCY")).path("version").asLong();
        String planned = today.plusDays(14).toString();

        JsonNode first = result(
                phone,
                mutation(
                        "follow-up",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("nextVisitOn", change(planned, today.plusDays(7).toString()))));
        JsonNode second = result(
                laptop,
                mutation(
                        "follow-up",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of(
                                "nextVisitOn",
                                        change(planned, today.plusDays(10).toString()),
                                "riskFlags", change(List.of(), List.of("anaemia")))));

        assertThat(first.path("outcome").asString()).as(first.toString()).isEqualTo("APPLIED");
        assertThat(second.path("outcome").asString()).as(second.toString()).isEqualTo("CONFLICT");
        assertThat(second.path("conflicts").get(0).path("field").asString()).isEqualTo("nextVisitOn");
        JsonNode merged = followUp(clinician, id);
        assertThat(merged.path("nextVisitOn").asString())
                .isEqualTo(today.plusDays(7).toString());
        assertThat(merged.path("riskFlags").get(0).asString()).isEqualTo("anaemia");

        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        String conflictId = second.path("conflicts").get(0).path("conflictId").asString();
        ApiSession.Response listed = dataOfficer.get("/api/sync/conflicts");
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.body().valueStream().map(c -> c.path("id").asString()))
                .contains(conflictId);
        ApiSession.Response written =
                dataOfficer.post("/api/sync/conflicts/" + conflictId + "/resolution", Map.of("keep", "DEVICE"));
        ApiSession.Response kept =
                dataOfficer.post("/api/sync/conflicts/" + conflictId + "/resolution", Map.of("keep", "SERVER"));
        assertThat(written.status()).as("a data officer writes no plan of care").isEqualTo(403);
        assertThat(written.text("code")).isEqualTo("role-not-allowed");
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
        assertThat(kept.text("kept")).isEqualTo("SERVER");
        assertThat(followUp(clinician, id).path("nextVisitOn").asString())
                .isEqualTo(today.plusDays(7).toString());
    }

    @Test
    void closesOfflineAndRejectsAPlanForAFollowUpClosedMeanwhileWithAProblemTheDeviceShows() {
        Device phone = new Device(clinician, port);
        Device laptop = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        UUID id = UUID.randomUUID();
        long base = result(phone, enrolment(id, "PREGNANCY")).path("version").asLong();

        JsonNode closed = result(
                phone,
                mutation(
                        "follow-up",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("status", change("ACTIVE", "CLOSED"), "closedReason", change(null, "DELIVERED"))));
        JsonNode late = result(
                laptop,
                mutation(
                        "follow-up",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("dueDate", change(null, today.plusMonths(2).toString()))));

        assertThat(closed.path("outcome").asString()).as(closed.toString()).isEqualTo("APPLIED");
        assertThat(followUp(clinician, id).path("status").asString()).isEqualTo("CLOSED");
        assertThat(followUp(clinician, id).path("closedReason").asString()).isEqualTo("DELIVERED");
        assertThat(late.path("outcome").asString()).as(late.toString()).isEqualTo("REJECTED");
        assertThat(late.path("problem").path("code").asString()).isEqualTo("follow-up-closed");
        assertThat(followUp(clinician, id).path("dueDate").isMissingNode()).isTrue();
    }

    @Test
    void syncsAGroupSessionRecordedOfflineAndKeepsTwoAnswersOfItsDraftInConflict() {
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device phone = new Device(nurse, port);
        Device tablet = new Device(nurse, port);
        Device colleague = new Device(clinician, port);
        Device elsewhere = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        String colleagueCursor = colleague.pullAll(null, 1000).cursor();
        String elsewhereCursor = elsewhere.pullAll(null, 1000).cursor();
        UUID session = UUID.randomUUID();
        long base = result(
                        phone,
                        mutation(
                                "encounter",
                                session,
                                "CREATE",
                                null,
                                organisation.siteA,
                                Map.of(
                                        "formCode", value("health-promotion-session"),
                                        "occurredOn", value(today.toString()),
                                        "status", value("DRAFT"),
                                        "answers.topic", value("scabies"),
                                        "answers.women", value(4))))
                .path("version")
                .asLong();

        JsonNode first = result(
                phone,
                mutation(
                        "encounter",
                        session,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("answers.men", change(null, 3))));
        JsonNode second = result(
                tablet,
                mutation(
                        "encounter",
                        session,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("answers.men", change(null, 5), "answers.girls", change(null, 2))));
        JsonNode signed = result(
                phone,
                mutation(
                        "encounter",
                        session,
                        "UPDATE",
                        second.path("version").asLong(),
                        organisation.siteA,
                        Map.of("status", change("DRAFT", "SIGNED"))));

        assertThat(first.path("outcome").asString()).as(first.toString()).isEqualTo("APPLIED");
        assertThat(second.path("outcome").asString()).as(second.toString()).isEqualTo("CONFLICT");
        assertThat(second.path("conflicts").get(0).path("field").asString()).isEqualTo("answers.men");
        assertThat(signed.path("outcome").asString()).as(signed.toString()).isEqualTo("APPLIED");
        JsonNode served = colleague.pullAll(colleagueCursor, 1000).changes().stream()
                .filter(change -> change.path("recordId").asString().equals(session.toString()))
                .reduce((earlier, later) -> later)
                .orElseThrow();
        assertThat(served.path("record").path("personId").asString(null)).isNull();
        assertThat(served.path("record").path("attendees").asInt()).isEqualTo(4 + 3 + 2);
        assertThat(elsewhere.pullAll(elsewhereCursor, 1000).idsOf("encounter")).doesNotContain(session.toString());
        assertThat(jdbc.sql("select count(*) from sync.conflict where record_id = ? and status = 'OPEN'")
                        .param(session)
                        .query(Long.class)
                        .single())
                .as("the other count is kept for review")
                .isEqualTo(1);
    }
}
