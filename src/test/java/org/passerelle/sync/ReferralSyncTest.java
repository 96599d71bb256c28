package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Referrals, accompaniments and rights steps recorded in a camp without network: pushed through
 * their modules' write paths (same rules, written once under the device's ids), pulled by the
 * devices of the person's carers at their sites and no others (rights steps only by those who open
 * the legal compartment), the directory on every carer's device, a withdrawn step pulled as erased.
 */
@PasserelleTest
class ReferralSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Test
    void referralsAccompanimentsAndRightsStepsMadeOfflineApplyOnceAndReachOnlyTheirCarers() {
        TestOrganisation organisation = new TestOrganisation(port);
        String service = service(organisation, false);
        Device nurse = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        Device social = new Device(organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER"), port);
        Device elsewhere = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        UUID person = UUID.randomUUID();
        UUID referral = UUID.randomUUID();
        UUID accompaniment = UUID.randomUUID();
        UUID step = UUID.randomUUID();
        String today = LocalDate.now(clock).toString();
        List<Map<String, Object>> camp = List.of(
                mutation(
                        "person",
                        person,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("chosenName", value("Samir Offline"), "sex", value("MALE"))),
                referral(referral, person, service, organisation.siteA, Map.of()),
                mutation(
                        "accompaniment",
                        accompaniment,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "referralId", value(referral.toString()),
                                "occurredOn", value(today),
                                "companions", value("Nurse and interpreter"),
                                "transport", value("TEAM_VEHICLE"),
                                "minutes", value(180),
                                "outcome", value("ADMITTED"))));

        for (int attempt = 0; attempt < 2; attempt++) {
            expectOutcomes(nurse.push(camp), "APPLIED", "APPLIED", "APPLIED");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            expectOutcomes(social.push(List.of(rightsStep(step, person, today, organisation.siteA))), "APPLIED");
        }
        assertThat(count("referrals.referral", "id = ? and person_id = ?", referral, person))
                .isEqualTo(1);
        assertThat(count("referrals.referral_step", "referral_id = ?", referral))
                .isEqualTo(1);
        assertThat(count("referrals.accompaniment", "id = ?", accompaniment)).isEqualTo(1);
        assertThat(count("rights.rights_step", "id = ? and person_id = ?", step, person))
                .isEqualTo(1);

        Device.Pulled held = nurse.pullAll(null, 1000);
        assertThat(held.idsOf("referral")).containsOnlyOnce(referral.toString());
        assertThat(held.idsOf("accompaniment")).containsOnlyOnce(accompaniment.toString());
        assertThat(held.idsOf("partner-service")).contains(service);
        assertThat(record(held, referral).path("reason").asString()).isEqualTo("Wound to be seen at the PASS");
        assertThat(record(held, accompaniment).path("referralId").asString()).isEqualTo(referral.toString());
        assertThat(held.idsOf("rights-step"))
                .as("a nurse does not open the legal compartment")
                .doesNotContain(step.toString());

        Device.Pulled legal = social.pullAll(null, 1000);
        assertThat(legal.idsOf("rights-step")).containsOnlyOnce(step.toString());
        assertThat(record(legal, step).path("personId").asString()).isEqualTo(person.toString());
        assertThat(record(legal, step).path("kind").asString()).isEqualTo("AME_REQUESTED");

        Device.Pulled other = elsewhere.pullAll(null, 1000);
        assertThat(other.idsOf("partner-service")).contains(service);
        assertThat(other.changes())
                .as("nothing of the person reaches a device of another site")
                .noneSatisfy(change -> assertThat(
                                List.of(referral, accompaniment, step).stream().map(UUID::toString))
                        .contains(change.path("recordId").asString()));
    }

    @Test
    void whatBreaksARuleOfflineIsRefusedWithItsOwnCodeAndWritesNothing() {
        TestOrganisation organisation = new TestOrganisation(port);
        String closed = service(organisation, true);
        String open = service(organisation, false);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String person =
                TestOrganisation.register(clinician, "Rules Offline").path("id").asString();
        Device nurse = new Device(clinician, port);
        Device social = new Device(organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER"), port);
        UUID toClosed = UUID.randomUUID();
        UUID tooMuch = UUID.randomUUID();
        UUID unknownReferral = UUID.randomUUID();
        UUID stepByNurse = UUID.randomUUID();
        UUID stepInFuture = UUID.randomUUID();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        ApiSession.Response pushed = nurse.push(List.of(
                referral(toClosed, UUID.fromString(person), closed, organisation.siteA, Map.of()),
                referral(tooMuch, UUID.fromString(person), open, organisation.siteA, Map.of("name", value("Not kept"))),
                mutation(
                        "accompaniment",
                        unknownReferral,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "referralId", value(UUID.randomUUID().toString()),
                                "occurredOn", value(LocalDate.now(clock).toString()),
                                "companions", value("Nurse"),
                                "transport", value("WALK"),
                                "minutes", value(30),
                                "outcome", value("SEEN"))),
                rightsStep(
                        stepByNurse,
                        UUID.fromString(person),
                        LocalDate.now(clock).toString(),
                        organisation.siteA)));
        assertThat(codes(pushed))
                .containsExactly("referral-service-closed", "sync-unknown-field", "not-found", "role-not-allowed");
        assertThat(codes(social.push(
                        List.of(rightsStep(stepInFuture, UUID.fromString(person), tomorrow, organisation.siteA)))))
                .containsExactly("rights-in-future");
        assertThat(count("referrals.referral", "id in (?, ?)", toClosed, tooMuch))
                .isZero();
        assertThat(count("referrals.accompaniment", "id = ?", unknownReferral)).isZero();
        assertThat(count("rights.rights_step", "id in (?, ?)", stepByNurse, stepInFuture))
                .isZero();
    }

    @Test
    void aStepWithdrawnOnlineLeavesTheDevicesThatHeldIt() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession worker = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        String person =
                TestOrganisation.register(worker, "Withdrawn Step").path("id").asString();
        Device social = new Device(worker, port);
        UUID step = UUID.randomUUID();
        expectOutcomes(
                social.push(List.of(rightsStep(
                        step, UUID.fromString(person), LocalDate.now(clock).toString(), organisation.siteA))),
                "APPLIED");
        Device.Pulled held = social.pullAll(null, 1000);
        assertThat(held.idsOf("rights-step")).contains(step.toString());

        ApiSession.Response withdrawn = worker.post(
                "/api/rights/steps/" + step + "/withdrawal",
                Map.of("version", record(held, step).path("version").asLong()));
        assertThat(withdrawn.status()).as(withdrawn.body().toString()).isEqualTo(204);

        Device.Pulled after = social.pullAll(held.cursor(), 1000);
        assertThat(after.changes()).anySatisfy(change -> {
            assertThat(change.path("recordId").asString()).isEqualTo(step.toString());
            assertThat(change.path("change").asString()).isEqualTo("ERASED");
        });
    }

    private static Map<String, Object> referral(
            UUID id, UUID person, String service, String site, Map<String, Object> extra) {
        Map<String, Object> changes = new HashMap<>(Map.of(
                "personId", value(person.toString()),
                "serviceId", value(service),
                "reason", value("Wound to be seen at the PASS"),
                "urgency", value("SOON"),
                "consent", value("PERSON")));
        changes.putAll(extra);
        return mutation("referral", id, "CREATE", null, site, changes);
    }

    private static Map<String, Object> rightsStep(UUID id, UUID person, String on, String site) {
        return mutation(
                "rights-step",
                id,
                "CREATE",
                null,
                site,
                Map.of(
                        "personId", value(person.toString()),
                        "kind", value("AME_REQUESTED"),
                        "occurredOn", value(on),
                        "documents", value(List.of("PROOF_OF_IDENTITY", "PROOF_OF_ADDRESS"))));
    }

    private static String service(TestOrganisation organisation, boolean closed) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", "PASS");
        details.put("name", closed ? "Closed PASS" : "PASS Calais");
        details.put("languages", List.of("fr", "ar"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", false);
        details.put("closed", closed);
        ApiSession.Response added = organisation
                .userAt(organisation.siteA, "COORDINATOR")
                .post("/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    private static void expectOutcomes(ApiSession.Response pushed, String... outcomes) {
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        List<String> found = new ArrayList<>();
        pushed.body()
                .path("results")
                .forEach(result -> found.add(result.path("outcome").asString()));
        assertThat(found).as(pushed.body().toString()).containsExactly(outcomes);
    }

    private static List<String> codes(ApiSession.Response pushed) {
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode result : pushed.body().path("results")) {
            assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("REJECTED");
            codes.add(result.path("problem").path("code").asString());
        }
        return codes;
    }

    private static JsonNode record(Device.Pulled pulled, UUID id) {
        return pulled.changes().stream()
                .filter(change -> change.path("recordId").asString().equals(id.toString()))
                .reduce((first, last) -> last)
                .orElseThrow()
                .path("record");
    }

    private long count(String table, String where, Object... params) {
        return jdbc.sql("select count(*) from " + table + " where " + where)
                .params(params)
                .query(Long.class)
                .single();
    }
}
