package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A night worker at a shelter, on a phone (412 CSS pixels wide): opens the bed board from the menu,
 * sees who sleeps in which bed, and records a resident present with one tap; in French and in
 * Arabic (right to left), nothing wider than the screen. A coordinator opens the emergency beds and
 * sees the occupancy follow.
 */
@PasserelleTest
class ShelterBoardBrowserTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void aNightWorkerRecordsAttendanceWithOneTap(String language) {
        Browser.requireBuiltWebClient();
        ShelterScene scene = new ShelterScene(port, "Abri");
        String room = scene.room("Dortoir", "ADULTS_ONLY");
        String bed = scene.bed(room, "B1", false);
        scene.bed(room, "B2", false);
        scene.admit(scene.nightWorker, scene.person(scene.nightWorker, "Mariam", "1990-02-03"), bed);

        try (Browser browser = Browser.start()) {
            scene.openBoard(browser, language, scene.nightWorker);
            assertThat(browser.find("board-resident").getText()).isEqualTo("Mariam " + scene.suffix);
            assertThat(browser.find("board-occupied").getText()).isEqualTo("1");
            assertThat(browser.find("board-free").getText()).isEqualTo("1");
            assertThat(browser.find("board-present").getText()).isEqualTo("0");

            browser.click("mark-present");

            browser.waitForText("board-present", "1");
            assertThat(browser.find("mark-present").getAttribute("aria-pressed"))
                    .isEqualTo("true");
            JavascriptExecutor script = (JavascriptExecutor) browser.driver;
            assertThat(script.executeScript("return document.documentElement.dir"))
                    .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
            ShelterScene.fitsTheScreen(browser, "the board");
            WebElement tap = browser.find("mark-absent");
            assertThat(tap.getRect().getHeight()).as("a tap target for a thumb").isGreaterThanOrEqualTo(40);
            browser.find("shelter-follow-ups");
        }
        ApiSession.Response board = scene.nightWorker.get("/api/shelters/sites/" + scene.shelter + "/board");
        assertThat(board.body().path("present").asInt())
                .as("the tap was recorded")
                .isEqualTo(1);
    }

    @Test
    void aCoordinatorOpensTheEmergencyBedsAndSeesOccupancy() {
        Browser.requireBuiltWebClient();
        ShelterScene scene = new ShelterScene(port, "Hiver");
        String hall = scene.room("Salle");
        String bed = scene.bed(hall, "B1", false);
        scene.bed(hall, "U1", true);
        scene.bed(hall, "U2", true);
        scene.admit(scene.coordinator, scene.person(scene.coordinator, "Awa", "1988-06-01"), bed);

        try (Browser browser = Browser.start()) {
            scene.openBoard(browser, "fr", scene.coordinator);
            assertThat(browser.find("board-capacity").getText()).isEqualTo("1");
            browser.find("occupancy-rate");

            browser.click("open-emergency");

            browser.waitForText("board-capacity", "3");
            assertThat(browser.find("board-free").getText()).isEqualTo("2");
            browser.waitForText("occupancy-rate", "Taux d'occupation : 33 %");
            ShelterScene.fitsTheScreen(browser, "the board");
        }
        ApiSession.Response openings =
                scene.coordinator.get("/api/shelters/sites/" + scene.shelter + "/emergency-openings");
        assertThat(openings.status()).isEqualTo(200);
        assertThat(openings.body().size()).as("one opening recorded").isEqualTo(1);
    }
}
