import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * What the benchmark drivers share: a signed-in user's HTTP session (cookies, CSRF token, gzip),
 * the administrator's sign-in with a second factor, options, answers checked and percentiles. Not
 * run on its own: a driver beside it uses it through the JDK's multi-file source launch (JDK 22 or
 * newer), as in {@code java bench/OutbreakDriver.java ...}.
 */
final class BenchClient {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");

    private BenchClient() {}

    /** One answer: its status, its body (unzipped), how long it took and its size on the wire. */
    record Result(int status, String body, long nanos, long wireBytes) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** One user's session: its own cookies and CSRF token. */
    static final class Session {
        private final HttpClient http;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final URI base;

        Session(URI base, ExecutorService executor) {
            this.base = base;
            this.http = HttpClient.newBuilder()
                    .cookieHandler(cookies)
                    .executor(executor)
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
        }

        private String csrfToken() {
            for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
                if (cookie.getName().equals("XSRF-TOKEN")) {
                    return cookie.getValue();
                }
            }
            return "";
        }

        Result get(String path) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET());
        }

        /** A GET asking for another format than JSON, such as {@code text/csv}. */
        Result get(String path, String accept) {
            return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Accept", accept));
        }

        Result send(String method, String path, String json) {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json"));
        }

        private Result send(HttpRequest.Builder request) {
            if (request.build().headers().firstValue("Accept").isEmpty()) {
                request.header("Accept", "application/json");
            }
            request.header("Accept-Encoding", "gzip")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .timeout(Duration.ofSeconds(120));
            long start = System.nanoTime();
            try {
                HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] bytes = response.body();
                boolean gzipped = response.headers()
                        .firstValue("Content-Encoding")
                        .map("gzip"::equalsIgnoreCase)
                        .orElse(false);
                byte[] body = gzipped ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
                return new Result(
                        response.statusCode(),
                        new String(body, StandardCharsets.UTF_8),
                        System.nanoTime() - start,
                        bytes.length);
            } catch (IOException e) {
                return new Result(-1, e.toString(), System.nanoTime() - start, 0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "interrupted", System.nanoTime() - start, 0);
            }
        }

        Result login(String username, String password) {
            get("/api/session");
            return send("POST", "/api/session", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        }

        /** Signs a user in and checks the answer. */
        Session signedIn(String username, String password) {
            require(login(username, password), "login of " + username);
            return this;
        }

        /**
         * Signs the administrator in: enrols their second factor on a fresh server (keeping its secret
         * in the temporary directory, per port), or answers it with the secret kept by an earlier run.
         */
        Session administrator(String username, String password) throws Exception {
            Result login = login(username, password);
            require(login, "administrator login");
            Path secretFile =
                    Path.of(System.getProperty("java.io.tmpdir"), "passerelle-bench-totp-" + base.getPort() + ".secret");
            if (login.body().contains("\"secondFactorRequired\":true")) {
                String secret = Files.readString(secretFile).strip();
                Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
                require(send("POST", "/api/session/second-factor", "{\"code\":\"" + LoadDriver.totp(secret) + "\"}"),
                        "second-factor login");
                return this;
            }
            if (!login.body().contains("\"required\":true") || login.body().contains("\"enrolled\":true")) {
                return this;
            }
            Result started = send("POST", "/api/session/second-factor/enrolment", "{}");
            require(started, "second-factor enrolment");
            String secret = first(SECRET, started.body());
            require(send("PUT", "/api/session/second-factor/enrolment", "{\"code\":\"" + LoadDriver.totp(secret) + "\"}"),
                    "second-factor confirmation");
            Files.writeString(secretFile, secret);
            return this;
        }
    }

    /**
     * The options given as {@code --name value} pairs over their defaults; an unknown name or a
     * missing {@code --admin-password} stops the driver.
     */
    static Map<String, String> options(String[] args, Map<String, String> defaults) {
        Map<String, String> options = new HashMap<>(defaults);
        options.putIfAbsent("--base-url", "http://127.0.0.1:8080");
        options.putIfAbsent("--admin-user", "admin");
        options.putIfAbsent("--admin-password", "");
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        if (options.get("--admin-password").isEmpty()) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        return options;
    }

    /** The first group of {@code pattern} in an answer; stops the driver if there is none. */
    static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + abbreviate(body));
        }
        return matcher.group(1);
    }

    /** Stops the driver unless the answer is a success. */
    static Result require(Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException(what + ": HTTP " + result.status() + " " + abbreviate(result.body()));
        }
        return result;
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    /** The nearest-rank percentile {@code p} (0 to 1) of durations sorted in increasing order. */
    static double at(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** "p50 …, p95 …, p99 …, max …" in milliseconds, of durations in nanoseconds (sorted here). */
    static String percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f", at(sorted, 0.50) / 1e6,
                at(sorted, 0.95) / 1e6, at(sorted, 0.99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code step} for 0 to {@code count - 1}, at most 8 at a time (the server's pool is small). */
    static void parallel(ExecutorService io, int count, Step step) {
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int worker = 0; worker < Math.min(8, count); worker++) {
            work.add(io.submit(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    step.run(i);
                }
                return null;
            }));
        }
        try {
            for (Future<?> one : work) {
                one.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    interface Read {
        Result read(int i);
    }

    /** {@code count} reads one after the other (after 20 not measured), each checked; logs their percentiles. */
    static void measure(String what, int count, Read read) {
        for (int i = 0; i < 20; i++) {
            require(read.read(i), what);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Result result = read.read(i);
            require(result, what);
            nanos[i] = result.nanos();
        }
        log("%s: %d reads, %s", what, count, percentiles(nanos));
    }

    static void log(String format, Object... args) {
        System.err.println("[" + LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
    }
}
