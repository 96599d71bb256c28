package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A nurse of a mobile team, on her enrolled phone, is given an allowance of blankets out of the
 * team's bag; without network she hands three out to a group, and is refused a second hand-out of
 * three when only two are left on the phone; back online, the sync writes the first out of her
 * allowance, which then holds two, and the bag itself is untouched.
 */
@PasserelleTest
class OfflineAllowanceBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void aPhoneHandsOutOfflineWithinItsAllowanceAndTheHandOutLandsAtSync() {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String bag = bag(logistician);
        try (Browser phone = Browser.start()) {
            WebDriverWait slow = new WebDriverWait(phone.driver, Duration.ofSeconds(120));
            String username = organisation.username(nurse);
            phone.logIn(port, username);
            phone.driver.get("http://localhost:" + port + "/account");
            phone.type("device-name", "Phone of " + username);
            phone.type("device-password", TestOrganisation.PASSWORD);
            phone.click("device-enrol-submit");
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("device-enrolled")));
            ApiSession.Response granted = logistician.post(
                    "/api/stock/allowances",
                    Map.of(
                            "id",
                            UUID.randomUUID().toString(),
                            "locationId",
                            bag,
                            "deviceId",
                            phoneOf(logistician, bag, username),
                            "itemCode",
                            "blanket",
                            "quantity",
                            5));
            assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
            phone.click("logout");
            phone.logIn(port, username);
            slow.until(ExpectedConditions.textToBePresentInElementLocated(
                    Browser.byTestId("sync-state"), "Dernière synchronisation"));

            network(phone, false);
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-distribution")));
            handOut(phone, slow);
            phone.find("offline-distribute-done");
            phone.waitForText("outbox-indicator", "1 modification attend la synchronisation");
            handOut(phone, slow);
            phone.waitForText("offline-distribute-refused", "Il ne reste que 2");

            network(phone, true);
            phone.click("sync-now");
            slow.until(ExpectedConditions.attributeToBe(Browser.byTestId("outbox-indicator"), "data-count", "0"));
        }
        ApiSession.Response allowances = logistician.get("/api/stock/locations/" + bag + "/allowances");
        assertThat(allowances.status()).isEqualTo(200);
        JsonNode lots = allowances.body().get(0).path("lots");
        assertThat(lots.get(0).path("quantity").asInt())
                .as("the allowance after the hand-out")
                .isEqualTo(2);
        ApiSession.Response balances = logistician.get("/api/stock/locations/" + bag + "/balances");
        assertThat(balances.body().path("lots").get(0).path("quantity").asInt())
                .as("the bag itself")
                .isEqualTo(5);
    }

    private static void handOut(Browser phone, WebDriverWait slow) {
        slow.until(ExpectedConditions.presenceOfElementLocated(
                org.openqa.selenium.By.cssSelector("[data-testid='offline-distribute-item'] option[value='blanket']")));
        new Select(phone.find("offline-distribute-item")).selectByValue("blanket");
        phone.type("offline-distribute-quantity", "3");
        phone.type("distribute-count-people", "3");
        phone.click("offline-distribute-save");
    }

    private String bag(ApiSession logistician) {
        ApiSession.Response added = logistician.post(
                "/api/stock/locations",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "siteId",
                        organisation.siteA,
                        "kind",
                        "MOBILE_BAG",
                        "name",
                        "Sac " + UUID.randomUUID().toString().substring(0, 6)));
        assertThat(added.status()).as(added.body().toString()).isEqualTo(201);
        Map<String, Object> receipt = new HashMap<>();
        receipt.put("id", UUID.randomUUID().toString());
        receipt.put("locationId", added.text("id"));
        receipt.put("itemCode", "blanket");
        receipt.put("lot", "BL1");
        receipt.put("quantity", 10);
        ApiSession.Response received = logistician.post("/api/stock/receipts", receipt);
        assertThat(received.status()).as(received.body().toString()).isEqualTo(201);
        return added.text("id");
    }

    /** The phone just enrolled, as the logistician sees it among the devices of the bag's site. */
    private static String phoneOf(ApiSession logistician, String bag, String username) {
        ApiSession.Response devices = logistician.get("/api/stock/locations/" + bag + "/devices");
        assertThat(devices.status()).as(devices.body().toString()).isEqualTo(200);
        for (JsonNode device : devices.body()) {
            if (device.path("username").asString().equals(username)) {
                return device.path("id").asString();
            }
        }
        throw new AssertionError("the phone is not among " + devices.body());
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
