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
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An erasure reaches every device that held the person at its next pull, whatever its user's
 * scope is now, and what a device pushes about the person afterwards is refused, not applied.
 */
@PasserelleTest
class ErasureReachesDevicesTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void tellsEveryDeviceThatHeldThePersonAndRefusesWhatIsPushedAboutThemAfterwards() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device phone = new Device(clinician, port);
        Device other = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        String otherCursor = other.pullAll(null, 1000).cursor();
        UUID person = UUID.randomUUID();
        UUID consultation = UUID.randomUUID();
        UUID followUp = UUID.randomUUID();
        String today = LocalDate.now(clock).toString();
        ApiSession.Response pushed = phone.push(List.of(
                mutation(
                        "person",
                        person,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("chosenName", value("Awa Erased"), "sex", value("FEMALE"))),
                mutation(
                        "encounter",
                        consultation,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "personId", value(person.toString()),
                                "formCode", value("medical-consultation"),
                                "occurredOn", value(today),
                                "status", value("DRAFT"),
                                "answers.weight", value(60))),
                mutation(
                        "follow-up",
                        followUp,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("personId", value(person.toString()), "programme", value("PREGNANCY")))));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        pushed.body()
                .path("results")
                .forEach(result -> assertThat(result.path("outcome").asString())
                        .as(result.toString())
                        .isEqualTo("APPLIED"));
        Device.Pulled held = phone.pullAll(null, 1000);
        assertThat(held.idsOf("person")).contains(person.toString());
        assertThat(held.idsOf("follow-up")).contains(followUp.toString());

        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        ApiSession.Response erased =
                dataOfficer.post("/api/people/" + person + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(204);

        Device.Pulled after = phone.pullAll(held.cursor(), 1000);
        Device.Pulled elsewhere = other.pullAll(otherCursor, 1000);
        for (Device.Pulled pulled : List.of(after, elsewhere)) {
            assertThat(pulled.changes())
                    .as("the erasure, even to a device whose user never had the person in scope")
                    .anySatisfy(change -> {
                        assertThat(change.path("recordId").asString()).isEqualTo(person.toString());
                        assertThat(change.path("change").asString()).isEqualTo("ERASED");
                    });
            assertThat(pulled.changes())
                    .noneSatisfy(change ->
                            assertThat(change.path("record").toString()).contains("Awa Erased"));
        }
        assertThat(phone.pullAll(null, 1000).idsOf("person"))
                .as("a device pulling from the start never receives them")
                .doesNotContain(person.toString());

        ApiSession.Response late = phone.push(List.of(
                mutation("person", person, "UPDATE", 0L, organisation.siteA, Map.of("phone", change(null, "+33 6"))),
                mutation(
                        "encounter",
                        consultation,
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("answers.weight", change(60, 61))),
                mutation(
                        "follow-up",
                        followUp,
                        "UPDATE",
                        0L,
                        organisation.siteA,
                        Map.of("riskFlags", change(List.of(), List.of("anaemia"))))));
        assertThat(late.status()).isEqualTo(200);
        for (JsonNode result : late.body().path("results")) {
            assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("REJECTED");
            assertThat(result.path("problem").path("code").asString()).isEqualTo("sync-unknown-record");
        }
    }
}
