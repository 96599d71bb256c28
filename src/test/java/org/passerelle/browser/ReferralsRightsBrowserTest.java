package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Referrals, rights and Pass de ville in the web client, on a phone: a nurse refers a person to a
 * PASS from their page and prints the letter in French with the person's summary in Arabic; a
 * social worker, in Arabic (right to left), records an AME granted, valid for a year; a coordinator
 * sees the Pass de ville budget with what vouchers commit and what claims spent.
 */
@PasserelleTest
class ReferralsRightsBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aNurseRefersAndPrintsTheLetterInFrenchWithAnArabicSummary() throws IOException {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession nurse = organisation.userAt(organisation.siteA, "CLINICIAN");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String service = service(coordinator, "PASS", "PASS Calais " + suffix);
        String person =
                TestOrganisation.register(nurse, "Samira " + suffix).path("id").asString();
        Path downloads = Files.createTempDirectory("letters");

        try (Browser browser = Browser.start()) {
            signIn(browser, organisation, nurse, "fr");
            ((ChromeDriver) browser.driver)
                    .executeCdpCommand(
                            "Browser.setDownloadBehavior",
                            Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            browser.driver.get(url("/people/" + person));
            browser.click("refer");
            // the suite's directory holds hundreds of services: narrowed to this one's postal code
            browser.type("directory-place", postalCode(service, coordinator));
            browser.waitUntil(driver -> !driver.findElements(
                            By.cssSelector("[data-testid=refer-service] option[value='" + service + "']"))
                    .isEmpty());
            new Select(browser.find("refer-service")).selectByValue(service);
            browser.type("refer-reason", "Douleurs thoraciques depuis trois jours");
            new Select(browser.find("refer-urgency")).selectByValue("SOON");
            new Select(browser.find("refer-consent")).selectByValue("PERSON");
            browser.click("refer-save");

            browser.waitForText("referral", "PASS Calais " + suffix);
            new Select(browser.find("letter-language")).selectByValue("ar");
            browser.click("referral-letter");
            Path letter = downloads.resolve("orientation.pdf");
            browser.waitUntil(driver -> Files.exists(letter) && letter.toFile().length() > 0);
        }

        ApiSession.Response referrals = nurse.get("/api/referrals/people/" + person);
        assertThat(referrals.status()).isEqualTo(200);
        assertThat(referrals.body().size()).as("one referral recorded").isEqualTo(1);
        JsonNode referral = referrals.body().get(0);
        assertThat(referral.path("serviceId").asString()).isEqualTo(service);
        assertThat(referral.path("urgency").asString()).isEqualTo("SOON");
        assertThat(referral.path("status").asString()).isEqualTo("SENT");
        byte[] pdf = Files.readAllBytes(downloads.resolve("orientation.pdf"));
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
        String text = text(pdf);
        assertThat(text).as("the letter for the service, in French").contains("PASS Calais " + suffix);
        assertThat(text.codePoints().anyMatch(ReferralsRightsBrowserTest::arabic))
                .as("the person's summary in Arabic")
                .isTrue();
    }

    @Test
    void aSocialWorkerRecordsAnAmeGrantedInArabic() {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession social = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        String person = TestOrganisation.register(
                        social, "Karim " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        LocalDate today = MovableClock.today();

        try (Browser browser = Browser.start()) {
            signIn(browser, organisation, social, "ar");
            browser.driver.get(url("/people/" + person));
            new Select(browser.find("rights-kind")).selectByValue("AME_GRANTED");
            browser.click("rights-save");

            browser.waitUntil(driver ->
                    !driver.findElements(Browser.byTestId("rights-step")).isEmpty());
            assertThat(((JavascriptExecutor) browser.driver).executeScript("return document.documentElement.dir"))
                    .isEqualTo("rtl");
            ShelterScene.fitsTheScreen(browser, "the rights file");
        }

        ApiSession.Response file = social.get("/api/rights/people/" + person + "/steps");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.body().size()).isEqualTo(1);
        JsonNode step = file.body().get(0);
        assertThat(step.path("kind").asString()).isEqualTo("AME_GRANTED");
        LocalDate occurred = LocalDate.parse(step.path("occurredOn").asString());
        assertThat(occurred)
                .as("today on the phone, whose clock may be a day behind the teams' zone near midnight")
                .isBetween(today.minusDays(1), today);
        assertThat(step.path("validUntil").asString())
                .as("an AME is granted for a year")
                .isEqualTo(occurred.plusYears(1).minusDays(1).toString());
    }

