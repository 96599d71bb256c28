package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A nurse at a vaccination campaign, on a phone (412 CSS pixels wide): opens the campaign from the
 * menu, finds a person registered as "Mohammed" by typing "Muhammad" in the registry's own search,
 * and records the campaign's dose with two taps; the coverage counts the person, nothing is wider
 * than the screen.
 */
@PasserelleTest
class CampaignDoseBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aCampaignDoseIsRecordedForAPersonFoundByAnotherSpelling() {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        LocalDate today = MovableClock.now().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        ApiSession.Response campaign = organisation
                .admin()
                .post(
                        "/api/vaccination/campaigns",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "name",
                                "Rougeole camp",
                                "vaccineCode",
                                "measles-mmr",
                                "startsOn",
                                today.minusDays(2).toString(),
                                "endsOn",
                                today.plusDays(2).toString(),
                                "targets",
                                List.of(Map.of("siteId", organisation.siteA, "ageGroup", "05-14", "people", 50))));
        assertThat(campaign.status()).as(campaign.body().toString()).isEqualTo(201);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String surname = surname();
        TestOrganisation.registerBorn(
                nurse, "Mohammed " + surname, today.minusYears(9).toString());

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(nurse));
            browser.click("nav-vaccination");
            browser.find("coverage");
            browser.type("campaign-search", "Muhammad " + surname);
            browser.click("campaign-search-submit");

            browser.click("campaign-person");
            browser.click("campaign-record");

            browser.find("dose-recorded");
            browser.waitForText("coverage-registered", "1");
            List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver)
                    .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) widths.get(0)).longValue())
                    .as("the campaign screen's width against the screen's")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        }
        ApiSession.Response coverage = nurse.get("/api/vaccination/campaigns/" + campaign.text("id") + "/coverage");
        assertThat(coverage.status()).isEqualTo(200);
        assertThat(coverage.body().path("registered").asLong())
                .as("the dose was recorded for the person found")
                .isEqualTo(1);
    }

    /** A surname no other test gives, so that the site's search finds this person only. */
    private static String surname() {
        Random random = new Random();
        StringBuilder name = new StringBuilder("Z");
        for (int i = 0; i < 6; i++) {
            name.append((char) ('a' + random.nextInt(26)));
        }
        return name.toString();
    }
}
