package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * Two nurses, each on her own enrolled phone (two browser profiles), correct the phone number of the
 * same person without network, to two different numbers. The first phone to sync wins; the second is
 * told its correction is in conflict, and the server keeps both numbers until a data officer chooses:
 * nothing is lost.
 */
@PasserelleTest
class OfflineConflictBrowserTest {

    private static final String FIRST = "+33 6 11 11 11 11";
    private static final String SECOND = "+33 6 22 22 22 22";

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void twoPhonesCorrectTheSamePersonOfflineAndTheSecondSeesTheConflictWithNothingLost() {
        ApiSession amina = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession hawa = organisation.userAt(organisation.siteA, "CLINICIAN");
        String personId =
                TestOrganisation.register(amina, "Semhar Tekle").path("id").asString();
        try (Browser first = Browser.start();
                Browser second = Browser.start()) {
            WebDriverWait slowFirst = new WebDriverWait(first.driver, Duration.ofSeconds(120));
            WebDriverWait slowSecond = new WebDriverWait(second.driver, Duration.ofSeconds(120));
            unlockAndSync(first, slowFirst, organisation.username(amina));
            unlockAndSync(second, slowSecond, organisation.username(hawa));

            correctOffline(first, slowFirst, FIRST);
            correctOffline(second, slowSecond, SECOND);

            sync(first, slowFirst);
            sync(second, slowSecond);
            slowSecond.until(
                    ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-person-conflict")));
            assertThat(second.find("offline-person-conflict").getText()).contains("téléphone");
            assertThat(second.find("sync-conflicts").getText()).contains("1 modification en conflit");
            assertThat(first.driver.findElements(Browser.byTestId("sync-conflicts")))
                    .isEmpty();
        }

        ApiSession.Response person = amina.get("/api/people/" + personId);
        assertThat(person.status()).isEqualTo(200);
        assertThat(person.text("phone")).as("the first phone to sync wins").isEqualTo(FIRST);
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.confirmIdentity(dataOfficer.enrolSecondFactor().getFirst());
        ApiSession.Response conflicts = dataOfficer.get("/api/sync/conflicts");
        assertThat(conflicts.status()).as(conflicts.body().toString()).isEqualTo(200);
        JsonNode conflict = null;
        for (JsonNode each : conflicts.body()) {
            if (each.path("recordId").asString().equals(personId)) {
                conflict = each;
            }
        }
        assertThat(conflict).as(conflicts.body().toString()).isNotNull();
        assertThat(conflict.path("field").asString()).isEqualTo("phone");
        assertThat(conflict.path("server").asString()).isEqualTo(FIRST);
        assertThat(conflict.path("device").asString())
                .as("the second number is kept")
                .isEqualTo(SECOND);
        ApiSession.Response resolved = dataOfficer.post(
                "/api/sync/conflicts/" + conflict.path("id").asString() + "/resolution", Map.of("keep", "DEVICE"));
        assertThat(resolved.status()).as(resolved.body().toString()).isEqualTo(200);
        assertThat(amina.get("/api/people/" + personId).text("phone")).isEqualTo(SECOND);
    }

    /** Signs in, enrols the phone, signs in again (which unlocks it) and waits for its first sync. */
    private void unlockAndSync(Browser browser, WebDriverWait slow, String username) {
        browser.logIn(port, username);
        browser.driver.get("http://localhost:" + port + "/account");
        browser.type("device-name", "Phone of " + username);
        browser.type("device-password", TestOrganisation.PASSWORD);
        browser.click("device-enrol-submit");
        slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
        browser.click("logout");
        browser.logIn(port, username);
        slow.until(ExpectedConditions.textToBePresentInElementLocated(
                Browser.byTestId("sync-state"), "Dernière synchronisation"));
    }

    private static void correctOffline(Browser browser, WebDriverWait slow, String phone) {
        network(browser, false);
        slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
        browser.type("offline-query", "Semhar Tekle");
        browser.click("offline-search-submit");
        browser.waitForText("offline-results", "Semhar Tekle");
        browser.click("offline-result");
        browser.click("offline-edit-person");
        browser.type("offline-edit-phone", phone);
        browser.click("offline-edit-save");
        browser.waitForText("offline-person-phone", phone);
        browser.waitForText("outbox-indicator", "1 modification attend la synchronisation");
    }

    private static void sync(Browser browser, WebDriverWait slow) {
        network(browser, true);
        browser.click("sync-now");
        slow.until(ExpectedConditions.attributeToBe(Browser.byTestId("outbox-indicator"), "data-count", "0"));
        slow.until(ExpectedConditions.textToBePresentInElementLocated(
                Browser.byTestId("sync-state"), "Dernière synchronisation"));
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
