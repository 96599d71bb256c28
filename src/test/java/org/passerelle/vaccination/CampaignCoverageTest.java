package org.passerelle.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.vaccination.DoseRulesTest.PARIS;

import java.time.LocalDate;
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
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A campaign's live coverage per site and age group, against figures computed by hand: each person
 * counted once whatever the number of their doses, the doses counted without names added to the
 * coverage but shown apart, the sites the user does not work at left out; and the doses and tallies
 * the campaign refuses.
 */
@PasserelleTest
class CampaignCoverageTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;
    ApiSession coordinator;
    ApiSession nurse;
    LocalDate today;
    String campaign;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        today = MovableClock.now().atZone(PARIS).toLocalDate();
        // a campaign over two sites, set by an administrator of every site
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/vaccination/campaigns",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "name",
                                "OCV camp",
                                "vaccineCode",
                                "cholera-ocv",
                                "startsOn",
                                today.minusDays(20).toString(),
                                "endsOn",
                                today.plusDays(5).toString(),
                                "targets",
                                List.of(
                                        target(organisation.siteA, "00-04", 10),
                                        target(organisation.siteA, "05-14", 20),
                                        target(organisation.siteB, "18+", 4))));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        campaign = created.text("id");
    }

    @Test
    void coverageCountsEachPersonOnceAndTheTalliesApart() {
        String toddler = born(2);
        String child = born(10);
        String infant = born(3);
        assertThat(campaignDose(toddler, 1, today.minusDays(16)).status()).isEqualTo(201);
        assertThat(campaignDose(toddler, 2, today).status()).isEqualTo(201);
        assertThat(campaignDose(infant, 1, today.minusDays(2)).status()).isEqualTo(201);
        assertThat(campaignDose(child, 1, today).status()).isEqualTo(201);
        assertThat(tally("FEMALE", "00-04", 3).status()).isEqualTo(201);
        assertThat(tally("MALE", "05-14", 2).status()).isEqualTo(201);

        ApiSession.Response coverage = coordinator.get("/api/vaccination/campaigns/" + campaign + "/coverage");

        assertThat(coverage.status()).as(coverage.body().toString()).isEqualTo(200);
        JsonNode underFive = cell(coverage.body(), "00-04");
        assertThat(underFive.path("registered").asLong()).isEqualTo(2);
        assertThat(underFive.path("tallied").asLong()).isEqualTo(3);
        assertThat(underFive.path("target").asLong()).isEqualTo(10);
        assertThat(underFive.path("percent").asDouble()).isEqualTo(50.0);
        JsonNode school = cell(coverage.body(), "05-14");
        assertThat(school.path("registered").asLong()).isEqualTo(1);
        assertThat(school.path("tallied").asLong()).isEqualTo(2);
        assertThat(school.path("percent").asDouble()).isEqualTo(15.0);
        // the other site's target is not the coordinator's to see
        assertThat(coverage.body().path("cells").size()).isEqualTo(2);
        assertThat(coverage.body().path("registered").asLong()).isEqualTo(3);
        assertThat(coverage.body().path("tallied").asLong()).isEqualTo(5);
        assertThat(coverage.body().path("target").asLong()).isEqualTo(30);
        assertThat(coverage.body().path("percent").asDouble()).isEqualTo(26.7);
        // today: the toddler's second dose, the child's first dose and the five counted without names
        assertThat(coverage.body().path("dosesToday").asLong()).isEqualTo(7);
    }

    @Test
    void aPersonHoldsOneDoseOfEachNumberPerCampaign() {
        String person = born(4);
        assertThat(campaignDose(person, 1, today).status()).isEqualTo(201);

        ApiSession.Response again = campaignDose(person, 1, today);

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("code")).isEqualTo(VaccinationProblems.DOSE_ALREADY_GIVEN);
        assertThat(coordinator
                        .get("/api/vaccination/campaigns/" + campaign + "/coverage")
                        .body()
                        .path("registered")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void aDoseOutsideTheCampaignsDatesVaccineOrSitesIsRefused() {
        String person = born(6);
        Map<String, Object> early = DoseRulesTest.body(person, "cholera-ocv", 1, today.minusDays(21), null);
        early.put("campaignId", campaign);
        Map<String, Object> otherVaccine = DoseRulesTest.body(person, "measles-mmr", 1, today, null);
        otherVaccine.put("campaignId", campaign);
        Map<String, Object> otherSite = DoseRulesTest.body(person, "cholera-ocv", 1, today, null);
        otherSite.put("campaignId", campaign);
        otherSite.put("siteId", organisation.siteB);

        ApiSession.Response tooEarly = nurse.post("/api/vaccination/doses", early);
        ApiSession.Response wrongVaccine = nurse.post("/api/vaccination/doses", otherVaccine);
        ApiSession.Response elsewhere = nurse.post("/api/vaccination/doses", otherSite);
        ApiSession.Response futureTally = nurse.post(
                "/api/vaccination/campaigns/" + campaign + "/tallies", tallyBody("MALE", "18+", 1, today.plusDays(1)));
        ApiSession.Response logistician = organisation
                .userAt(organisation.siteA, "LOGISTICIAN")
                .post("/api/vaccination/campaigns/" + campaign + "/tallies", tallyBody("MALE", "18+", 1, today));

        assertThat(tooEarly.status()).isEqualTo(400);
        assertThat(tooEarly.text("code")).isEqualTo(VaccinationProblems.OUTSIDE_CAMPAIGN);
        assertThat(wrongVaccine.status()).isEqualTo(400);
        assertThat(wrongVaccine.text("code")).isEqualTo(VaccinationProblems.OUTSIDE_CAMPAIGN);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(futureTally.status()).isEqualTo(400);
        assertThat(futureTally.text("code")).isEqualTo(VaccinationProblems.IN_FUTURE);
        assertThat(logistician.status()).isEqualTo(403);
        JsonNode coverage = coordinator
                .get("/api/vaccination/campaigns/" + campaign + "/coverage")
                .body();
        assertThat(coverage.path("registered").asLong()).isZero();
        assertThat(coverage.path("tallied").asLong()).isZero();
    }

    @Test
    void onlyCoordinatorsSetCampaignsAndAnEndBeforeTheStartIsRefused() {
        Map<String, Object> backwards = new HashMap<>();
        backwards.put("id", UUID.randomUUID().toString());
        backwards.put("name", "Backwards");
        backwards.put("vaccineCode", "measles-mmr");
        backwards.put("startsOn", today.toString());
        backwards.put("endsOn", today.minusDays(1).toString());
        backwards.put("targets", List.of(target(organisation.siteA, "00-04", 5)));

        ApiSession.Response refused = coordinator.post("/api/vaccination/campaigns", backwards);
        backwards.put("endsOn", today.toString());
        ApiSession.Response byNurse = nurse.post("/api/vaccination/campaigns", backwards);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("code")).isEqualTo(VaccinationProblems.CAMPAIGN_ENDS_BEFORE_START);
        assertThat(byNurse.status()).isEqualTo(403);
        assertThat(nurse.get("/api/vaccination/campaigns").body().findValues("name").stream()
                        .map(JsonNode::asString))
                .contains("OCV camp")
                .doesNotContain("Backwards");
    }

    private String born(int yearsAgo) {
        return TestOrganisation.registerBorn(
                nurse,
                "Camp " + UUID.randomUUID().toString().substring(0, 6),
                today.minusYears(yearsAgo).minusDays(30).toString());
    }

    private ApiSession.Response campaignDose(String person, int number, LocalDate on) {
        Map<String, Object> body = DoseRulesTest.body(person, "cholera-ocv", number, on, "OCV-7");
        body.put("campaignId", campaign);
        return nurse.post("/api/vaccination/doses", body);
    }

    private ApiSession.Response tally(String sex, String ageGroup, int people) {
        return nurse.post(
                "/api/vaccination/campaigns/" + campaign + "/tallies", tallyBody(sex, ageGroup, people, today));
    }

    private Map<String, Object> tallyBody(String sex, String ageGroup, int people, LocalDate on) {
        return Map.of(
                "id",
                UUID.randomUUID().toString(),
                "siteId",
                organisation.siteA,
                "givenOn",
                on.toString(),
                "sex",
                sex,
                "ageGroup",
                ageGroup,
                "people",
                people);
    }

    private static Map<String, Object> target(String site, String ageGroup, int people) {
        return Map.of("siteId", site, "ageGroup", ageGroup, "people", people);
    }

    private static JsonNode cell(JsonNode coverage, String ageGroup) {
        for (JsonNode cell : coverage.path("cells")) {
            if (cell.path("ageGroup").asString().equals(ageGroup)) {
                return cell;
            }
        }
        throw new AssertionError("no cell " + ageGroup + " in " + coverage);
    }
}
