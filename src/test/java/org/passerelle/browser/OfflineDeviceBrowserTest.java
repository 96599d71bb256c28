package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A nurse enrols the phone, loses the network, signs in on the phone alone, records a person who
 * waits in the outbox and finds them by another spelling; once the device is revoked, its next
 * contact with the server wipes what it held.
 */
@PasserelleTest
class OfflineDeviceBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void anEnrolledDeviceSignsInOfflineAndWipesItselfOnceRevoked() {
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String username = organisation.username(nurse);
        try (Browser browser = Browser.start()) {
            // argon2id at the application's cost, on a machine running other builds
            WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(90));
            browser.logIn(port, username);
            browser.driver.get("http://localhost:" + port + "/account");
            browser.type("device-name", "Calais phone 2");
            browser.type("device-password", TestOrganisation.PASSWORD);
            browser.click("device-enrol-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
            assertThat(browser.find("device-enrolled").getText()).contains("14");
            String enrolmentId =
                    nurse.get("/api/devices").body().get(0).path("id").asString();

            browser.click("logout");
            browser.find("login-username");
            network(browser, false);
            browser.type("login-username", username);
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
            browser.waitForText("outbox-indicator", "Rien n’attend la synchronisation");

            browser.type("offline-chosen-name", "Youssef Haddad");
            browser.click("offline-save");
            browser.waitForText("outbox-indicator", "1 modification attend la synchronisation");
            assertThat(databases(browser)).contains("passerelle-records-" + enrolmentId);
            browser.waitForText("offline-person-name", "Youssef Haddad");
            browser.click("offline-back");
            browser.type("offline-query", "Yusuf");
            browser.click("offline-search-submit");
            browser.waitForText("offline-results", "Youssef Haddad");

            nurse.confirmIdentity();
            ApiSession.Response revoked = nurse.post("/api/devices/" + enrolmentId + "/revocation", Map.of());
            assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
            network(browser, true);
            browser.driver.get("http://localhost:" + port + "/login");
            browser.find("device-wiped");

            assertThat(databases(browser)).doesNotContain("passerelle-records-" + enrolmentId);
            network(browser, false);
            browser.type("login-username", username);
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.waitForText("login-error", "pas enrôlé");
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

    @SuppressWarnings("unchecked")
    private static List<String> databases(Browser browser) {
        Object names = ((JavascriptExecutor) browser.driver)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "indexedDB.databases().then((all) => done(all.map((db) => db.name)));");
        return (List<String>) names;
    }
}
