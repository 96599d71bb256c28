package org.passerelle.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * On demand, not in the default test run (its name does not end in Test): the first sync of a
 * clinician's phone in headless Chromium against a running server loaded with demo data, then the
 * offline search over what the phone holds.
 *
 * <pre>java -jar target/passerelle.jar --server.port=18501 --passerelle.demo.enabled=true \
 *     --passerelle.demo.persons=20000 --passerelle.demo.consultations-per-person=5 ...
 * ./mvnw -Dtest=OfflineFirstSyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dpasserelle.bench.port=18501 [-Dpasserelle.bench.user=medecin] verify</pre>
 *
 * <p>Prints the time from the device's enrolment (the password given) to its first sync finished
 * with the keys unwrapped and the store searchable, then the p50 and p95 of 100 searches on the
 * device with the network cut, as the page's performance timeline measured them.
 */
class OfflineFirstSyncBenchmark {

    private static final String PASSWORD = "demo-passerelle-2026";
    private static final String[] QUERIES = {
        "Mohamed", "Muhammad Ali", "Ahmed", "Fatima", "Fatma", "Aicha", "Aïcha Diallo", "Ibrahim", "Hassan", "Hasan",
        "Mamadou", "Amina", "Yusuf", "Youssef", "Omar", "Oumar", "Mariam", "Maryam", "Hawa", "Abdoulaye"
    };

    @Test
    void firstSyncAndOfflineSearch() {
        String port = System.getProperty("passerelle.bench.port", "");
        assumeTrue(!port.isEmpty(), "-Dpasserelle.bench.port names the running server to measure");
        String user = System.getProperty("passerelle.bench.user", "medecin");
        String base = "http://localhost:" + port;
        try (Browser browser = Browser.start()) {
            WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofMinutes(15));
            browser.driver.get(base + "/login");
            browser.type("login-username", user);
            browser.type("login-password", PASSWORD);
            browser.click("login-submit");
            // a user of several sites chooses where they work first
            slow.until(ExpectedConditions.or(
                    ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("search-input")),
                    ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("site-option"))));
            if (!browser.driver.findElements(Browser.byTestId("site-option")).isEmpty()) {
                browser.click("site-option");
                slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("search-input")));
            }
            browser.driver.get(base + "/account");
            browser.type("device-name", "Benchmark phone");
            browser.type("device-password", PASSWORD);
            long start = System.nanoTime();
            browser.click("device-enrol-submit");
            String[] downloading = {""};
            slow.until(driver -> {
                String state = driver.findElements(Browser.byTestId("sync-state")).stream()
                        .map(element -> element.getText())
                        .findFirst()
                        .orElse("");
                if (state.matches(".*\\d.*") && !state.contains("Dernière synchronisation")) {
                    downloading[0] = state;
                }
                return state.contains("Dernière synchronisation");
            });
            double firstSync = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    Locale.ROOT,
                    "first sync of %s: %.1f s (last progress shown: %s)%n",
                    user,
                    firstSync,
                    downloading[0]);
            printSplit((JavascriptExecutor) browser.driver);
            printStorage((JavascriptExecutor) browser.driver);

            cutNetwork(browser);
            slow.until(ExpectedConditions.visibilityOfElementLocated(Browser.byTestId("offline-screen")));
            JavascriptExecutor page = (JavascriptExecutor) browser.driver;
            page.executeScript("performance.clearMeasures('offline-search')");
            int found = 0;
            for (int i = 0; i < 100; i++) {
                browser.type("offline-query", QUERIES[i % QUERIES.length]);
                browser.click("offline-search-submit");
                int expected = i + 1;
                slow.until(driver ->
                        ((Number) page.executeScript("return performance.getEntriesByName('offline-search').length"))
                                        .intValue()
                                >= expected);
                found += browser.driver
                        .findElements(Browser.byTestId("offline-result"))
                        .size();
            }
            List<Double> times = new ArrayList<>();
            for (Object each : (List<?>)
                    page.executeScript("return performance.getEntriesByName('offline-search').map(e => e.duration)")) {
                times.add(((Number) each).doubleValue());
            }
            times.sort(null);
            assertThat(times).hasSize(100);
            assertThat(found).as("the searches found persons on the device").isPositive();
            System.out.printf(
                    Locale.ROOT,
                    "offline search, 100 searches: p50 %.0f ms, p95 %.0f ms, max %.0f ms (%d results shown)%n",
                    times.get(49),
                    times.get(94),
                    times.get(99),
                    found);
        }
    }

    /** Where the first sync's time went, as the device's timeline measured it (see syncTimings.ts). */
    private static void printSplit(JavascriptExecutor page) {
        Map<?, ?> split = (Map<?, ?>) page.executeScript("""
                const steps = ['sync-fetch', 'sync-server', 'sync-read', 'sync-seal', 'sync-write', 'sync-page'];
                const split = {};
                for (const step of steps) {
                  const entries = performance.getEntriesByName(step);
                  split[step] = [entries.length, entries.reduce((sum, each) => sum + each.duration, 0)];
                }
                return split;""");
        split.forEach((step, value) -> {
            List<?> figures = (List<?>) value;
            System.out.printf(
                    Locale.ROOT,
                    "  %-12s %6d measures, %8.1f s in all%n",
                    step,
                    ((Number) figures.get(0)).longValue(),
                    ((Number) figures.get(1)).doubleValue() / 1000);
        });
    }

    /** The origin's storage in use, and how many persons and consultations the device's stores hold. */
    private static void printStorage(JavascriptExecutor page) {
        Map<?, ?> storage = (Map<?, ?>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                (async () => {
                  const counts = { persons: 0, encounters: 0 };
                  for (const known of await indexedDB.databases()) {
                    if (!known.name.startsWith('passerelle-records-')) continue;
                    const db = await new Promise((ok, fail) => {
                      const opening = indexedDB.open(known.name);
                      opening.onsuccess = () => ok(opening.result);
                      opening.onerror = () => fail(opening.error);
                    });
                    for (const [store, key] of [['people', 'persons'], ['encounters', 'encounters']]) {
                      counts[key] += await new Promise((ok) => {
                        const counting = db.transaction(store).objectStore(store).count();
                        counting.onsuccess = () => ok(counting.result);
                      });
                    }
                    db.close();
                  }
                  const estimate = await navigator.storage.estimate();
                  return { ...counts, usage: estimate.usage };
                })().then(done, (error) => done({ error: String(error) }));""");
        long persons = ((Number) storage.get("persons")).longValue();
        long usage = ((Number) storage.get("usage")).longValue();
        System.out.printf(
                Locale.ROOT,
                "device store: %d persons, %d consultations, %.1f MB used by the origin (%.0f kB per 1,000"
                        + " persons, their consultations included)%n",
                persons,
                ((Number) storage.get("encounters")).longValue(),
                usage / 1e6,
                persons == 0 ? 0.0 : usage / 1e3 / persons * 1000);
    }

    /** Cuts the page's network through DevTools' network emulation. */
    private static void cutNetwork(Browser browser) {
        ChromeDriver chrome = (ChromeDriver) browser.driver;
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
