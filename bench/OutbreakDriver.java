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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Benchmark of the outbreak line lists at scale: loads {@code --cases} cholera cases into one site
 * through the API ({@code --writers} clinicians at once), then asks for the weekly epidemic curve
 * of the whole line list {@code --curves} times and downloads the full line-list CSV once. Prints
 * the load rate, the curve's p50/p95/p99 and the export's time and size. Single file, JDK only:
 *
 * <pre>java bench/OutbreakDriver.java --base-url http://127.0.0.1:18620 --admin-password ... \
 *     --cases 200000 --writers 16 --curves 200</pre>
 *
 * <p>Targets: epicurve p95 at most 300 ms and the full CSV export within 30 s at 200,000 cases.
 */
public final class OutbreakDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");
    private static final String[] CLASSIFICATIONS = {"SUSPECTED", "SUSPECTED", "PROBABLE", "CONFIRMED", "DISCARDED"};
    private static final String[] SEXES = {"FEMALE", "MALE"};

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

        Result send(String method, String path, String json) {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json"));
        }

        private Result send(HttpRequest.Builder request) {
            request.header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip")
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
    }

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final int cases;
    private final int writers;
    private final int curves;

    OutbreakDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.adminUser = options.get("--admin-user");
        this.adminPassword = options.get("--admin-password");
        this.cases = Integer.parseInt(options.get("--cases"));
        this.writers = Integer.parseInt(options.get("--writers"));
        this.curves = Integer.parseInt(options.get("--curves"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:8080",
                "--admin-user", "admin",
                "--admin-password", "",
                "--cases", "200000",
                "--writers", "16",
                "--curves", "200"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        if (options.get("--admin-password").isEmpty()) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        new OutbreakDriver(options).run();
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        Session admin = new Session(base, io);
        Result login = admin.login(adminUser, adminPassword);
        require(login, "administrator login");
        secondFactor(admin, login);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Result site = admin.send("POST", "/api/sites", "{\"programmeId\":\"" + programme(admin)
                + "\",\"name\":\"Outbreak bench " + runId + "\",\"kind\":\"FIXED\",\"city\":\"Mamoudzou\"}");
        require(site, "create site");
        String siteId = first(ID, site.body());
        String password = "outbreak-bench-" + runId + "-long-password";
        List<Session> clinicians = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            clinicians.add(user(admin, io, "outbreak-" + runId + "-" + i, password, "CLINICIAN", siteId));
        }
        Session coordinator = user(admin, io, "outbreak-" + runId + "-coord", password, "COORDINATOR", siteId);
        load(clinicians, siteId, io);
        curves(coordinator, siteId);
        export(coordinator, siteId);
    }

    /** Cases spread over the last 104 weeks, a fifth discarded, one in twenty dead. */
    private void load(List<Session> clinicians, String siteId, ExecutorService io) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        LocalDate today = LocalDate.now();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (Session clinician : clinicians) {
            running.add(io.submit(() -> {
                for (long n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
                    LocalDate onset = today.minusDays(n % 728);
                    String outcome = n % 20 == 0 && !onset.plusDays(1).isAfter(today)
                            ? ",\"outcome\":\"DIED\",\"outcomeOn\":\"" + onset.plusDays(1) + "\"" : "";
                    Result recorded = clinician.send("POST", "/api/outbreaks/cases", "{\"id\":\"" + UUID.randomUUID()
                            + "\",\"disease\":\"cholera\",\"siteId\":\"" + siteId + "\",\"sex\":\"" + SEXES[(int) (n % 2)]
                            + "\",\"ageYears\":" + (n % 80) + ",\"classification\":\"" + CLASSIFICATIONS[(int) (n % 5)]
                            + "\",\"onsetOn\":\"" + onset + "\"" + outcome + "}");
                    if (!recorded.ok()) {
                        failed.incrementAndGet();
                    }
                    if (n % 10_000 == 0) {
                        log("%d cases sent", n);
                    }
                }
            }));
        }
        for (Future<?> one : running) {
            one.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("%d cases loaded in %.0f s (%.0f/s), %d refused", cases, seconds, cases / seconds, failed.get());
    }

    private void curves(Session coordinator, String siteId) {
        String from = LocalDate.now().minusWeeks(104).toString();
        long[] nanos = new long[curves];
        for (int i = 0; i < curves; i++) {
            Result curve = coordinator.get("/api/outbreaks/diseases/cholera/epicurve?siteId=" + siteId + "&from=" + from);
            require(curve, "epicurve");
            nanos[i] = curve.nanos();
        }
        Arrays.sort(nanos);
        log("epicurve over 104 weeks, %d requests: p50 %.0f ms, p95 %.0f ms, p99 %.0f ms", curves,
                at(nanos, 0.50) / 1e6, at(nanos, 0.95) / 1e6, at(nanos, 0.99) / 1e6);
    }

    private void export(Session coordinator, String siteId) {
        Result csv = coordinator.get("/api/outbreaks/diseases/cholera/line-list.csv?siteId=" + siteId);
        require(csv, "line-list export");
        long lines = csv.body().chars().filter(c -> c == '\n').count();
        log("line-list CSV: %d lines, %d bytes on the wire, %.1f s", lines, csv.wireBytes(), csv.nanos() / 1e9);
    }

    private static double at(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private Session user(Session admin, ExecutorService io, String username, String password, String role,
            String siteId) {
        require(admin.send("POST", "/api/users", "{\"username\":\"" + username + "\",\"displayName\":\"Outbreak bench "
                + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role
                + "\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"), "create user");
        Session session = new Session(base, io);
        require(session.login(username, password), "login");
        return session;
    }

    private static void receive(Session logistician, String pharmacy, String lot, String expiresOn, int quantity) {
        require(logistician.send("POST", "/api/stock/receipts", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"locationId\":\"" + pharmacy + "\",\"itemCode\":\"paracetamol-500-tab\",\"lot\":\"" + lot
                + "\",\"expiresOn\":\"" + expiresOn + "\",\"quantity\":" + quantity + "}"), "receipt");
    }

    private static String consultation(Session clinician) {
        Result person = clinician.send("POST", "/api/people",
                "{\"details\":{\"chosenName\":\"Stock bench\",\"sex\":\"MALE\"}}");
        require(person, "register");
        Result signed = clinician.send("POST", "/api/encounters", "{\"personId\":\"" + first(ID, person.body())
                + "\",\"formCode\":\"medical-consultation\",\"occurredOn\":\"" + LocalDate.now()
                + "\",\"sign\":true,\"answers\":{\"complaints\":[\"fever\"],\"diagnoses\":[\"J06.9\"],\"prescription\":[{\"medicine\":"
                + "\"paracetamol-500-tab\",\"morning\":1,\"evening\":1,\"days\":3}]}}");
        require(signed, "signed consultation");
        return first(ID, signed.body());
    }

    private String programme(Session admin) {
        Result created = admin.send("POST", "/api/programmes", "{\"code\":\"BENCH\",\"name\":\"Bench programme\"}");
        if (created.ok()) {
            return first(ID, created.body());
        }
        Result all = admin.get("/api/programmes");
        require(all, "list programmes");
        Matcher matcher = PROGRAMME.matcher(all.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no BENCH programme: " + abbreviate(created.body()));
        }
        return matcher.group(1);
    }

    /** Enrols the administrator's second factor on a fresh server, or uses the one the load driver enrolled. */
    private void secondFactor(Session admin, Result login) throws Exception {
        Path secretFile = Path.of(System.getProperty("java.io.tmpdir"),
                "passerelle-bench-totp-" + base.getPort() + ".secret");
        if (login.body().contains("\"secondFactorRequired\":true")) {
            String secret = Files.readString(secretFile).strip();
            Thread.sleep(30_000 - System.currentTimeMillis() % 30_000 + 200);
            require(admin.send("POST", "/api/session/second-factor", "{\"code\":\"" + LoadDriver.totp(secret) + "\"}"),
                    "second-factor login");
            return;
        }
        if (!login.body().contains("\"required\":true") || login.body().contains("\"enrolled\":true")) {
            return;
        }
        Result started = admin.send("POST", "/api/session/second-factor/enrolment", "{}");
        require(started, "second-factor enrolment");
        String secret = first(SECRET, started.body());
        require(admin.send("PUT", "/api/session/second-factor/enrolment", "{\"code\":\"" + LoadDriver.totp(secret) + "\"}"),
                "second-factor confirmation");
        Files.writeString(secretFile, secret);
    }

    private static String first(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected answer: " + abbreviate(body));
        }
        return matcher.group(1);
    }

    private static void require(Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException(what + ": HTTP " + result.status() + " " + abbreviate(result.body()));
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static void log(String format, Object... args) {
        System.err.println("[" + java.time.LocalTime.now().withNano(0) + "] " + String.format(Locale.ROOT, format, args));
    }

}
