package org.passerelle.browser;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.passerelle.support.TestOrganisation;
import org.springframework.core.io.ClassPathResource;

/**
 * Debian's headless Chromium driven through its ChromeDriver. Outside CI a machine without them
 * skips the browser tests; in CI their absence fails.
 */
final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;

    private Browser(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    static Browser start() {
        boolean available = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("CI") == null) {
            assumeTrue(available, "Debian's chromium and chromium-driver are not installed");
        } else if (!available) {
            fail("chromium and chromium-driver must be installed for the browser tests in CI");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=412,915",
                "--lang=fr");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        return new Browser(new ChromeDriver(service, options));
    }

    WebElement find(String testId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(byTestId(testId)));
    }

    void click(String testId) {
        wait.until(ExpectedConditions.presenceOfElementLocated(byTestId(testId)));
        openMenuIfFolded(testId);
        wait.until(ExpectedConditions.elementToBeClickable(byTestId(testId))).click();
    }

    /** On a phone the navigation, account and language buttons are behind the header's menu button. */
    void openMenuIfFolded(String testId) {
        boolean folded =
                driver.findElements(By.cssSelector("#app-menu:not(.open) [data-testid='" + testId + "']")).stream()
                        .anyMatch(element -> !element.isDisplayed());
        if (folded) {
            wait.until(ExpectedConditions.elementToBeClickable(byTestId("menu-button")))
                    .click();
        }
    }

    void type(String testId, String text) {
        WebElement field = find(testId);
        field.clear();
        field.sendKeys(text);
    }

    void waitForText(String testId, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(byTestId(testId), text));
    }

    void waitUntil(java.util.function.Function<WebDriver, Boolean> condition) {
        wait.until(condition::apply);
    }

    /**
     * Skips a browser test where the web client was not built ({@code -Dskip.web=true}); in CI a
     * missing build fails it instead.
     */
    static void requireBuiltWebClient() {
        boolean built = new ClassPathResource("static/index.html").exists();
        if (System.getenv("CI") == null) {
            assumeTrue(built, "the web client was not built (-Dskip.web=true)");
        } else if (!built) {
            fail("the web client must be built for the browser tests in CI");
        }
    }

    /** Signs {@code user} in on the login screen of the server on {@code port}, up to the search screen. */
    void logIn(int port, String user) {
        driver.get("http://localhost:" + port + "/login");
        type("login-username", user);
        type("login-password", TestOrganisation.PASSWORD);
        click("login-submit");
        find("search-input");
    }

    static By byTestId(String testId) {
        return By.cssSelector("[data-testid='" + testId + "']");
    }

    @Override
    public void close() {
        driver.quit();
    }
}
