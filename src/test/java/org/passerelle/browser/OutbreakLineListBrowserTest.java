package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.passerelle.support.ApiSession;
import org.passerelle.support.MovableClock;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A cholera line list on phones (412 CSS pixels wide). At a site with no case yet, a nurse reads "no
 * case" (no empty table), adds a suspected case with the form, and sees it in the list. Two suspected
 * cases of the same week were recorded already, so that hers is the third: the coordinator then reads
 * the week's bar of the epidemic curve (three cases) and the alert on the line list in French, and the
 * same alert on the dashboard in Arabic, right to left; nothing is wider than the screen.
 */
@PasserelleTest
class OutbreakLineListBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aSuspectedCaseAddedByANurseShowsOnTheCurveAndRaisesTheAlertTheCoordinatorReads() {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        String site = organisation.siteA;
        LocalDate today = MovableClock.now().atZone(ZoneId.of("Europe/Paris")).toLocalDate();
        ApiSession nurse = organisation.userAt(site, "CLINICIAN");
        ApiSession coordinator = organisation.userAt(site, "COORDINATOR");

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(nurse));
            browser.click("nav-outbreaks");
            browser.find("line-list-screen");
            browser.find("no-cases");
            assertThat(browser.driver.findElements(Browser.byTestId("line-list")))
                    .as("no table of column names without a case")
                    .isEmpty();
            for (int i = 0; i < 2; i++) {
                suspectedCase(nurse, site, today);
            }
            browser.click("add-case");
            browser.find("case-form");
            setDate(browser, "case-onset", today);
            browser.type("case-age", "6");
            browser.click("save-case");
            browser.waitUntil(
                    driver -> driver.findElements(Browser.byTestId("case-row")).size() == 3);
            assertWithinTheScreen(browser);
        }
        ApiSession.Response list = coordinator.get("/api/outbreaks/diseases/cholera/cases?siteId=" + site);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().size())
                .as("the two recorded before and the nurse's")
                .isEqualTo(3);
        assertThat(list.body().toString()).contains("\"ageYears\":6");

        try (Browser browser = Browser.start()) {
            browser.logIn(port, organisation.username(coordinator));
            browser.click("nav-outbreaks");
            browser.find("epicurve");
            browser.waitUntil(driver -> driver.findElements(By.cssSelector("[data-testid='epicurve-week']")).stream()
                    .anyMatch(week -> "3".equals(week.getAttribute("data-total"))));
            assertThat(browser.find("outbreak-alert").getText()).contains("3 cas suspects de choléra");
            browser.waitForText("figure-cases", "3");
            assertWithinTheScreen(browser);

            browser.click("lang-ar");
            browser.click("nav-reports");
            assertThat(browser.find("outbreak-alert").getText()).contains("حالات كوليرا مشتبه بها");
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("dir"))
                    .isEqualTo("rtl");
            assertWithinTheScreen(browser);
        }
    }

    private static void suspectedCase(ApiSession nurse, String site, LocalDate onset) {
        ApiSession.Response recorded = nurse.post(
                "/api/outbreaks/cases",
                Map.of(
                        "id",
                        UUID.randomUUID().toString(),
                        "disease",
                        "cholera",
                        "siteId",
                        site,
                        "sex",
                        "FEMALE",
                        "ageYears",
                        30,
                        "classification",
                        "SUSPECTED",
                        "onsetOn",
                        onset.toString()));
        assertThat(recorded.status()).as(recorded.body().toString()).isEqualTo(201);
    }

    /** Sets a date field as a picker does (typing into one depends on the browser's locale). */
    private static void setDate(Browser browser, String testId, LocalDate date) {
        ((JavascriptExecutor) browser.driver).executeScript("""
                const field = arguments[0];
                Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', { bubbles: true }));
                """, browser.find(testId), date.toString());
    }

    private static void assertWithinTheScreen(Browser browser) {
        List<?> widths = (List<?>) ((JavascriptExecutor) browser.driver)
                .executeScript("return [document.documentElement.scrollWidth, window.innerWidth]");
        assertThat(((Number) widths.get(0)).longValue())
                .as("the page's width against the screen's")
                .isLessThanOrEqualTo(((Number) widths.get(1)).longValue());
    }
}
