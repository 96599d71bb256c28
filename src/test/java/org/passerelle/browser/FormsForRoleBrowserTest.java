package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On a phone (412×915): each role is offered only the forms of its disciplines that apply to the
 * person, and a doctor signs a prescription, reads it in words and prints its dosage sheet.
 */
@PasserelleTest
class FormsForRoleBrowserTest {

    @LocalServerPort
    int port;

    TestOrganisation organisation;
    ApiSession doctor;
    String woman;
    String man;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
        doctor = organisation.userAt(organisation.siteA, "CLINICIAN");
        woman = register("Mariam Traoré", "FEMALE");
        man = register("Karim Benali", "MALE");
    }

    private String register(String name, String sex) {
        ApiSession.Response registered = doctor.post(
                "/api/people",
                Map.of(
                        "details",
                        Map.of(
                                "chosenName",
                                name,
                                "sex",
                                sex,
                                "birthDate",
                                Map.of("precision", "EXACT", "date", "1994-03-08"),
                                "languages",
                                List.of("fr"))));
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(201);
        return registered.text("id");
    }

    @Test
    void aSocialWorkerIsNotOfferedTheMedicalFormNorAManTheAntenatalOne() {
        ApiSession socialWorker = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(socialWorker));
            browser.driver.get(url("/people/" + woman + "/encounters/new"));
            browser.find("choose-form-social-assessment");
            assertThat(offered(browser)).doesNotContain("medical-consultation", "antenatal-visit", "nursing-care");
        }
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(doctor));
            browser.driver.get(url("/people/" + man + "/encounters/new"));
            browser.find("choose-form-medical-consultation");
            assertThat(offered(browser)).doesNotContain("antenatal-visit", "social-assessment");
            browser.driver.get(url("/people/" + woman + "/encounters/new"));
            browser.find("choose-form-antenatal-visit");
        }
    }

    @Test
    void aDoctorSignsAPrescriptionReadsItInWordsAndPrintsTheDosageSheet() {
        ApiSession.Response draft = doctor.post(
                "/api/encounters",
                Map.of(
                        "personId",
                        man,
                        "formCode",
                        "medical-consultation",
                        "sign",
                        false,
                        "answers",
                        Map.of(
                                "complaints",
                                List.of("itching-rash"),
                                "diagnoses",
                                List.of("B86"),
                                "prescription",
                                List.of(Map.of("medicine", "ivermectin-3-tab", "morning", 4, "days", 1)))));
        assertThat(draft.status()).as(draft.body().toString()).isEqualTo(201);

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(doctor));
            browser.driver.get(url("/encounters/" + draft.text("id")));
            browser.click("sign");
            browser.waitForText("prescription-line", "ivermectine 3 mg");
            assertThat(browser.find("prescription-line").getText())
                    .isEqualTo("ivermectine 3 mg, comprimé — 4 comprimés le matin, pendant 1 jour")
                    .doesNotContain("ivermectin-3-tab");
            WebElement print = browser.find("print-sheet");
            ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView()", print);
            screenshot(browser, "signed-prescription-412x915.png");

            String screen = browser.driver.getWindowHandle();
            print.click();
            browser.waitUntil(driver -> driver.getWindowHandles().size() == 2);
            String sheet = browser.driver.getWindowHandles().stream()
                    .filter(handle -> !handle.equals(screen))
                    .findFirst()
                    .orElseThrow();
            browser.driver.switchTo().window(sheet);
            browser.waitUntil(driver -> driver.getCurrentUrl().startsWith("blob:"));
            Object type = ((JavascriptExecutor) browser.driver).executeScript("return document.contentType");
            assertThat(type).isEqualTo("application/pdf");
        }
        ApiSession.Response audit = organisation.admin().get("/api/audit?recordId=" + draft.text("id"));
        assertThat(audit.body().valueStream().map(entry -> entry.path("action").asString()))
                .contains("EXPORT");
    }

    private static List<String> offered(Browser browser) {
        return browser.driver.findElements(org.openqa.selenium.By.cssSelector("[data-testid^='choose-form-']")).stream()
                .map(element -> element.getAttribute("data-testid").substring("choose-form-".length()))
                .toList();
    }

    private static void screenshot(Browser browser, String name) {
        try {
            Path directory = Path.of("target", "screenshots");
            Files.createDirectories(directory);
            Files.write(directory.resolve(name), ((TakesScreenshot) browser.driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
