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
 * Load driver for the stock ledger: concurrent dispensings from one place must never drive a
 * balance below zero nor lose a movement. Single file, JDK only:
 *
 * <pre>java bench/StockDriver.java --base-url http://127.0.0.1:8080 --admin-password ... \
 *     --dispensers 16 --seconds 60 --stock 20000</pre>
 *
 * <p>As the administrator it creates a site, a pharmacy there, a logistician who receives
 * {@code --stock} tablets of paracetamol in two lots, and {@code --dispensers} clinicians; one of
 * them signs a consultation prescribing paracetamol. Then every clinician dispenses 1 to 3 tablets
 * of that line from the pharmacy, as fast as it can, for {@code --seconds}, sending one request in
 * five twice (a retry after a lost answer). At the end it checks, through the API, that the
 * balance is what was received minus what was answered 201 (0 lost, 0 counted twice), that no lot
 * is below zero, and prints the throughput and latencies.
 */
public final class StockDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");
    private static final Pattern QUANTITY = Pattern.compile("\"quantity\"\\s*:\\s*(-?[0-9]+)");
    private static final Pattern CODE = Pattern.compile("\"code\"\\s*:\\s*\"([a-z-]+)\"");

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
    private final int dispensers;
    private final int seconds;
    private final int stock;

    StockDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.adminUser = options.get("--admin-user");
        this.adminPassword = options.get("--admin-password");
        this.dispensers = Integer.parseInt(options.get("--dispensers"));
        this.seconds = Integer.parseInt(options.get("--seconds"));
        this.stock = Integer.parseInt(options.get("--stock"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:8080",
                "--admin-user", "admin",
                "--admin-password", "",
                "--dispensers", "16",
                "--seconds", "60",
                "--stock", "20000"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        if (options.get("--admin-password").isEmpty()) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        boolean sound = new StockDriver(options).run();
        System.exit(sound ? 0 : 1);
    }

    boolean run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        Session admin = new Session(base, io);
        Result login = admin.login(adminUser, adminPassword);
        require(login, "administrator login");
        secondFactor(admin, login);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Result site = admin.send("POST", "/api/sites", "{\"programmeId\":\"" + programme(admin)
                + "\",\"name\":\"Stock bench " + runId + "\",\"kind\":\"FIXED\",\"city\":\"Calais\"}");
        require(site, "create site");
        String siteId = first(ID, site.body());
        String password = "stock-bench-" + runId + "-long-password";
        Session logistician = user(admin, io, "stock-" + runId + "-log", password, "LOGISTICIAN", siteId);
        Result place = logistician.send("POST", "/api/stock/locations", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"siteId\":\"" + siteId + "\",\"kind\":\"PHARMACY\",\"name\":\"Bench pharmacy\"}");
        require(place, "create pharmacy");
        String pharmacy = first(ID, place.body());
        receive(logistician, pharmacy, "EARLY", "2029-01-31", stock / 2);
        receive(logistician, pharmacy, "LATE", "2031-01-31", stock - stock / 2);
        List<Session> clinicians = new ArrayList<>();
        for (int i = 0; i < dispensers; i++) {
            clinicians.add(user(admin, io, "stock-" + runId + "-" + i, password, "CLINICIAN", siteId));
        }
        String encounter = consultation(clinicians.getFirst());
        log("%d clinicians at a new site, %d tablets at the pharmacy; dispensing for %d s", dispensers, stock, seconds);
        return dispense(clinicians, pharmacy, encounter, logistician, io);
    }

    private boolean dispense(List<Session> clinicians, String pharmacy, String encounter, Session logistician,
            ExecutorService io) throws Exception {
        Map<String, Integer> dispensed = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> work = new ArrayList<>();
        for (Session clinician : clinicians) {
            work.add(io.submit(() -> {
                for (int request = 0; System.nanoTime() < end; request++) {
                    int quantity = 1 + request % 3;
                    String id = UUID.randomUUID().toString();
                    String body = "{\"id\":\"" + id + "\",\"encounterId\":\"" + encounter
                            + "\",\"line\":0,\"locationId\":\"" + pharmacy + "\",\"quantity\":" + quantity + "}";
                    for (int send = 0; send < (request % 5 == 0 ? 2 : 1); send++) {
                        Result result = clinician.send("POST", "/api/stock/dispensings", body);
                        latencies.add(result.nanos());
                        if (result.status() == 201) {
                            dispensed.put(id, quantity);
                        } else if (result.status() == 409 && result.body().contains("stock-insufficient")) {
                            refused.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                            log("unexpected answer: HTTP %d %s", result.status(), abbreviate(result.body()));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> one : work) {
            one.get();
        }
        long taken = dispensed.values().stream().mapToLong(Integer::longValue).sum();
        Result balances = logistician.get("/api/stock/locations/" + pharmacy + "/balances");
        require(balances, "balances");
        long left = 0;
        long negative = 0;
        Matcher matcher = QUANTITY.matcher(balances.body());
        while (matcher.find()) {
            long quantity = Long.parseLong(matcher.group(1));
            left += quantity;
            negative += quantity < 0 ? 1 : 0;
        }
        long lost = stock - taken - left;
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        log("requests: %d (%.1f/s); dispensings recorded: %d (%.1f/s), %d tablets; refused as insufficient: %d;"
                + " other failures: %d", sorted.length, sorted.length / (double) seconds, dispensed.size(),
                dispensed.size() / (double) seconds, taken, refused.get(), failures.get());
        log("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f", at(sorted, 0.50) / 1e6, at(sorted, 0.95) / 1e6,
                at(sorted, 0.99) / 1e6, sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        log("balance left: %d; lots below zero: %d; movements lost or counted twice: %d", left, negative, lost);
        return negative == 0 && lost == 0 && failures.get() == 0;
    }

    private static double at(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private Session user(Session admin, ExecutorService io, String username, String password, String role,
            String siteId) {
        require(admin.send("POST", "/api/users", "{\"username\":\"" + username + "\",\"displayName\":\"Stock bench "
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
