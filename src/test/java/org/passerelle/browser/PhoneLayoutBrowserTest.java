package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The web client on a phone (412 × 915 CSS pixels, as the browser starts), in French and in Arabic:
 * what a user must see without scrolling, nothing wider than the screen, and the printed annual
 * report without the menu. Screenshots go to target/screenshots for a person to look at.
 */
@PasserelleTest
class PhoneLayoutBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;

    @BeforeEach
    void setUp() {
        Browser.requireBuiltWebClient();
        organisation = new TestOrganisation(port);
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void showsTheSearchBoxAndTheFirstResultWithoutScrolling(String language) {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String familyName =
                "Bekele" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        TestOrganisation.register(clinician, "Hiwot " + familyName);
        try (Browser browser = Browser.start()) {
            logIn(browser, organisation.username(clinician), language);
            browser.find("search-input");
            browser.type("search-input", familyName);
            browser.click("search-submit");
            browser.find("search-result");

            assertThat(bottom(browser, "search-input")).isLessThanOrEqualTo(viewportHeight(browser));
            assertThat(bottom(browser, "search-result")).isLessThanOrEqualTo(viewportHeight(browser));
            assertThat(browser.find("menu-button").getAttribute("aria-expanded"))
                    .isEqualTo("false");
            screenshot(browser, "phone-search-" + language);

            browser.click("menu-button");
            assertThat(browser.find("menu-button").getAttribute("aria-expanded"))
                    .isEqualTo("true");
            assertThat(browser.find("nav-search").isDisplayed()).isTrue();
            assertThat(browser.find("current-site").getText()).contains("Site A");
            screenshot(browser, "phone-menu-" + language);
            assertNothingWiderThanTheScreen(browser);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void showsReportTilesOnTwoLinesWithinTheScreenAndPrintsTheAnnualReportWithoutTheMenu(String language) {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String personId = TestOrganisation.register(
                        clinician, "Tiles " + UUID.randomUUID().toString().substring(0, 6))
                .path("id")
                .asString();
        jdbc.sql("""
                        insert into care.encounter (id, person_id, site_id, discipline, compartment, occurred_on,
                               provider_id, provider_name, form_code, form_version, status, signed_at)
                        values (gen_random_uuid(), ?::uuid, ?::uuid, 'MEDICAL', 'GENERAL', current_date,
                                gen_random_uuid(), 'Provider', 'medical-consultation', 1, 'SIGNED', now())
                        """).params(personId, organisation.siteA).update();
        String coordinator = coordinatorAt(organisation.siteA, organisation.siteB);

        try (Browser browser = Browser.start()) {
            logIn(browser, coordinator, language);
            browser.click("nav-reports");
            WebElement tile = browser.find("report-tile");
            browser.waitUntil(driver -> !tile.findElement(org.openqa.selenium.By.className("tile-name"))
                    .getText()
                    .isBlank());
            for (WebElement each : browser.driver.findElements(Browser.byTestId("report-tile"))) {
                WebElement value = each.findElement(org.openqa.selenium.By.className("tile-value"));
                WebElement name = each.findElement(org.openqa.selenium.By.className("tile-name"));
                assertThat(name.getRect().getY())
                        .as("the label of %s is under its number", each.getAttribute("data-code"))
                        .isGreaterThanOrEqualTo(
                                value.getRect().getY() + value.getRect().getHeight());
            }
            assertNothingWiderThanTheScreen(browser);
            screenshot(browser, "phone-reports-" + language);

            browser.click("report-view-toggle");
            browser.find("annual-report");
            ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
            try {
                assertThat(display(browser, ".app-header")).isEqualTo("none");
                assertThat(script(browser)
                                .executeScript("return document.querySelector('.main-nav').getClientRects().length"))
                        .as("the navigation takes no room on paper")
                        .isEqualTo(0L);
                assertThat(browser.find("annual-report").isDisplayed()).isTrue();
                screenshot(browser, "phone-annual-report-print-" + language);
            } finally {
                ((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void showsARefusedSaveWhereTheUserIs(String language) {
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        try (Browser browser = Browser.start()) {
            logIn(browser, organisation.username(clinician), language);
            browser.driver.get(url("/new-person"));
            new Select(browser.find("person-birth-precision")).selectByValue("EXACT");
            browser.type("person-chosen-name", "Test Futur");
            new Select(browser.find("person-sex")).selectByValue("FEMALE");
            browser.type("person-birth-date", "01012099");
            WebElement save = browser.find("person-save");
            script(browser).executeScript("arguments[0].scrollIntoView({block: 'end'})", save);
            browser.click("person-save");

            browser.waitUntil(driver ->
                    !driver.findElements(Browser.byTestId("field-error")).isEmpty());
            browser.waitUntil(driver -> inViewport(browser, focusedOrFirstError(browser)));
            screenshot(browser, "phone-refused-save-" + language);
        }
    }

    /** What the user is shown: the focused error block, or else the first field error. */
    private static WebElement focusedOrFirstError(Browser browser) {
        List<WebElement> summary = browser.driver.findElements(Browser.byTestId("form-error"));
        return summary.isEmpty()
                ? browser.driver.findElements(Browser.byTestId("field-error")).getFirst()
                : summary.getFirst();
    }

    private static boolean inViewport(Browser browser, WebElement element) {
        return (Boolean) script(browser)
                .executeScript(
                        "const box = arguments[0].getBoundingClientRect();"
                                + " return box.top >= 0 && box.bottom <= window.innerHeight;",
                        element);
    }

    private static void assertNothingWiderThanTheScreen(Browser browser) {
        Object widths =
                script(browser).executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> pair = (List<?>) widths;
        assertThat(((Number) pair.get(0)).longValue())
                .as("the page's width against the screen's")
                .isLessThanOrEqualTo(((Number) pair.get(1)).longValue());
    }

    private static long bottom(Browser browser, String testId) {
        return ((Number) script(browser)
                        .executeScript(
                                "return Math.ceil(arguments[0].getBoundingClientRect().bottom)", browser.find(testId)))
                .longValue();
    }

    private static long viewportHeight(Browser browser) {
        return ((Number) script(browser).executeScript("return window.innerHeight")).longValue();
    }

    private static String display(Browser browser, String selector) {
        return (String) script(browser)
                .executeScript("return getComputedStyle(document.querySelector(arguments[0])).display", selector);
    }

    private static JavascriptExecutor script(Browser browser) {
        return (JavascriptExecutor) browser.driver;
    }

    private static void screenshot(Browser browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((TakesScreenshot) browser.driver)
                    .getScreenshotAs(OutputType.FILE)
                    .toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String coordinatorAt(String... sites) {
        String username = "c" + UUID.randomUUID().toString().substring(0, 8);
        ApiSession.Response created = organisation
                .admin()
                .post(
                        "/api/users",
                        Map.of(
                                "username",
                                username,
                                "displayName",
                                "Coordinator " + username,
                                "password",
                                TestOrganisation.PASSWORD,
                                "roles",
                                List.of("COORDINATOR"),
                                "allSites",
                                false,
                                "siteIds",
                                List.of(sites)));
        assertThat(created.status()).isEqualTo(201);
        return username;
    }

    /** Chooses the language on the login screen, then logs in with the password. */
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
