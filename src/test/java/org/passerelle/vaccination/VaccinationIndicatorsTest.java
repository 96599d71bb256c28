package org.passerelle.vaccination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passerelle.vaccination.DoseRulesTest.PARIS;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The vaccination indicators, declared as data (the fact views and
 * {@code reporting/indicators/vaccination.json}), counted by reporting like its own: doses, doses
 * of one vaccine, campaign doses of registered persons and those counted without names, persons
 * vaccinated.
 */
@PasserelleTest
class VaccinationIndicatorsTest {

    @LocalServerPort
    int port;

    @Test
    void dosesCampaignsAndTalliesAreCountedInTheReport() {
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        LocalDate today = MovableClock.now().atZone(PARIS).toLocalDate();
        String campaign = organisation
                .admin()
                .post(
                        "/api/vaccination/campaigns",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "name",
                                "Measles",
                                "vaccineCode",
                                "measles-mmr",
                                "startsOn",
                                today.toString(),
                                "endsOn",
                                today.toString(),
                                "targets",
                                List.of(Map.of("siteId", organisation.siteA, "ageGroup", "05-14", "people", 9))))
                .text("id");
        String child = TestOrganisation.registerBorn(
                nurse, "Indicator child", today.minusYears(7).toString());
        String adult = TestOrganisation.registerBorn(
                nurse, "Indicator adult", today.minusYears(30).toString());
        Map<String, Object> campaignDose = DoseRulesTest.body(child, "measles-mmr", 1, today, null);
        campaignDose.put("campaignId", campaign);
        assertThat(nurse.post("/api/vaccination/doses", campaignDose).status()).isEqualTo(201);
        assertThat(DoseRulesTest.dose(nurse, adult, "hepatitis-b", 1, today, null)
                        .status())
                .isEqualTo(201);
        assertThat(DoseRulesTest.dose(nurse, adult, "bcg", 1, today, null).status())
                .isEqualTo(201);
        assertThat(nurse.post(
                                "/api/vaccination/campaigns/" + campaign + "/tallies",
                                Map.of(
                                        "id",
                                        UUID.randomUUID().toString(),
                                        "siteId",
                                        organisation.siteA,
                                        "sex",
                                        "FEMALE",
                                        "ageGroup",
                                        "05-14",
                                        "people",
                                        4))
                        .status())
                .isEqualTo(201);

        String month =
                DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC).format(MovableClock.now());
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession.Response report =
                coordinator.get("/api/reports?latest=true&site=" + organisation.siteA + "&period=" + month);

        assertThat(report.status()).as(report.body().toString()).isEqualTo(200);
        assertThat(figure(report.body(), "VACCINE_DOSES")).isEqualTo(3);
        assertThat(figure(report.body(), "MEASLES_DOSES")).isEqualTo(1);
        assertThat(figure(report.body(), "HEPATITIS_B_DOSES")).isEqualTo(1);
        assertThat(figure(report.body(), "CAMPAIGN_DOSES")).isEqualTo(1);
        assertThat(figure(report.body(), "CAMPAIGN_DOSES_TALLIED")).isEqualTo(4);
        assertThat(figure(report.body(), "PERSONS_VACCINATED")).isEqualTo(2);
        assertThat(figure(report.body(), "CAMPAIGN_PERSONS_VACCINATED"))
                .as("coverage's numerator: the child, once")
                .isEqualTo(1);
        assertThat(figure(report.body(), "CAMPAIGN_TARGET_POPULATION"))
                .as("coverage's denominator")
                .isEqualTo(9);
    }

    private static long figure(JsonNode report, String code) {
        for (JsonNode figures : report.path("figures")) {
            if (figures.path("code").asString().equals(code)) {
                return figures.path("total").asLong();
            }
        }
        throw new AssertionError("no indicator " + code + " in " + report);
    }
}
