package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.passerelle.support.TotpCodes;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * An administrator, on a phone, backs the database up from the administration screen: confirms who
 * they are, is told the backup runs in the background, and sees the new one appear, read back whole,
 * without reloading the page; in French and in Arabic (right to left).
 */
@PasserelleTest
class BackupsBrowserTest {

    /** A backup of the suite's whole database, made while other tests write, takes some seconds. */
    private static final Duration BACKUP_PATIENCE = Duration.ofSeconds(120);

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "ar"})
    void anAdministratorBacksUpNowAndSeesTheBackupAppear(String language) {
        Browser.requireBuiltWebClient();
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession administrator = organisation.userAt(organisation.siteA, "ADMINISTRATOR");
        administrator.enrolSecondFactor();
        String secret = TotpCodes.secretOf(administrator
                        .get("/api/session")
                        .body()
                        .path("user")
                        .path("id")
                        .asString())
                .orElseThrow();
        ApiSession.Response before = administrator.get("/api/backups");
        assertThat(before.status()).as(before.body().toString()).isEqualTo(200);
        String lastBefore = before.body().path("last").path("createdAt").asString("");

        try (Browser browser = Browser.start()) {
            browser.driver.get("http://localhost:" + port + "/login");
            browser.click("lang-" + language);
            browser.type("login-username", organisation.username(administrator));
            browser.type("login-password", TestOrganisation.PASSWORD);
            browser.click("login-submit");
            browser.type("login-code", TotpCodes.fresh(secret));
            browser.click("login-code-submit");
            browser.find("menu-button");
            browser.driver.get("http://localhost:" + port + "/admin");
            browser.find("backups-panel");

            browser.click("backups-now");
            browser.type("confirm-password", TestOrganisation.PASSWORD);
            browser.type("confirm-code", TotpCodes.fresh(secret));
            browser.click("confirm-submit");

            new WebDriverWait(browser.driver, BACKUP_PATIENCE).until(driver -> {
                String shown =
                        driver.findElement(Browser.byTestId("backups-last")).getAttribute("data-created-at");
                return shown != null && !shown.isEmpty() && !shown.equals(lastBefore);
            });
            browser.waitUntil(driver ->
                    driver.findElements(Browser.byTestId("backups-running")).isEmpty());
            assertThat(browser.find("backups-last").getText())
                    .contains(language.equals("ar") ? "أُعيدت قراءتها كاملة" : "relue entièrement");
            assertThat(browser.find("backups-now").isEnabled())
                    .as("another backup may be asked for")
                    .isTrue();
            JavascriptExecutor script = (JavascriptExecutor) browser.driver;
            assertThat(script.executeScript("return document.documentElement.dir"))
                    .isEqualTo(language.equals("ar") ? "rtl" : "ltr");
        }

        JsonNode after = administrator.get("/api/backups").body();
        assertThat(after.path("last").path("createdAt").asString()).isNotEqualTo(lastBefore);
        assertThat(after.path("last").path("madeBy").asString()).isEqualTo("ADMINISTRATOR");
        assertThat(after.path("last").path("restorable").asBoolean()).isTrue();
    }
}
