package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Stock in real Chromium at phone size: the logistician, in Arabic, adds the site's pharmacy and
 * receives goods, then hands blankets out to a group from the distribution screen; a nurse dispenses
 * a consultation's prescription from it, in French; the balances drop by what was handed.
 */
@PasserelleTest
class StockBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @Test
    void aLogisticianReceivesAndANurseDispensesFromAConsultation() {
        ApiSession logistician = organisation.userAt(organisation.siteA, "LOGISTICIAN");
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        String person = TestOrganisation.register(
                        nurse, "Stock " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        String encounter = signedConsultation(nurse, person);
        String draft = draftConsultation(nurse, person);
        String placeName = "صيدلية " + UUID.randomUUID().toString().substring(0, 4);

        try (Browser browser = Browser.start()) {
            logIn(browser, organisation.username(logistician), "ar");
            browser.find("stock-home");
            browser.find("stock-no-location");
            new Select(browser.find("stock-place-kind")).selectByValue("PHARMACY");
            browser.type("stock-place-name", placeName);
            browser.click("stock-add-place-save");
            browser.find("stock-place-done");
            receive(browser, "amoxicillin-500-caps", "AMX1", "100");
            browser.waitUntil(driver -> browser.find("stock-balances").getText().contains("100"));
            receive(browser, "blanket", "BL1", "30");
            browser.waitUntil(driver -> browser.find("stock-balances").getText().contains("BL1"));
            assertNothingWiderThanTheScreen(browser);

            // the distribution screen opened by its address shows the site's places, and hands out to a group
            browser.driver.get(url("/stock/distribute"));
            new Select(browser.find("distribute-place")).selectByVisibleText(placeName);
            new Select(browser.find("distribute-item")).selectByValue("blanket");
            browser.type("distribute-quantity", "4");
            browser.type("distribute-count-people", "4");
            browser.click("distribute-save");
            browser.find("distribute-done");
            assertNothingWiderThanTheScreen(browser);
        }
        String pharmacy = place(logistician, placeName);
        assertThat(quantity(logistician, pharmacy, "blanket")).isEqualTo(26);

        try (Browser browser = Browser.start()) {
            logIn(browser, organisation.username(nurse), "fr");
            browser.driver.get(url("/encounters/" + encounter));
            browser.click("dispense-open");
            browser.waitForText("dispense-proposal", "AMX1");
            assertThat(browser.find("dispense-quantity").getAttribute("value")).isEqualTo("14");
            browser.click("dispense-save");
            browser.waitForText("dispense-done", "AMX1 × 14");

            // signing a draft dispenses its prescription from the place chosen, in the same tap; a
            // line the place does not hold is reported and the consultation is signed all the same
            browser.driver.get(url("/encounters/" + draft));
            browser.waitUntil(driver -> new Select(browser.find("dispense-on-signing"))
                    .getFirstSelectedOption()
                    .getText()
                    .equals(placeName));
            browser.click("sign");
            browser.waitForText("signed-dispensed", "AMX1 × 14");
            browser.waitForText("signed-refused", "non délivré");
            assertThat(browser.find("encounter-status").getText()).doesNotContain("Brouillon");
        }
        assertThat(quantity(logistician, pharmacy, "amoxicillin-500-caps")).isEqualTo(72);
        assertThat(nurse.get("/api/encounters/" + draft).text("status")).isEqualTo("SIGNED");
    }

    /** A draft with two lines: one the pharmacy holds, one it does not. */
    private static String draftConsultation(ApiSession nurse, String personId) {
        ApiSession.Response saved = nurse.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        "medical-consultation",
                        "occurredOn",
                        LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"))
                                .toString(),
                        "sign",
                        false,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("fever"),
                                "diagnoses",
                                List.of("J06.9"),
                                "prescription",
                                List.of(
                                        Map.of(
                                                "medicine",
                                                "amoxicillin-500-caps",
                                                "morning",
                                                1,
                                                "evening",
                                                1,
                                                "days",
                                                7),
                                        Map.of("medicine", "paracetamol-500-tab", "morning", 1, "days", 3)))));
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(201);
        return saved.text("id");
    }

    private static void receive(Browser browser, String item, String lot, String quantity) {
        browser.click("stock-tab-receipt");
        new Select(browser.find("stock-item")).selectByValue(item);
        browser.type("stock-lot", lot);
        browser.type("stock-quantity", quantity);
        browser.click("stock-save");
        browser.find("stock-recorded");
    }

    private static String signedConsultation(ApiSession nurse, String personId) {
        Map<String, Object> line = Map.of("medicine", "amoxicillin-500-caps", "morning", 1, "evening", 1, "days", 7);
        ApiSession.Response signed = nurse.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        personId,
                        "formCode",
                        "medical-consultation",
                        "occurredOn",
                        LocalDate.ofInstant(MovableClock.now(), ZoneId.of("Europe/Paris"))
                                .toString(),
                        "sign",
                        true,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("fever"),
                                "diagnoses",
                                List.of("J06.9"),
                                "prescription",
                                List.of(line))));
        assertThat(signed.status()).as(signed.body().toString()).isEqualTo(201);
        return signed.text("id");
    }

    private static String place(ApiSession user, String name) {
        for (JsonNode place : user.get("/api/stock/locations").body()) {
            if (place.path("name").asString().equals(name)) {
                return place.path("id").asString();
            }
        }
        throw new AssertionError("no place " + name);
    }

    private static int quantity(ApiSession user, String place, String item) {
        ApiSession.Response balances = user.get("/api/stock/locations/" + place + "/balances?itemCode=" + item);
        assertThat(balances.status()).isEqualTo(200);
        int total = 0;
        for (JsonNode balance : balances.body().path("lots")) {
            if (balance.path("itemCode").asString().equals(item)) {
                total += balance.path("quantity").asInt();
            }
        }
        return total;
    }

    private static void assertNothingWiderThanTheScreen(Browser browser) {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as("the page's width against the screen's")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }

    private void logIn(Browser browser, String user, String language) {
        browser.driver.get(url("/login"));
        browser.click("lang-" + language);
        browser.type("login-username", user);
        browser.type("login-password", TestOrganisation.PASSWORD);
        browser.click("login-submit");
        browser.find("menu-button");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
