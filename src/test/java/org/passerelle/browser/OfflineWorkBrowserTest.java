package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A nurse signs in online on an enrolled phone, whose copy of the registry is downloaded; the network
 * goes; she finds a person by another spelling, registers a new one past the likely duplicate the
 * phone shows, begins a consultation, reloads the page without network and finds everything still
 * there and queued, signs the consultation; the network comes back and the server has each record
 * exactly once.
 */
@PasserelleTest
class OfflineWorkBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void aNurseSearchesRegistersAndRecordsOfflineAndTheRecordsReachTheServerOnce() {
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(nurse);
        TestOrganisation.register(nurse, "Mohamed Ali Haddad");
        try (Browser browser = Browser.start()) {
            // argon2id at the application's cost, on a machine running other builds
            WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
            browser.logIn(port, username);
            enrol(browser, slow);
            browser.click("logout");
            browser.logIn(port, username);
            slow.until(ExpectedConditions.textToBePresentInElementLocated(
                    Browser.byTestId("sync-state"), "Dernière synchronisation"));

            network(browser, false);
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
            browser.type("offline-query", "Muhammad Hadad");
            browser.click("offline-search-submit");
            browser.waitForText("offline-results", "Mohamed Ali Haddad");
            assertThat(browser.find("offline-results-source").getText()).contains("Résultats de cet appareil");

            browser.type("offline-chosen-name", "Youssef Haddad");
            browser.click("offline-save");
            browser.waitForText("offline-duplicates", "Mohamed Ali Haddad");
            browser.click("offline-save");
            browser.waitForText("offline-person-name", "Youssef Haddad");
            browser.waitForText("outbox-indicator", "1 modification attend la synchronisation");
            browser.click("offline-new-consultation");
            browser.click("offline-form-nursing-care");
            browser.click("answer-care-given-vital-signs");
            browser.type("answer-notes", "Pansement refait");
            slow.until(ExpectedConditions.attributeToBe(Browser.byTestId("offline-draft-state"), "data-saved", "true"));

            browser.driver.navigate().refresh();
            browser.type("login-username", username);
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
            browser.waitForText("outbox-indicator", "1 modification attend la synchronisation");
            browser.type("offline-query", "Yusuf");
            browser.click("offline-search-submit");
            browser.click("offline-result");
            browser.click("offline-draft");
            assertThat(browser.find("answer-notes").getAttribute("value")).isEqualTo("Pansement refait");
            browser.click("offline-sign");
            browser.waitForText("outbox-indicator", "2 modifications attendent la synchronisation");
            assertThat(browser.find("offline-consultation").getAttribute("data-status"))
                    .isEqualTo("SIGNED");

            network(browser, true);
            browser.click("sync-now");
            slow.until(ExpectedConditions.attributeToBe(Browser.byTestId("outbox-indicator"), "data-count", "0"));
            browser.click("sync-now");
            slow.until(ExpectedConditions.textToBePresentInElementLocated(
                    Browser.byTestId("sync-state"), "Dernière synchronisation"));
        }

        List<JsonNode> registered = found(nurse, "Youssef Haddad");
        assertThat(registered).hasSize(1);
        String personId = registered.get(0).path("id").asString();
        ApiSession.Response consultations = nurse.get("/api/people/" + personId + "/consultations");
        assertThat(consultations.status()).as(consultations.body().toString()).isEqualTo(200);
        assertThat(consultations.body().size())
                .as(consultations.body().toString())
                .isEqualTo(1);
        assertThat(consultations.body().toString()).contains("nursing-care");
    }

    private void enrol(Browser browser, WebDriverWait slow) {
        browser.driver.get("http://localhost:" + port + "/account");
        browser.type("device-name", "Calais phone");
        browser.type("device-password", TestOrganisation.PASSWORD);
        browser.click("device-enrol-submit");
        slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
    }

    /** The persons of that exact chosen name the server finds. */
    private static List<JsonNode> found(ApiSession session, String chosenName) {
        ApiSession.Response search = session.post("/api/people/search", Map.of("query", chosenName, "limit", 50));
        assertThat(search.status()).as(search.body().toString()).isEqualTo(200);
        return search.body()
                .valueStream()
                .filter(person -> person.path("chosenName").asString().equals(chosenName))
                .toList();
    }

    /** Cuts or restores the page's network through DevTools' network emulation. */
    private static void network(Browser browser, boolean online) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
