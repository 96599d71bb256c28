package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone (412 × 915), a doctor records a consultation with a diagnosis, an allergy and a
 * prescription, and finds them at the top of the person's page — allergies first — and in the
 * history list, in French and in Arabic. Screenshots are kept under {@code target/screenshots}.
 */
@PasserelleTest
class ClinicalSummaryBrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    TestOrganisation organisation;
    ApiSession doctor;
    String personId;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
        doctor = organisation.userAt(organisation.siteA, "CLINICIAN");
        personId = TestOrganisation.register(doctor, "Samir Haddad").path("id").asString();
    }

    @Test
    void aDoctorFindsTheDiagnosisAllergyAndPrescriptionOnThePersonsSummaryAndHistory() throws IOException {
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(doctor));
            browser.driver.get(url("/people/" + personId));
            assertThat(browser.find("summary-allergies").getAttribute("data-status"))
                    .isEqualTo("NOT_RECORDED");
            browser.find("summary-treatments-empty");

            browser.driver.get(url("/people/" + personId + "/encounters/new"));
            browser.click("choose-form-medical-consultation");
            browser.click("answer-complaints-fever");
            browser.click("answer-allergy-status-yes");
            browser.type("answer-allergies", "Pénicilline");
            pick(browser, "answer-diagnoses", "B86", "B86");
            browser.click("answer-prescription-add-line");
            pick(browser, "answer-prescription-0-medicine", "paracetamol", "paracétamol", "500 mg");
            setValue(browser, browser.find("answer-prescription-0-morning"), "1");
            setValue(browser, browser.find("answer-prescription-0-evening"), "1");
            setValue(browser, browser.find("answer-prescription-0-days"), "5");
            browser.click("sign");
            browser.waitUntil(
                    driver -> !driver.findElements(Browser.byTestId("amend")).isEmpty());

            browser.driver.get(url("/people/" + personId));
            WebElement allergies = browser.find("summary-allergies");
            assertThat(allergies.getAttribute("data-status")).isEqualTo("KNOWN");
            assertThat(allergies.getText()).contains("Pénicilline");
            assertThat(browser.find("summary-problem").getText())
                    .contains("B86")
                    .contains("Gale");
            assertThat(browser.find("summary-treatment").getText())
                    .contains("paracétamol 500 mg")
                    .doesNotContain("paracetamol-500-tab");
            assertThat(browser.find("summary-dosage").getText()).isEqualTo("Matin 1 · Soir 1 comprimé");
            assertThat(browser.find("history-diagnoses").getText())
                    .contains("B86")
                    .contains("Gale");
            assertFitsThePhone(browser);
            screenshot(browser, "clinical-summary-fr.png");

            ((JavascriptExecutor) browser.driver).executeScript("localStorage.setItem('passerelle.language', 'ar')");
            browser.driver.navigate().refresh();
            browser.waitForText("summary-allergies", "الحساسية");
            assertThat(browser.driver
                            .findElement(org.openqa.selenium.By.tagName("html"))
                            .getAttribute("dir"))
                    .isEqualTo("rtl");
            assertThat(browser.find("summary-problem").getText()).contains("B86");
            assertFitsThePhone(browser);
            screenshot(browser, "clinical-summary-ar.png");
        }
    }

    /** Types into a search box and picks the single-substance option that shows {@code shown}. */
    /**
     * Types into a picker and chooses the option showing every one of {@code shown}: the options of a
     * query typed halfway may still be on screen, so one word alone could choose another one.
     */
    private static void pick(Browser browser, String testId, String typed, String... shown) {
        browser.type(testId + "-input", typed);
        browser.waitUntil(driver -> {
            try {
                for (WebElement option : driver.findElements(Browser.byTestId(testId + "-option"))) {
                    String text = option.getText();
                    if (Arrays.stream(shown).allMatch(text::contains) && !text.contains("+")) {
                        option.click();
                        return true;
                    }
                }
                return false;
            } catch (StaleElementReferenceException e) {
                return false;
            }
        });
        browser.find(testId + "-chosen");
    }

    private static void assertFitsThePhone(Browser browser) {
        Object overflow = ((JavascriptExecutor) browser.driver)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth");
        assertThat(((Number) overflow).intValue()).as("horizontal overflow").isLessThanOrEqualTo(0);
    }

    private static void screenshot(Browser browser, String name) throws IOException {
        ((JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView()", browser.find("clinical-summary"));
        Files.createDirectories(SCREENSHOTS);
        Files.write(SCREENSHOTS.resolve(name), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
    }

    private static void setValue(Browser browser, WebElement input, String value) {
        ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "arguments[0].value = arguments[1];"
                                + "arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
                        input,
                        value);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
