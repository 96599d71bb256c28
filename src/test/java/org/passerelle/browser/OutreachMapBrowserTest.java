package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A nurse of a mobile team, on a phone (412 CSS pixels wide), plans tonight's round at a camp from
 * the day's plan, records it as it goes (begun now, people seen, a need observed), reads the summary,
 * and finds the session's point on the map, with its label on a tap; in French and in Arabic (right to
 * left), nothing wider than the screen.
 */
@PasserelleTest
class OutreachMapBrowserTest {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void aSessionRecordedOnAPhoneIsShownOnTheMap(String language) {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        String camp = "Camp " + UUID.randomUUID().toString().substring(0, 6);
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        ApiSession.Response location = coordinator.post(
                "/api/sites/" + organisation.siteA + "/outreach-locations",
                Map.of("name", camp, "latitude", 50.9513, "longitude", 1.8587));
        assertThat(location.status()).as(location.body().toString()).isEqualTo(201);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");

        try (Browser browser = Browser.start()) {
            browser.driver.get("http://localhost:" + port + "/login");
            browser.click("lang-" + language);
            browser.type("login-username", organisation.username(nurse));
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.find("menu-button");
            browser.click("nav-outreach");
            browser.find("outreach-day");
            browser.click("outreach-plan");
            browser.click("outreach-plan-save");
            browser.find("outreach-session-screen");
            browser.click("outreach-actualStart-now");
            browser.type("outreach-count-FEMALE-18+", "3");
            browser.type("outreach-count-MALE-05-14", "2");
            browser.click("outreach-need-water");
            browser.click("outreach-save");
            browser.find("outreach-saved");
            browser.waitForText("outreach-people-reached", "5");
            assertWithinTheScreen(browser);

            String session = sessionAt(nurse, camp);
            browser.click("nav-map");
            browser.find("map-screen");
            browser.find("map-row-" + session);
            browser.click("map-point-" + session);
            assertThat(browser.find("map-chosen").getText()).contains(camp);
            assertWithinTheScreen(browser);
        }
    }

    private static void assertWithinTheScreen(Browser browser) {
        JavascriptExecutor script = (JavascriptExecutor) browser.driver;
        List<?> widths =
                (List<?>) script.executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as("the page's width against the screen's")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    /** The session recorded at the camp, as the server holds it: begun, with its counts. */
    private static String sessionAt(ApiSession nurse, String camp) {
        ApiSession.Response points = nurse.get("/api/outreach/map-points");
        assertThat(points.status()).isEqualTo(200);
        for (JsonNode point : points.body().path("points")) {
            if (point.path("layer").asString().equals("outreach-session")
                    && point.path("label").asString().startsWith(camp)) {
                String id = point.path("id").asString();
                JsonNode session = nurse.get("/api/outreach/sessions/" + id).body();
                assertThat(session.path("actualStart").asString("")).isNotEmpty();
                assertThat(session.path("needs").toString()).isEqualTo("[\"water\"]");
                return id;
            }
        }
        throw new AssertionError("no session point at " + camp + " in " + points.body());
    }
}
