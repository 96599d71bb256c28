import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the reports dashboard's first paint in headless Chromium, driven through chromedriver's
 * W3C WebDriver protocol (no dependency): logs in, then opens {@code /reports} a number of times
 * and reads, from the page's own Performance API, the first contentful paint and the time at which
 * the headline figures of the report (all sites in scope, this month) are on screen.
 *
 * <pre>java bench/DashboardPaint.java --base-url http://127.0.0.1:8080 --user coordination \
 *     --password demo-passerelle-2026 --runs 10</pre>
 *
 * Needs {@code chromium} and {@code chromedriver} (Debian packages) on the path.
 */
public final class DashboardPaint {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SESSION_ID = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern VALUE = Pattern.compile("\"value\"\\s*:\\s*(-?[0-9.]+|null|true|false|\"[^\"]*\")");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String base = options.getOrDefault("base-url", "http://127.0.0.1:8080");
        int runs = Integer.parseInt(options.getOrDefault("runs", "10"));
        int port = Integer.parseInt(options.getOrDefault("driver-port", "9517"));
        Process driver = new ProcessBuilder("chromedriver", "--port=" + port).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        String wd = "http://127.0.0.1:" + port;
        try {
            for (int tries = 0; ; tries++) { // wait for chromedriver to listen
                try {
                    HTTP.send(HttpRequest.newBuilder(URI.create(wd + "/status")).build(), HttpResponse.BodyHandlers.discarding());
                    break;
                } catch (java.io.IOException e) {
                    if (tries > 50) {
                        throw e;
                    }
                    Thread.sleep(200);
                }
            }
            String session = match(SESSION_ID, post(wd + "/session", """
                    {"capabilities":{"alwaysMatch":{"goog:chromeOptions":{"binary":"/usr/bin/chromium",
                     "args":["--headless=new","--no-sandbox","--disable-gpu","--disable-dev-shm-usage","--window-size=1280,900"]}}}}
                    """));
            String s = wd + "/session/" + session;
            post(s + "/timeouts", "{\"script\":60000}");
            post(s + "/url", "{\"url\":\"" + base + "/login\"}");
            String login = script(s, """
                    const [user, password] = arguments;
                    await fetch('/api/session', {credentials: 'same-origin'});
                    const token = decodeURIComponent((document.cookie.match(/XSRF-TOKEN=([^;]+)/) || [])[1] || '');
                    const r = await fetch('/api/session', {method: 'POST', credentials: 'same-origin',
                        headers: {'Content-Type': 'application/json', 'X-XSRF-TOKEN': token},
                        body: JSON.stringify({username: user, password})});
                    return r.status;
                    """, options.getOrDefault("user", "coordination"), options.getOrDefault("password", "demo-passerelle-2026"));
            System.out.println("login: " + login);
            List<Double> paints = new ArrayList<>();
            List<Double> figures = new ArrayList<>();
            for (int i = 0; i < runs + 1; i++) {
                post(s + "/url", "{\"url\":\"" + base + "/reports\"}");
                String shown = script(s, """
                        const deadline = performance.now() + 20000;
                        while (!document.querySelector('[data-testid="report-tile"]') && performance.now() < deadline) {
                            await new Promise(r => setTimeout(r, 5));
                        }
                        return performance.now();
                        """);
                String fcp = script(s, """
                        const e = performance.getEntriesByName('first-contentful-paint')[0];
                        return e ? e.startTime : -1;
                        """);
                if (i > 0) { // the first load fills the browser cache
                    paints.add(Double.parseDouble(fcp));
                    figures.add(Double.parseDouble(shown));
                }
            }
            report("first contentful paint", paints);
            report("headline figures shown", figures);
            HTTP.send(HttpRequest.newBuilder(URI.create(s)).DELETE().build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            driver.destroy();
        }
        System.exit(0);
    }

    private static void report(String what, List<Double> ms) {
        double[] sorted = ms.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "%-24s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms  (n=%d)%n", what,
                sorted[(int) Math.ceil(0.5 * sorted.length) - 1], sorted[(int) Math.ceil(0.95 * sorted.length) - 1],
                sorted[sorted.length - 1], sorted.length);
    }

    private static String script(String session, String body, String... args) throws Exception {
        StringBuilder json = new StringBuilder("{\"script\":").append(quote("return (async () => {" + body + "})();"))
                .append(",\"args\":[");
        for (int i = 0; i < args.length; i++) {
            json.append(i > 0 ? "," : "").append(quote(args[i]));
        }
        json.append("]}");
        return match(VALUE, post(session + "/execute/sync", json.toString())).replace("\"", "");
    }

    private static String post(String url, String json) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String match(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("unexpected answer: " + text);
        }
        return m.group(1);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
