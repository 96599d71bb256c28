package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.sync.Device.mutation;
import static org.passerelle.sync.Device.value;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.retention.Retention;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The public health records devices hold: line-list cases, doses and water readings taken offline
 * are pushed through their modules' write paths (same rules, written once), and pulled by the
 * devices of the users who work at their site, and only by them; an erased person's cases and doses
 * no longer point to them, on the server or on the devices.
 */
@PasserelleTest
class PublicHealthSyncTest {

    @LocalServerPort
    int port;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Retention retention;

    @Test
    void casesDosesAndReadingsTakenOfflineApplyOnceAndArePulledWithinTheirSitesOnly() {
        TestOrganisation organisation = new TestOrganisation(port);
        Device phone = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        Device elsewhere = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        UUID point = waterPoint(organisation);
        UUID person = UUID.randomUUID();
        UUID linkedCase = UUID.randomUUID();
        UUID anonymousCase = UUID.randomUUID();
        UUID dose = UUID.randomUUID();
        UUID reading = UUID.randomUUID();
        String today = LocalDate.now(clock).toString();
        List<Map<String, Object>> batch = List.of(
                mutation(
                        "person",
                        person,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("chosenName", value("Zaina Offline"), "sex", value("FEMALE"))),
                mutation(
                        "outbreak-case",
                        linkedCase,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("cholera"),
                                "personId",
                                value(person.toString()),
                                "classification",
                                value("SUSPECTED"),
                                "onsetOn",
                                value(today))),
                mutation(
                        "outbreak-case",
                        anonymousCase,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("cholera"),
                                "sex",
                                value("MALE"),
                                "ageYears",
                                value(7),
                                "classification",
                                value("SUSPECTED"),
                                "onsetOn",
                                value(today))),
                mutation(
                        "vaccination-dose",
                        dose,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "personId",
                                value(person.toString()),
                                "vaccineCode",
                                value("measles-mmr"),
                                "doseNumber",
                                value(1),
                                "givenOn",
                                value(today))),
                mutation(
                        "water-reading",
                        reading,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("pointId", value(point.toString()), "chlorine", value(0.1))));

        for (int attempt = 0; attempt < 2; attempt++) {
            ApiSession.Response pushed = phone.push(batch);
            assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
            for (JsonNode result : pushed.body().path("results")) {
                assertThat(result.path("outcome").asString())
                        .as(result.toString())
                        .isEqualTo("APPLIED");
                assertThat(result.path("replayed").asBoolean())
                        .as(result.toString())
                        .isEqualTo(attempt == 1);
            }
        }
        assertThat(count("outbreaks.outbreak_case", "id in (?, ?)", linkedCase, anonymousCase))
                .isEqualTo(2);
        assertThat(count("vaccination.dose", "person_id = ?", person)).isEqualTo(1);
        assertThat(count("water.reading", "id = ? and not in_range", reading)).isEqualTo(1);

        Device.Pulled held = phone.pullAll(null, 1000);
        assertThat(held.idsOf("outbreak-case")).contains(linkedCase.toString(), anonymousCase.toString());
        assertThat(held.idsOf("vaccination-dose")).contains(dose.toString());
        assertThat(held.idsOf("water-reading")).contains(reading.toString());
        assertThat(held.idsOf("water-point")).contains(point.toString());
        assertThat(record(held, anonymousCase).path("ageGroup").asString()).isEqualTo("05-14");
        assertThat(record(held, dose).path("vaccineCode").asString()).isEqualTo("measles-mmr");

        Device.Pulled other = elsewhere.pullAll(null, 1000);
        assertThat(other.changes())
                .as("nothing of site A reaches a device of site B")
                .noneSatisfy(change -> assertThat(List.of(linkedCase, anonymousCase, dose, reading, point).stream()
                                .map(UUID::toString))
                        .contains(change.path("recordId").asString()));
    }

    @Test
    void aCaseOrDoseBrokenOfflineIsRefusedWithItsOwnCodeAndWritesNothing() {
        TestOrganisation organisation = new TestOrganisation(port);
        Device phone = new Device(organisation.userAt(organisation.siteA, "CLINICIAN"), port);
        LocalDate today = LocalDate.now(clock);
        UUID onsetAfterOutcome = UUID.randomUUID();
        UUID unknownField = UUID.randomUUID();
        UUID elsewhere = UUID.randomUUID();
        ApiSession.Response pushed = phone.push(List.of(
                mutation(
                        "outbreak-case",
                        onsetAfterOutcome,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("cholera"),
                                "classification",
                                value("SUSPECTED"),
                                "onsetOn",
                                value(today.toString()),
                                "outcome",
                                value("RECOVERED"),
                                "outcomeOn",
                                value(today.minusDays(2).toString()))),
                mutation(
                        "outbreak-case",
                        unknownField,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("cholera"),
                                "classification",
                                value("SUSPECTED"),
                                "onsetOn",
                                value(today.toString()),
                                "name",
                                value("Not kept"))),
                mutation(
                        "outbreak-case",
                        elsewhere,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("cholera"),
                                "classification",
                                value("SUSPECTED"),
                                "onsetOn",
                                value(today.toString()),
                                "siteId",
                                value(organisation.siteB)))));
        assertThat(pushed.status()).as(pushed.body().toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        for (JsonNode result : pushed.body().path("results")) {
            assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("REJECTED");
            codes.add(result.path("problem").path("code").asString());
        }
        assertThat(codes).containsExactly("outbreak-onset-after", "sync-unknown-field", "sync-unknown-field");
        assertThat(count("outbreaks.outbreak_case", "id in (?, ?, ?)", onsetAfterOutcome, unknownField, elsewhere))
                .isZero();
    }

    @Test
    void anErasedPersonsCasesAndDosesNoLongerPointToThemAnywhere() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        Device phone = new Device(clinician, port);
        UUID person = UUID.randomUUID();
        UUID linkedCase = UUID.randomUUID();
        UUID dose = UUID.randomUUID();
        String today = LocalDate.now(clock).toString();
        ApiSession.Response pushed = phone.push(List.of(
                mutation(
                        "person",
                        person,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of("chosenName", value("Erased Case"), "sex", value("MALE"))),
                mutation(
                        "outbreak-case",
                        linkedCase,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "disease",
                                value("measles"),
                                "personId",
                                value(person.toString()),
                                "classification",
                                value("PROBABLE"),
                                "onsetOn",
                                value(today))),
                mutation(
                        "vaccination-dose",
                        dose,
                        "CREATE",
                        null,
                        organisation.siteA,
                        Map.of(
                                "personId",
                                value(person.toString()),
                                "vaccineCode",
                                value("measles-mmr"),
                                "doseNumber",
                                value(1),
                                "givenOn",
                                value(today)))));
        assertThat(pushed.status()).isEqualTo(200);
        pushed.body()
                .path("results")
                .forEach(result -> assertThat(result.path("outcome").asString())
                        .as(result.toString())
                        .isEqualTo("APPLIED"));
        Device.Pulled held = phone.pullAll(null, 1000);
        assertThat(record(held, linkedCase).path("personId").asString()).isEqualTo(person.toString());

        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        ApiSession.Response erased =
                dataOfficer.post("/api/people/" + person + "/erasure", Map.of("reason", "PERSON_REQUEST"));
        assertThat(erased.status()).as(erased.body().toString()).isEqualTo(204);

        assertThat(count("outbreaks.outbreak_case", "person_id = ?", person)).isZero();
        assertThat(count("vaccination.dose", "person_id = ?", person)).isZero();
        assertThat(count("vaccination.dose", "id = ? and lot is null", dose))
                .as("the dose stays counted, without the person")
                .isEqualTo(1);
        Device.Pulled after = phone.pullAll(held.cursor(), 1000);
        JsonNode unlinked = record(after, linkedCase).path("personId");
        assertThat(unlinked.isNull() || unlinked.isMissingNode())
                .as("the case comes back unlinked")
                .isTrue();
        assertThat(after.changes())
                .as("the dose is not pulled again with the person's id")
                .noneSatisfy(
                        change -> assertThat(change.path("record").toString()).contains(person.toString()));
        assertThat(phone.pullAll(null, 1000).changes())
                .as("a device pulling from the start receives nothing linked to the person")
                .noneSatisfy(
                        change -> assertThat(change.path("record").toString()).contains(person.toString()));
    }

    @Test
    void ringsHouseholdsCampaignsAndTalliesArePulledByTheDevicesThatNeedThemAndErasedWhenRemoved() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        Device phone = new Device(clinician, port);
        Device counsellor = new Device(organisation.userAt(organisation.siteA, "PSYCHOLOGIST"), port);
        Device elsewhere = new Device(organisation.userAt(organisation.siteB, "CLINICIAN"), port);
        LocalDate today = MovableClock.today();
        UUID cholera = UUID.randomUUID();
        ApiSession.Response recorded = phone.push(List.of(mutation(
                "outbreak-case",
                cholera,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "disease",
                        value("cholera"),
                        "classification",
                        value("SUSPECTED"),
                        "onsetOn",
                        value(today.toString()),
                        "latitude",
                        value(-12.78),
                        "longitude",
                        value(45.23)))));
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.body().path("results").get(0).path("outcome").asString())
                .as(recorded.body().toString())
                .isEqualTo("APPLIED");
        String ring = jdbc.sql("select id::text from outbreaks.ring where case_id = ?")
                .param(cholera)
                .query(String.class)
                .single();
        UUID household = UUID.randomUUID();
        ApiSession.Response listed = logistician.post(
                "/api/outbreaks/rings/" + ring + "/households",
                Map.of(
                        "id",
                        household.toString(),
                        "marker",
                        "M-7",
                        "people",
                        5,
                        "waterTreatment",
                        true,
                        "soap",
                        true,
                        "jerrycan",
                        false,
                        "disinfection",
                        false,
                        "healthPromotion",
                        true));
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(201);
        UUID campaign = UUID.randomUUID();
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/vaccination/campaigns",
                        Map.of(
                                "id",
                                campaign.toString(),
                                "name",
                                "OCV " + campaign,
                                "vaccineCode",
                                "cholera-ocv",
                                "startsOn",
                                today.minusDays(3).toString(),
                                "endsOn",
                                today.plusDays(3).toString(),
                                "targets",
                                List.of(Map.of("siteId", organisation.siteA, "ageGroup", "18+", "people", 40))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        UUID tally = UUID.randomUUID();
        ApiSession.Response counted = clinician.post(
                "/api/vaccination/campaigns/" + campaign + "/tallies",
                Map.of(
                        "id",
                        tally.toString(),
                        "siteId",
                        organisation.siteA,
                        "givenOn",
                        today.toString(),
                        "sex",
                        "FEMALE",
                        "ageGroup",
                        "18+",
                        "people",
                        4));
        assertThat(counted.status()).as(counted.body().toString()).isEqualTo(201);

        Device.Pulled held = phone.pullAll(null, 1000);
        assertThat(held.idsOf("outbreak-ring")).containsExactly(ring);
        assertThat(held.idsOf("outbreak-household")).containsExactly(household.toString());
        assertThat(held.idsOf("vaccination-campaign")).contains(campaign.toString());
        assertThat(held.idsOf("vaccination-tally")).contains(tally.toString());
        assertThat(record(held, UUID.fromString(ring)).path("households").asInt())
                .isEqualTo(1);
        assertThat(record(held, UUID.fromString(ring)).path("radiusMetres").asInt())
                .isEqualTo(100);
        assertThat(record(held, household).path("marker").asString()).isEqualTo("M-7");
        assertThat(record(held, campaign).path("targets").get(0).path("people").asInt())
                .isEqualTo(40);
        assertThat(record(held, tally).path("campaignId").asString()).isEqualTo(campaign.toString());
        assertThat(record(held, tally).path("tally").path("people").asInt()).isEqualTo(4);

        Device.Pulled counselling = counsellor.pullAll(null, 1000);
        assertThat(counselling.changes())
                .as("a psychologist reads no ring and gives no dose")
                .noneSatisfy(change -> assertThat(change.path("recordType").asString())
                        .isIn("outbreak-ring", "outbreak-household", "vaccination-campaign", "vaccination-tally"));

        Device.Pulled other = elsewhere.pullAll(null, 1000);
        assertThat(other.changes())
                .as("nothing of site A reaches a device of site B")
                .noneSatisfy(
                        change -> assertThat(List.of(ring, household.toString(), campaign.toString(), tally.toString()))
                                .contains(change.path("recordId").asString()));

        UUID listedOffline = UUID.randomUUID();
        List<Map<String, Object>> visit = List.of(mutation(
                "outbreak-household",
                listedOffline,
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "ringId",
                        value(ring),
                        "marker",
                        value("M-8"),
                        "people",
                        value(3),
                        "waterTreatment",
                        value(true),
                        "soap",
                        value(false),
                        "jerrycan",
                        value(true),
                        "disinfection",
                        value(false),
                        "healthPromotion",
                        value(true),
                        "chlorineAtVisit",
                        value(0.4))));
        for (int attempt = 0; attempt < 2; attempt++) {
            ApiSession.Response pushed = phone.push(visit);
            assertThat(pushed.status()).isEqualTo(200);
            JsonNode result = pushed.body().path("results").get(0);
            assertThat(result.path("outcome").asString()).as(result.toString()).isEqualTo("APPLIED");
            assertThat(result.path("replayed").asBoolean()).isEqualTo(attempt == 1);
        }
        assertThat(count("outbreaks.household", "ring_id = ?::uuid", ring))
                .as("the household listed offline is written once beside the one listed online")
                .isEqualTo(2);
        ApiSession.Response tooStrong = phone.push(List.of(mutation(
                "outbreak-household",
                UUID.randomUUID(),
                "CREATE",
                null,
                organisation.siteA,
                Map.of(
                        "ringId",
                        value(ring),
                        "marker",
                        value("M-9"),
                        "people",
                        value(2),
                        "chlorineAtVisit",
                        value(12)))));
        assertThat(tooStrong.body().path("results").get(0).path("outcome").asString())
                .as(tooStrong.body().toString())
                .isEqualTo("REJECTED");
        assertThat(count("outbreaks.household", "ring_id = ?::uuid", ring)).isEqualTo(2);

        jdbc.sql("update outbreaks.household set deleted_at = now(), version = version + 1 where id = ?")
                .param(household)
                .update();
        jdbc.sql("update vaccination.tally set deleted_at = now(), version = version + 1 where id = ?")
                .param(tally)
                .update();
        Device.Pulled removed = phone.pullAll(held.cursor(), 1000);
        assertThat(removed.idsOf("outbreak-household")).contains(listedOffline.toString());
        assertThat(removed.changes())
                .filteredOn(change -> change.path("change").asString().equals("ERASED"))
                .extracting(change -> change.path("recordType").asString() + " "
                        + change.path("recordId").asString())
                .containsExactlyInAnyOrder("outbreak-household " + household, "vaccination-tally " + tally);
    }

    @Test
    void aTallyPastItsRetentionIsRemovedAndOneWithinItKept() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        LocalDate today = MovableClock.today();
        UUID campaign = UUID.randomUUID();
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/vaccination/campaigns",
                        Map.of(
                                "id",
                                campaign.toString(),
                                "name",
                                "Measles " + campaign,
                                "vaccineCode",
                                "measles-mmr",
                                "startsOn",
                                today.minusDays(1).toString(),
                                "endsOn",
                                today.toString(),
                                "targets",
                                List.of(Map.of("siteId", organisation.siteA, "ageGroup", "05-14", "people", 10))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        List<UUID> tallies = List.of(UUID.randomUUID(), UUID.randomUUID());
        for (UUID tally : tallies) {
            ApiSession.Response counted = clinician.post(
                    "/api/vaccination/campaigns/" + campaign + "/tallies",
                    Map.of(
                            "id",
                            tally.toString(),
                            "siteId",
                            organisation.siteA,
                            "givenOn",
                            today.toString(),
                            "sex",
                            "MALE",
                            "ageGroup",
                            "05-14",
                            "people",
                            2));
            assertThat(counted.status()).as(counted.body().toString()).isEqualTo(201);
        }
        jdbc.sql("update vaccination.tally set given_on = ? where id = ?")
                .params(today.minusYears(21), tallies.getFirst())
                .update();

        retention.purge();

        assertThat(count("vaccination.tally", "id = ?", tallies.getFirst())).isZero();
        assertThat(count("vaccination.tally", "id = ?", tallies.getLast())).isEqualTo(1);
    }

    private UUID waterPoint(TestOrganisation organisation) {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        UUID id = UUID.randomUUID();
        ApiSession.Response created = logistician.post(
                "/api/water/points",
                Map.of(
                        "id",
                        id.toString(),
                        "siteId",
                        organisation.siteA,
                        "kind",
                        "TANK",
                        "name",
                        "Tank " + id,
                        "lat",
                        -12.78,
                        "lon",
                        45.23));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return id;
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
