package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A nurse on her enrolled phone, without network, adds a suspected cholera case and takes a water
 * reading at the team's tank, after a reading outside physical limits was refused on the phone; back
 * online, the sync writes both, once, and the case is in the line list.
 */
@PasserelleTest
class OfflinePublicHealthBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void aCaseAndAReadingRecordedWithoutNetworkLandAtTheNextSync() {
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String tank = tank(organisation.userAt(organisation.siteA, "LOGISTICIAN"), organisation.siteA);
        LocalDate onset = LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"))
                .minusDays(1);
        try (Browser phone = Browser.start()) {
            WebDriverWait slow = new WebDriverWait(phone.driver, Duration.ofSeconds(120));
            String username = organisation.username(nurse);
            phone.logIn(port, username);
            phone.driver.get("http://localhost:" + port + "/account");
            phone.type("device-name", "Phone of " + username);
            phone.type("device-password", TestOrganisation.PASSWORD);
            phone.click("device-enrol-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
            phone.click("logout");
            phone.logIn(port, username);
            slow.until(ExpectedConditions.textToBePresentInElementLocated(
                    Browser.byTestId("sync-state"), "Dernière synchronisation"));

            network(phone, false);
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-public-health")));
            new Select(phone.find("offline-case-disease")).selectByValue("cholera");
            phone.click("offline-add-case");
            setDate(phone, "case-onset", onset);
            phone.type("case-age", "6");
            phone.click("save-case");
            phone.find("offline-health-queued");
            phone.waitForText("outbox-indicator", "1 modification attend la synchronisation");

            slow.until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("[data-testid='offline-reading-point'] option[value='" + tank + "']")));
            new Select(phone.find("offline-reading-point")).selectByValue(tank);
            phone.type("reading-chlorine", "12");
            phone.click("record-reading");
            phone.waitForText("form-error", "entre 0 et 10 mg/L");
            phone.find("reading-chlorine").clear();
            phone.type("reading-chlorine", "0,1");
            phone.click("record-reading");
            phone.waitForText("outbox-indicator", "2 modifications attendent la synchronisation");

            network(phone, true);
            phone.click("sync-now");
            slow.until(ExpectedConditions.attributeToBe(Browser.byTestId("outbox-indicator"), "data-count", "0"));
        }
        ApiSession.Response cases = nurse.get("/api/outbreaks/diseases/cholera/cases?siteId=" + organisation.siteA);
        assertThat(cases.status()).isEqualTo(200);
        assertThat(cases.body()
                        .valueStream()
                        .filter(one -> one.path("onsetOn").asString().equals(onset.toString())
                                && one.path("ageYears").asInt() == 6)
                        .count())
                .isEqualTo(1);
        ApiSession.Response readings = nurse.get("/api/water/points/" + tank + "/readings");
        assertThat(readings.status()).as(readings.body().toString()).isEqualTo(200);
        JsonNode taken = readings.body().path("readings");
        assertThat(taken).hasSize(1);
        assertThat(taken.get(0).path("chlorine").asDouble()).isEqualTo(0.1);
        assertThat(taken.get(0).path("inRange").asBoolean()).isFalse();
    }

    private static String tank(ApiSession logistician, String site) {
        String id = UUID.randomUUID().toString();
        ApiSession.Response created = logistician.post(
                "/api/water/points",
                Map.of(
                        "id",
                        id,
                        "siteId",
                        site,
                        "kind",
                        "TANK",
                        "name",
                        "Cuve " + id.substring(0, 6),
                        "lat",
                        -12.78,
                        "lon",
                        45.23));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return id;
    }

    private static void setDate(Browser browser, String testId, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("""
                const field = arguments[0];
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', { bubbles: true }));
                """, browser.find(testId), date.toString());
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
