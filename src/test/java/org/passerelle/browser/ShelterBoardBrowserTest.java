package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A night worker at a shelter, on a phone (412 CSS pixels wide): opens the bed board from the menu,
 * sees who sleeps in which bed, and records a resident present with one tap; in French and in
 * Arabic (right to left), nothing wider than the screen.
 */
@PasserelleTest
class ShelterBoardBrowserTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void aNightWorkerRecordsAttendanceWithOneTap(String language) {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "B-" + suffix.toUpperCase(), "name", "Abri " + suffix))
                .text("id");
        String shelter = organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", "Abri " + suffix, "kind", "SHELTER"))
                .text("id");
        ApiSession coordinator = organisation.userAt(shelter, "COORDINATOR");
        String room = coordinator
                .post(
                        "/api/shelters/rooms",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "siteId",
                                shelter,
                                "name",
                                "Dortoir",
                                "rules",
                                List.of("ADULTS_ONLY")))
                .text("id");
        String bed = coordinator
                .post("/api/shelters/beds", Map.of("id", UUID.randomUUID().toString(), "roomId", room, "label", "B1"))
                .text("id");
        coordinator.post(
                "/api/shelters/beds", Map.of("id", UUID.randomUUID().toString(), "roomId", room, "label", "B2"));
        ApiSession nightWorker = organisation.userAt(shelter, "SOCIAL_LEGAL_WORKER");
        String resident = TestOrganisation.registerBorn(nightWorker, "Mariam " + suffix, "1990-02-03");
        ApiSession.Response admitted = nightWorker.post(
                "/api/shelters/admissions",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "personId",
                        resident,
                        "bedId",
                        bed,
                        "mode",
                        "STAY",
                        "reason",
                        "SLEEPING_OUTSIDE"));
        assertThat(admitted.status()).as(admitted.body().toString()).isEqualTo(201);

        try (Browser browser = Browser.start()) {
            browser.driver.get("http://localhost:" + port + "/login");
            browser.click("lang-" + language);
            browser.type("login-username", organisation.username(nightWorker));
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.find("menu-button");
            browser.click("nav-shelter");
            browser.find("bed-board");
            assertThat(browser.find("board-resident").getText()).isEqualTo("Mariam " + suffix);
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
            List<?> widths =
                    (List<?>) script.executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) widths.get(0)).longValue())
                    .as("the board's width against the screen's")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
            WebElement tap = browser.find("mark-absent");
            assertThat(tap.getRect().getHeight()).as("a tap target for a thumb").isGreaterThanOrEqualTo(40);
        }
        ApiSession.Response board = nightWorker.get("/api/shelters/sites/" + shelter + "/board");
        assertThat(board.body().path("present").asInt())
                .as("the tap was recorded")
                .isEqualTo(1);
    }
}
