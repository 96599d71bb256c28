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

/**
 * A nurse's enrolled phone has synced; the page is reloaded while her session still holds on the
 * server, which forgets the device's keys; the network goes. She unlocks the phone's copy with her
 * password, checked on the phone alone: a wrong one is refused with the tries left, the right one
 * opens the offline screens, where she finds a person.
 */
@PasserelleTest
class OfflineUnlockBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void aNurseUnlocksHerPhoneWithHerPasswordAfterAReloadWithoutNetwork() {
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(nurse);
        TestOrganisation.register(nurse, "Tesfaye Gebremedhin");
        try (Browser browser = Browser.start()) {
            // argon2id at the application's cost, on a machine running other builds
            WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
            browser.logIn(port, username);
            browser.driver.get("http://localhost:" + port + "/account");
            browser.type("device-name", "Calais phone");
            browser.type("device-password", TestOrganisation.PASSWORD);
            browser.click("device-enrol-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
            slow.until(ExpectedConditions.textToBePresentInElementLocated(
                    Browser.byTestId("sync-state"), "Dernière synchronisation"));

            browser.driver.navigate().refresh();
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-unlock")));
            assertThat(browser.driver.findElements(Browser.byTestId("sync-state")))
                    .isEmpty();
            network(browser, false);
            browser.waitForText("device-unlock-explanation", "Pas de réseau");

            browser.type("device-unlock-password", "not-her-password");
            browser.click("device-unlock-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-unlock-error")));
            assertThat(browser.find("device-unlock-error").getText())
                    .contains("Mot de passe erroné")
                    .contains("Encore 9 essais");

            browser.type("device-unlock-password", TestOrganisation.PASSWORD);
            browser.click("device-unlock-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
            browser.type("offline-query", "Gebremedhin");
            browser.click("offline-search-submit");
            browser.waitForText("offline-results", "Tesfaye Gebremedhin");
        }
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