    @Test
    void aCoordinatorSeesTheBudgetWithWhatVouchersCommitAndClaimsSpent() {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession social = organisation.userAt(organisation.siteA, "SOCIAL_LEGAL_WORKER");
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        String programme = null;
        for (JsonNode site : organisation.admin().get("/api/sites").body()) {
            if (site.path("id").asString().equals(organisation.siteA)) {
                programme = site.path("programmeId").asString();
            }
        }
        String budget = "/api/pass-de-ville/programmes/" + programme + "/budget";
        ok(coordinator.put(budget, Map.of("amountCents", 100_000, "version", 0)), 200);
        String person = TestOrganisation.register(social, "Awa").path("id").asString();
        String doctor = service(coordinator, "CITY_DOCTOR", "Dr Martin");
        String today = MovableClock.today().toString();
        String pass = "/api/pass-de-ville/people/" + person;
        ok(
                social.post(
                        pass + "/eligibility",
                        Map.of("id", UUID.randomUUID().toString(), "decision", "ELIGIBLE", "decidedOn", today)),
                201);
        ApiSession.Response voucher = social.post(
                pass + "/vouchers",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "providerId",
                        doctor,
                        "careType",
                        "GP_CONSULTATION",
                        "ceilingCents",
                        6_000,
                        "validUntil",
                        MovableClock.today().plusDays(30).toString()));
        ok(voucher, 201);
        ok(
                coordinator.post(
                        "/api/pass-de-ville/claims",
                        Map.of(
                                "id",
                                UUID.randomUUID().toString(),
                                "code",
                                voucher.text("code"),
                                "amountCents",
                                2_550,
                                "careOn",
                                today)),
                201);

        try (Browser browser = Browser.start()) {
            signIn(browser, organisation, coordinator, "fr");
            browser.click("nav-pass-de-ville");
            browser.find("pass-budget");

            assertThat(digits(browser.find("pass-budget-amount").getText())).isEqualTo("100000");
            assertThat(digits(browser.find("pass-committed").getText())).isEqualTo("3450");
            assertThat(digits(browser.find("pass-spent").getText())).isEqualTo("2550");
            assertThat(digits(browser.find("pass-available").getText())).isEqualTo("94000");
            assertThat(browser.find("pass-spent").getText()).contains("€");
            ShelterScene.fitsTheScreen(browser, "the budget");
        }
    }

    private void signIn(Browser browser, TestOrganisation organisation, ApiSession user, String language) {
        browser.driver.get(url("/login"));
        browser.click("lang-" + language);
        browser.type("login-username", organisation.username(user));
        browser.type("login-password", TestOrganisation.PASSWORD);
        browser.click("login-submit");
        browser.find("menu-button");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static String service(ApiSession coordinator, String kind, String name) {
        Map<String, Object> details = new HashMap<>();
        details.put("kind", kind);
        details.put("name", name);
        details.put("city", "Calais");
        // a postal code of its own, so that a search by place finds this service alone
        details.put(
                "postalCode", String.format("%05d", ThreadLocalRandom.current().nextInt(100_000)));
        details.put("languages", List.of("fr", "ar"));
        details.put("needs", List.of("GENERAL_CARE"));
        details.put("acceptsUncovered", true);
        details.put("acceptsMinors", true);
        details.put("interpreter", true);
        details.put("closed", false);
        ApiSession.Response added = coordinator.post(
                "/api/directory/services", Map.of("id", UUID.randomUUID().toString(), "details", details));
        ok(added, 201);
        return added.text("id");
    }

    private static String postalCode(String service, ApiSession coordinator) {
        ApiSession.Response read = coordinator.get("/api/directory/services/" + service);
        ok(read, 200);
        return read.body().path("details").path("postalCode").asString();
    }

    private static void ok(ApiSession.Response response, int status) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
    }

    private static String digits(String text) {
        return text.replaceAll("\\D", "");
    }

    private static boolean arabic(int codePoint) {
        return (codePoint >= 0x0600 && codePoint <= 0x06FF) || (codePoint >= 0xFB50 && codePoint <= 0xFEFF);
    }

    private static String text(byte[] pdf) throws IOException {
        PdfReader reader = new PdfReader(pdf);
        try {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }
}
