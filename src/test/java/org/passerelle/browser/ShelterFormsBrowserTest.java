package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A night worker at a shelter, on a phone in Arabic: admits the first on the waiting list to the
 * free bed and is told why not (a minor in a room for adults), admits the next one instead, then
 * records a resident's departure with their destination; nothing wider than the screen.
 */
@PasserelleTest
class ShelterFormsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aNightWorkerAdmitsFromTheWaitingListAndRecordsADeparture() {
        Browser.requireBuiltWebClient();
        ShelterScene scene = new ShelterScene(port, "Abri");
        String suffix = scene.suffix;
        ApiSession nightWorker = scene.nightWorker;
        String shelter = scene.shelter;
        String room = scene.room("Dortoir", "ADULTS_ONLY");
        String bed = scene.bed(room, "B1", false);
        scene.bed(room, "B2", false);
        String mariam = scene.person(nightWorker, "Mariam", "1990-02-03");
        scene.admit(nightWorker, mariam, bed);
        String jamal = scene.person(nightWorker, "Jamal", "2012-05-01");
        String karim = scene.person(nightWorker, "Karim", "1985-09-09");
        request(nightWorker, shelter, jamal, List.of("MINOR", "SLEEPING_OUTSIDE"));
        String karimsRequest = request(nightWorker, shelter, karim, List.of("SLEEPING_OUTSIDE"));

        try (Browser browser = Browser.start()) {
            scene.openBoard(browser, "ar", nightWorker);
            assertThat(browser.find("board-occupied").getText()).isEqualTo("1");

            browser.click("bed-admit");
            browser.click("admit-waiting");
            assertThat(browser.find("admit-chosen").getText()).isEqualTo("Jamal " + suffix);
            browser.click("admit-save");
            assertThat(browser.find("form-error").getText())
                    .as("the refusal's message, in Arabic")
                    .isNotBlank()
                    .matches("(?s).*[\\u0600-\\u06FF].*");
            assertThat(browser.find("board-occupied").getText())
                    .as("nothing written")
                    .isEqualTo("1");

            browser.click("admit-other");
            browser.waitUntil(driver ->
                    driver.findElements(Browser.byTestId("admit-waiting")).size() == 2);
            browser.driver
                    .findElements(Browser.byTestId("admit-waiting"))
                    .get(1)
                    .click();
            assertThat(browser.find("admit-chosen").getText()).isEqualTo("Karim " + suffix);
            browser.click("admit-save");
            browser.waitForText("board-occupied", "2");

            browser.driver
                    .findElements(Browser.byTestId("bed-manage"))
                    .getFirst()
                    .click();
            browser.click("stay-discharge");
            new Select(browser.find("discharge-destination")).selectByValue("FAMILY");
            ShelterScene.fitsTheScreen(browser, "the forms");
            browser.click("stay-save");
            browser.waitUntil(driver -> driver.findElements(By.cssSelector("[data-testid='stay-forms']"))
                    .isEmpty());
        }

        ApiSession.Response stays = nightWorker.get("/api/shelters/people/" + mariam + "/stays");
        assertThat(stays.status()).isEqualTo(200);
        assertThat(stays.body().get(0).path("destination").asString()).isEqualTo("FAMILY");
        ApiSession.Response requests = nightWorker.get("/api/shelters/people/" + karim + "/requests");
        assertThat(requests.status()).isEqualTo(200);
        assertThat(requests.body().get(0).path("id").asString()).isEqualTo(karimsRequest);
        assertThat(requests.body().get(0).path("status").asString())
                .as("the admission closed the request")
                .isEqualTo("ADMITTED");
        assertThat(nightWorker
                        .get("/api/shelters/people/" + jamal + "/stays")
                        .body()
                        .size())
                .as("the refused admission left nothing")
                .isZero();
    }

    private static String request(ApiSession user, String shelter, String person, List<String> criteria) {
        ApiSession.Response request = user.post(
                "/api/shelters/requests",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        shelter,
                        "personId",
                        person,
                        "source",
                        "STREET_TEAM",
                        "criteria",
                        criteria));
        assertThat(request.status()).as(request.body().toString()).isEqualTo(201);
        return request.text("id");
    }
}
