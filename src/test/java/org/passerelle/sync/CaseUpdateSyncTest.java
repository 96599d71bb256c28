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
 * A line-list case's course changed on devices: a change from the version the device held applies
 * through the case's write path; a change from an older version is merged field by field, and a field
 * the server changed meanwhile to another value stays as the server has it, kept as a conflict.
 */
@PasserelleTest
class CaseUpdateSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Test
    void aStaleChangeOfTheSameFieldIsAConflictAndTheOtherFieldsAreMerged() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device phone = new Device(nurse, port);
        Device laptop = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        String onset = LocalDate.now(clock).minusDays(3).toString();
        String yesterday = LocalDate.now(clock).minusDays(1).toString();
        UUID id = UUID.randomUUID();
        long base = result(
                        phone,
                        mutation(
                                "outbreak-case",
                                id,
                                "CREATE",
                                null,
                                organisation.siteA,
                                Map.of(
                                        "disease", value("cholera"),
                                        "classification", value("SUSPECTED"),
                                        "onsetOn", value(onset))))
                .path("version")
                .asLong();

        JsonNode confirmed = result(
                phone,
                mutation(
                        "outbreak-case",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of(
                                "classification",
                                change("SUSPECTED", "CONFIRMED"),
                                "labResult",
                                change(null, "POSITIVE"))));
        JsonNode stale = result(
                laptop,
                mutation(
                        "outbreak-case",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of(
                                "classification", change("SUSPECTED", "DISCARDED"),
                                "outcome", change(null, "RECOVERED"),
                                "outcomeOn", change(null, yesterday))));

        assertThat(confirmed.path("outcome").asString())
                .as(confirmed.toString())
                .isEqualTo("APPLIED");
        assertThat(stale.path("outcome").asString()).as(stale.toString()).isEqualTo("CONFLICT");
        assertThat(stale.path("conflicts")
                        .valueStream()
                        .map(c -> c.path("field").asString()))
                .containsExactly("classification");
        JsonNode now = nurse.get("/api/outbreaks/cases/" + id).body();
        assertThat(now.path("classification").asString())
                .as("the server's classification is not overwritten")
                .isEqualTo("CONFIRMED");
        assertThat(now.path("labResult").asString()).isEqualTo("POSITIVE");
        assertThat(now.path("outcome").asString()).isEqualTo("RECOVERED");
        assertThat(now.path("outcomeOn").asString()).isEqualTo(yesterday);
        ApiSession.Response history = nurse.get("/api/outbreaks/cases/" + id + "/classifications");
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body()
                        .valueStream()
                        .map(step -> step.path("classification").asString()))
                .containsExactly("SUSPECTED", "CONFIRMED");
    }

    @Test
    void aChangeBreakingTheCasesRulesOrNamingAFieldOutsideItsCourseIsRefusedAndWritesNothing() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device phone = new Device(nurse, port);
        String onset = LocalDate.now(clock).minusDays(1).toString();
        UUID id = UUID.randomUUID();
        long base = result(
                        phone,
                        mutation(
                                "outbreak-case",
                                id,
                                "CREATE",
                                null,
                                organisation.siteA,
                                Map.of(
                                        "disease", value("cholera"),
                                        "classification", value("SUSPECTED"),
                                        "onsetOn", value(onset))))
                .path("version")
                .asLong();

        JsonNode beforeOnset = result(
                phone,
                mutation(
                        "outbreak-case",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of(
                                "outcome", change(null, "DIED"),
                                "outcomeOn",
                                        change(
                                                null,
                                                LocalDate.now(clock)
                                                        .minusDays(5)
                                                        .toString()))));
        JsonNode otherSite = result(
                phone,
                mutation(
                        "outbreak-case",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteA,
                        Map.of("siteId", change(null, organisation.siteB))));
        JsonNode elsewhere = result(
                new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port),
                mutation(
                        "outbreak-case",
                        id,
                        "UPDATE",
                        base,
                        organisation.siteB,
                        Map.of("outcome", change(null, "DIED"))));

        assertThat(List.of(beforeOnset, otherSite, elsewhere).stream()
                        .map(r -> r.path("problem").path("code").asString()))
                .containsExactly("outbreak-onset-after", "sync-unknown-field", "sync-unknown-record");
        JsonNode now = nurse.get("/api/outbreaks/cases/" + id).body();
        assertThat(now.path("version").asLong()).isEqualTo(base);
        assertThat(now.path("outcome").isMissingNode() || now.path("outcome").isNull())
                .isTrue();
    }

    private static JsonNode result(Device device, Map<String, Object> mutation) {
        ApiSession.Response pushed = device.push(List.of(mutation));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        return pushed.body().path("results").get(0);
    }
}
