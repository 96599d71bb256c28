package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The web client in a real headless Chromium against the running application. */
@PasserelleTest
class WebClientTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    String username;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        username = organisation.username(clinician);
    }

    @Test
    void registersFindsAndRecordsAConsultationForAPerson() {
        String familyName = "Haile" + UUID.randomUUID().toString().substring(0, 6);
        String code;
        try (Browser browser = Browser.start()) {
            logIn(browser);

            browser.type("search-input", familyName);
            browser.click("search-submit");
            browser.click("register-new");
            browser.type("person-chosen-name", "Selam " + familyName);
            new Select(browser.find("person-sex")).selectByValue("FEMALE");
            new Select(browser.find("person-birth-precision")).selectByValue("YEAR");
            browser.type("person-birth-date", "2001");
            browser.click("person-save");

            browser.waitForText("person-name", "Selam " + familyName);
            code = browser.find("person-code").getText().strip();
            assertThat(code).matches("[0-9A-Z]{4}-[0-9A-Z]{4}");

            browser.driver.get(url("/"));
            browser.type("search-input", familyName.toLowerCase() + " selam");
            browser.click("search-submit");
            browser.waitUntil(driver ->
                    !driver.findElements(Browser.byTestId("search-result")).isEmpty());
            List<WebElement> results = browser.driver.findElements(Browser.byTestId("search-result"));
            assertThat(results).hasSize(1);
            assertThat(results.getFirst().getText())
                    .contains("Selam " + familyName)
                    .contains(code);
            results.getFirst().click();

            browser.click("new-consultation");
            browser.click("quick-note");
            new Select(browser.find("consultation-discipline")).selectByValue("NURSING");
            browser.type("consultation-diagnosis", "Gale");
            browser.type("consultation-note", "Traitement remis");
            browser.click("consultation-save");

            browser.waitForText("history-item", "Gale");
        }

        String personId = jdbc.sql("select id::text from people.person where patient_code = ?")
                .param(code.replace("-", ""))
                .query(String.class)
                .single();
        List<String> actions = jdbc.sql("select action from audit.audit_event where record_id = ?::uuid order by id")
                .param(personId)
                .query(String.class)
                .list();
        assertThat(actions).startsWith("CREATE").contains("READ");
        assertThat(jdbc.sql("select actor_name from audit.audit_event where record_id = ?::uuid and action = 'CREATE'")
                        .param(personId)
                        .query(String.class)
                        .single())
                .isEqualTo(username);
    }

    @Test
    void showsAnInvalidRegistrationsErrorsAndSwitchesToArabicRightToLeft() {
        try (Browser browser = Browser.start()) {
            logIn(browser);
            browser.driver.get(url("/new-person"));
            new Select(browser.find("person-birth-precision")).selectByValue("EXACT");
            browser.type("person-chosen-name", "Test Futur");
            browser.type("person-birth-date", "01012099");
            browser.click("person-save");

            assertThat(browser.find("field-error").getText()).isNotBlank();
            assertThat(browser.driver.getCurrentUrl()).endsWith("/new-person");

            browser.click("lang-ar");
            browser.waitUntil(driver ->
                    "rtl".equals(driver.findElement(By.tagName("html")).getAttribute("dir")));
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
                    .isEqualTo("ar");
        }
    }

    @Test
    void letsADataOfficerEraseARecordForGood() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String personId = TestOrganisation.register(
                        clinician, "Erase Me " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();
        String officer = organisation.username(dataOfficer);
        String secret = secretOf(dataOfficer);
        try (Browser browser = Browser.start()) {
            logInWithCode(browser, officer, secret);
            browser.driver.get(url("/people/" + personId));
            browser.find("person-name");
            browser.driver
                    .findElement(By.cssSelector("[data-testid='erase-person'] summary"))
                    .click();
            new Select(browser.find("erasure-reason")).selectByValue("PERSON_REQUEST");
            browser.click("erasure-confirm");
            browser.click("erasure-submit");
            browser.type("confirm-password", TestOrganisation.PASSWORD);
            browser.type("confirm-code", TotpCodes.fresh(secret));
            browser.click("confirm-submit");
            browser.find("search-input");
        }

        assertThat(clinician.get("/api/people/" + personId).status()).isEqualTo(404);
        assertThat(jdbc.sql("select reason from people.erasure where person_id = ?::uuid")
                        .param(personId)
                        .query(String.class)
                        .single())
                .isEqualTo("PERSON_REQUEST");
    }

    @Test
    void letsADataOfficerScanForDuplicatesAndMergeAPairFromTheReviewQueue() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String first = TestOrganisation.registerBorn(clinician, "Abdulrahman Haroun " + suffix, "1996-04-18");
        String second = TestOrganisation.registerBorn(clinician, "Abderrahmane Harun " + suffix, "1996-04-18");
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        dataOfficer.enrolSecondFactor();
        try (Browser browser = Browser.start()) {
            logInWithCode(browser, organisation.username(dataOfficer), secretOf(dataOfficer));
            browser.click("nav-duplicates");
            browser.click("duplicates-scan");
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, java.time.Duration.ofSeconds(60))
                    .until(driver -> !driver.findElements(By.cssSelector("[data-testid='duplicate-pair']"))
                            .isEmpty());
            WebElement pair = browser.find("duplicate-pair");
            assertThat(pair.getText()).contains("Abdulrahman Haroun " + suffix, "Abderrahmane Harun " + suffix);
            assertThat(browser.find("duplicate-why").getText()).contains("%");
            browser.click("duplicate-checked");
            browser.click("duplicate-keep-first");
            browser.find("duplicates-decided");
            browser.find("duplicates-empty");
        }

        List<String> merged = jdbc.sql(
                        "select merged_id::text from people.person_merge where kept_id in (?::uuid, ?::uuid)")
                .params(first, second)
                .query(String.class)
                .list();
        assertThat(merged).hasSize(1).first().isIn(first, second);
    }

    @Test
    void letsADataOfficerExportEverythingHeldAboutAPersonAfterConfirmingWhoTheyAre() {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String name = "Export Me " + UUID.randomUUID().toString().substring(0, 6);
        String personId = TestOrganisation.register(clinician, name).path("id").asString();
        ApiSession dataOfficer = organisation.userAt(organisation.siteA, "DATA_OFFICER");
        List<String> recoveryCodes = dataOfficer.enrolSecondFactor();
        String officer = organisation.username(dataOfficer);
        String secret = secretOf(dataOfficer);
        try (Browser browser = Browser.start()) {
            logInWithCode(browser, officer, secret);
            browser.driver.get(url("/people/" + personId));
            browser.find("person-name");
            browser.driver
                    .findElement(By.cssSelector("[data-testid='export-personal-data'] summary"))
                    .click();
            new Select(browser.find("export-language")).selectByValue("ar");
            new Select(browser.find("export-format")).selectByValue("HTML");
            browser.click("export-submit");
            browser.type("confirm-password", TestOrganisation.PASSWORD);
            browser.type("confirm-code", recoveryCodes.getFirst());
            browser.click("confirm-submit");

            WebElement download = browser.find("export-download");
            assertThat(download.getAttribute("download"))
                    .startsWith("passerelle-")
                    .endsWith(".html");
            String app = browser.driver.getWindowHandle();
            browser.click("export-open");
            browser.waitUntil(driver -> driver.getWindowHandles().size() == 2);
            browser.driver
                    .switchTo()
                    .window(browser.driver.getWindowHandles().stream()
                            .filter(handle -> !handle.equals(app))
                            .findFirst()
                            .orElseThrow());
            browser.waitUntil(driver ->
                    "rtl".equals(driver.findElement(By.tagName("html")).getAttribute("dir")));
            assertThat(browser.driver.findElement(By.tagName("body")).getText()).contains(name, "الاستشارات");
        }

        assertThat(jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT' and record_id = ?::uuid")
                        .param(personId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void letsACarerBreakTheGlassOnAFileFromAnotherSiteAndAReviewerReviewIt() {
        ApiSession psychologistAtB = organisation.userAt(organisation.siteB, "PSYCHOLOGIST");
        String personId = TestOrganisation.register(
                        psychologistAtB, "Glass " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        psychologistAtB.post(
                "/api/consultations",
                java.util.Map.of("personId", personId, "discipline", "MENTAL_HEALTH", "note", "Suivi psychologique"));
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");
        String reviewer = organisation.username(coordinator);

        try (Browser browser = Browser.start()) {
            logIn(browser);
            browser.driver.get(url("/people/" + personId));
            browser.find("outside-scope");
            browser.driver
                    .findElement(By.cssSelector("[data-testid='emergency-access'] summary"))
                    .click();
            browser.type("emergency-reason", "Found unconscious, needs the treatment history");
            browser.click("emergency-submit");
            browser.type("confirm-password", TestOrganisation.PASSWORD);
            browser.click("confirm-submit");
            browser.find("emergency-banner");
            browser.find("history-compartment");
            assertThat(browser.find("history-item").getText()).contains("Suivi psychologique");

            browser.click("logout");
            browser.logIn(port, reviewer);
            browser.driver.get(url("/emergency-access"));
            browser.waitUntil(driver -> reviewRows(driver).anyMatch(text -> text.contains("Found unconscious")));
            browser.driver.findElements(Browser.byTestId("emergency-row")).stream()
                    .filter(candidate -> candidate.getText().contains("Found unconscious"))
                    .findFirst()
                    .orElseThrow()
                    .findElement(Browser.byTestId("emergency-review"))
                    .click();
            browser.waitUntil(driver -> reviewRows(driver).noneMatch(text -> text.contains("Found unconscious")));
        }

        assertThat(jdbc.sql("select reviewed_at is not null from people.emergency_access where person_id = ?::uuid")
                        .param(personId)
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void letsACoordinatorOpenTheDashboardDrillDownToASiteAndExportATable() {
        String programmeId = jdbc.sql("select programme_id::text from sites.site where id = ?::uuid")
                .param(organisation.siteA)
                .query(String.class)
                .single();
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String personId = TestOrganisation.register(
                        clinician, "Dashboard " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        for (String site : java.util.List.of(organisation.siteA, organisation.siteA, organisation.siteB)) {
            jdbc.sql("""
                            insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                                   provider_id, provider_name, form_code, form_version, status, signed_at)
                            values (gen_random_uuid(), ?::uuid, ?::uuid, 'MEDICAL', 'GENERAL', current_date,
                                    gen_random_uuid(), 'Provider', 'medical-consultation', 1, 'SIGNED', now())
                            """).params(personId, site).update();
        }
        String coordinator = "c" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(organisation
                        .admin()
                        .post(
                                "/api/users",
                                java.util.Map.of(
                                        "username",
                                        coordinator,
                                        "displayName",
                                        "Coordinator " + coordinator,
                                        "password",
                                        TestOrganisation.PASSWORD,
                                        "roles",
                                        java.util.List.of("COORDINATOR"),
                                        "allSites",
                                        false,
                                        "siteIds",
                                        java.util.List.of(organisation.siteA, organisation.siteB)))
                        .status())
                .isEqualTo(201);

        try (Browser browser = Browser.start()) {
            browser.driver.get(url("/login"));
            browser.type("login-username", coordinator);
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.click("nav-reports");
            browser.driver.navigate().refresh();
            new org.openqa.selenium.support.ui.Select(browser.find("report-scope")).selectByValue("P:" + programmeId);
            browser.waitUntil(driver ->
                    driver.findElements(Browser.byTestId("report-site-row")).size() == 2);
            browser.waitForText("report-tile", "3");
            browser.driver
                    .findElements(Browser.byTestId("report-drill-down"))
                    .getFirst()
                    .click();
            browser.waitUntil(driver ->
                    driver.findElements(Browser.byTestId("report-site-row")).isEmpty());
            browser.waitForText("report-title", "Site A");
            browser.find("report-drill-up");
            browser.click("export-csv-headline");
        }

        long deadline = System.currentTimeMillis() + 10_000;
        long exports = 0;
        while (exports == 0 && System.currentTimeMillis() < deadline) {
            exports = jdbc.sql("select count(*) from audit.audit_event where action = 'EXPORT'"
                            + " and record_type = 'report:csv' and actor_name = ? and record_id = ?::uuid")
                    .params(coordinator, organisation.siteA)
                    .query(Long.class)
                    .single();
        }
        assertThat(exports).as("the export of the site's table is audited").isEqualTo(1);
    }

    /** The texts of the review list's rows, read in one go so that a re-render cannot go stale under us. */
    @Test
    void printsAPatientCardAtItsRealSizeAloneOnThePage() {
        ApiSession carer = organisation.userAt(organisation.siteA, "CLINICIAN");
        String familyName = "Tesfay" + UUID.randomUUID().toString().substring(0, 6);
        tools.jackson.databind.JsonNode person = TestOrganisation.register(carer, "Yonas " + familyName);
        String code = person.path("patientCode").asString();
        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(carer));
            browser.driver.get(url("/people/" + person.path("id").asString()));
            JavascriptExecutor script = (JavascriptExecutor) browser.driver;
            script.executeScript("window.print = () => { window.printed = (window.printed || 0) + 1; }");

            assertThat(browser.find("card-with-name").isSelected()).isFalse();
            new Select(browser.find("card-language")).selectByValue("ar");
            browser.click("card-print");

            WebElement card = browser.find("card-print-view").findElement(By.cssSelector("[data-card]"));
            assertThat(card.getAttribute("dir")).isEqualTo("rtl");
            assertThat(card.findElement(By.cssSelector("[data-card-code]")).getText())
                    .isEqualTo(code.substring(0, 4) + "-" + code.substring(4));
            assertThat(card.findElements(By.cssSelector("svg[data-qr='patient-code'] path")))
                    .hasSize(2);
            assertThat(card.getText()).doesNotContain(familyName);
            // 85.6 mm at 96 CSS pixels to the inch: the client's style sheet lays the card out at its size.
            assertThat(card.getRect().getWidth()).isBetween(322, 325);
            assertThat(script.executeScript("return window.printed")).isEqualTo(1L);

            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            assertThat(browser.driver.findElement(By.id("app")).isDisplayed()).isFalse();
            assertThat(card.isDisplayed()).isTrue();
        }
        assertThat(jdbc.sql("""
                        select count(*) from audit.audit_event
                         where action = 'EXPORT' and record_type = 'person-card' and record_id = ?::uuid
                        """)
                        .param(UUID.fromString(person.path("id").asString()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private static java.util.stream.Stream<String> reviewRows(org.openqa.selenium.WebDriver driver) {
        Object texts = ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return [...document.querySelectorAll(\"[data-testid='emergency-row']\")]"
                        + ".map(row => row.textContent)");
        return ((List<?>) texts).stream().map(String::valueOf);
    }

    /** Logs in a user who has a second factor, typing a fresh code of their secret. */
    private void logInWithCode(Browser browser, String user, String secret) {
        browser.driver.get(url("/login"));
        browser.type("login-username", user);
        browser.type("login-password", TestOrganisation.PASSWORD);
        browser.click("login-submit");
        browser.type("login-code", TotpCodes.fresh(secret));
        browser.click("login-code-submit");
        browser.find("search-input");
    }

    private static String secretOf(ApiSession session) {
        String userId =
                session.get("/api/session").body().path("user").path("id").asString();
        return TotpCodes.secretOf(userId).orElseThrow();
    }

    private void logIn(Browser browser) {
        browser.logIn(port, username);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
