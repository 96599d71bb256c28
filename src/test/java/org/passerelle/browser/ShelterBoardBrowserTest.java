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

    @org.junit.jupiter.api.Test
    void aCoordinatorOpensTheEmergencyBedsAndSeesOccupancy() {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String programme = organisation
                .admin()
                .post("/api/programmes", Map.of("code", "E-" + suffix.toUpperCase(), "name", "Hiver " + suffix))
                .text("id");
        String shelter = organisation
                .admin()
                .post("/api/sites", Map.of("programmeId", programme, "name", "Hiver " + suffix, "kind", "SHELTER"))
                .text("id");
        ApiSession coordinator = organisation.userAt(shelter, "COORDINATOR");
        String hall = coordinator
                .post(
                        "/api/shelters/rooms",
                        Map.of("id", UUID.randomUUID().toString(), "siteId", shelter, "name", "Salle"))
                .text("id");
        String bed = coordinator
                .post("/api/shelters/beds", Map.of("id", UUID.randomUUID().toString(), "roomId", hall, "label", "B1"))
                .text("id");
        for (String label : List.of("U1", "U2")) {
            ApiSession.Response campBed = coordinator.post(
                    "/api/shelters/beds",
                    Map.of("id", UUID.randomUUID().toString(), "roomId", hall, "label", label, "emergency", true));
            assertThat(campBed.status()).as(campBed.body().toString()).isEqualTo(201);
        }
        String resident = TestOrganisation.registerBorn(coordinator, "Awa " + suffix, "1988-06-01");
        ApiSession.Response admitted = coordinator.post(
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
            browser.click("lang-fr");
            browser.type("login-username", organisation.username(coordinator));
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.find("menu-button");
            browser.click("nav-shelter");
            browser.find("bed-board");
            assertThat(browser.find("board-capacity").getText()).isEqualTo("1");
            browser.find("occupancy-rate");

            browser.click("open-emergency");

            browser.waitForText("board-capacity", "3");
            assertThat(browser.find("board-free").getText()).isEqualTo("2");
            browser.waitForText("occupancy-rate", "Taux d'occupation : 33 %");
            List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver)
                    .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
            assertThat(((Number) widths.get(0)).longValue())
                    .as("the board's width against the screen's")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
        }
        ApiSession.Response openings = coordinator.get("/api/shelters/sites/" + shelter + "/emergency-openings");
        assertThat(openings.status()).isEqualTo(200);
        assertThat(openings.body().size()).as("one opening recorded").isEqualTo(1);
    }
}
