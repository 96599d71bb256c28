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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Protocol-level load driver for offline synchronisation. Single file, JDK only:
 *
 * <pre>java bench/SyncDriver.java --base-url http://127.0.0.1:8080 --admin-password ... \
 *     --devices 50 --persons 5000 --consultations 0 --batch 100</pre>
 *
 * <p>As the administrator it creates a site and one clinician per simulated device; then:
 *
 * <ol>
 *   <li><b>push</b>: the devices, all at once, push {@code --persons} registrations made offline
 *       (and {@code --consultations} signed consultations of those persons) in batches of {@code
 *       --batch} mutations, each batch sent twice (the second must be answered as replays);
 *   <li><b>pull</b>: one device pulls everything from no cursor, gzipped, {@code --page} changes
 *       at a time, and counts what it received;
 *   <li><b>concurrent pull</b>: every device pulls everything at once.
 * </ol>
 *
 * <p>Reports mutations per second, batch latency percentiles, changes per second and bytes on the
 * wire. Every non-2xx answer and every rejected mutation is an error.
 */
public final class SyncDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");
    private static final Pattern CURSOR = Pattern.compile("\"cursor\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern MORE = Pattern.compile("\"more\"\\s*:\\s*(true|false)");
    private static final Pattern OUTCOME = Pattern.compile("\"outcome\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*true");
    private static final Pattern CHANGE = Pattern.compile("\"change\"\\s*:\\s*\"(UPSERT|MERGED|ERASED)\"");
    private static final Pattern UPSERTED = Pattern.compile(
            "\"recordType\":\"([a-z-]+)\",\"recordId\":\"([0-9a-f-]{36})\",\"change\":\"UPSERT\"");
    private static final String[] NAMES = {
        "Mohammed", "Ahmad", "Tesfaye", "Yonas", "Hassan", "Ibrahim", "Omar", "Yusuf", "Mamadou", "Dawit",
        "Fatima", "Amina", "Aisha", "Mariam", "Hawa", "Zainab", "Saba", "Selam", "Halima", "Nour"
    };

    record Config(
            URI baseUrl,
            String adminUser,
            String adminPassword,
            int devices,
            int persons,
            int consultations,
            int batch,
            int page,
            String mode) {}

    /**
     * An answer: {@code nanos} from the first send to the answer kept (waits for 503 included),
     * {@code lastNanos} the time of the attempt answered, {@code attempts} how many were sent.
     */
    record Result(int status, String body, long nanos, long wireBytes, long lastNanos, int attempts) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** How often a push or pull answered 503 sync-busy was sent again, and how many gave up. */
    static final AtomicLong BUSY_RETRIES = new AtomicLong();
    static final AtomicLong BUSY_GIVEN_UP = new AtomicLong();
    private static final int MAX_ATTEMPTS = 60;

    /** One user's session: its own cookies, CSRF token and device id. */
    static final class Session {
        private final HttpClient http;
        private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        private final URI base;
        final UUID device = UUID.randomUUID();

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

        /**
         * Sends the request, and again after the server's Retry-After (plus up to a second, so that
         * refused devices do not all come back at once) while it answers 503: a push or pull is
         * idempotent, so the same request is sent as it was. This is what a device does.
         */
        private Result send(HttpRequest.Builder request) {
            request.header("Accept", "application/json")
                    .header("Accept-Encoding", "gzip")
                    .header("X-XSRF-TOKEN", csrfToken())
                    .header("X-Passerelle-Device", device.toString())
                    .timeout(Duration.ofSeconds(120));
            HttpRequest built = request.build();
            long start = System.nanoTime();
            for (int attempt = 1; ; attempt++) {
                long sent = System.nanoTime();
                try {
                    HttpResponse<byte[]> response = http.send(built, HttpResponse.BodyHandlers.ofByteArray());
                    long answered = System.nanoTime();
                    if (response.statusCode() == 503 && attempt < MAX_ATTEMPTS) {
                        BUSY_RETRIES.incrementAndGet();
                        long seconds = response.headers().firstValueAsLong("Retry-After").orElse(2);
                        Thread.sleep(seconds * 1000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1000));
                        continue;
                    }
                    if (response.statusCode() == 503) {
                        BUSY_GIVEN_UP.incrementAndGet();
                    }
                    byte[] bytes = response.body();
                    boolean gzipped = response.headers()
                            .firstValue("Content-Encoding")
                            .map("gzip"::equalsIgnoreCase)
                            .orElse(false);
                    byte[] body = gzipped ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes() : bytes;
                    return new Result(response.statusCode(), new String(body, StandardCharsets.UTF_8),
                            answered - start, bytes.length, answered - sent, attempt);
                } catch (IOException e) {
                    return new Result(-1, e.toString(), System.nanoTime() - start, 0, System.nanoTime() - sent, attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new Result(-1, "interrupted", System.nanoTime() - start, 0, 0, attempt);
                }
            }
        }

        /** Enrols this session's device, as the web client does after an online sign-in. */
        void enrol(String password) {
            require(send("POST", "/api/session/reauthentication", "{\"password\":\"" + password + "\"}"),
                    "confirm identity");
            byte[] token = new byte[32];
            new java.security.SecureRandom().nextBytes(token);
            require(send("POST", "/api/devices", "{\"id\":\"" + device + "\",\"installationId\":\""
                    + UUID.randomUUID() + "\",\"name\":\"Sync bench\",\"token\":\""
                    + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(token) + "\"}"),
                    "enrol device");
        }

        Result login(String username, String password) {
            get("/api/session");
            return send("POST", "/api/session", "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
        }
    }

    private final Config config;
    private final AtomicLong errors = new AtomicLong();
    private final java.util.Set<String> pushed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicLong doubled = new AtomicLong();

    SyncDriver(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        new SyncDriver(parse(args)).run();
        System.exit(0);
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        Session admin = new Session(config.baseUrl(), io);
        Result login = admin.login(config.adminUser(), config.adminPassword());
        require(login, "administrator login");
        secondFactor(admin, login);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        Result site = admin.send("POST", "/api/sites", "{\"programmeId\":\"" + programme(admin)
                + "\",\"name\":\"Sync bench " + runId + "\",\"kind\":\"MOBILE_TEAM\",\"city\":\"Calais\"}");
        require(site, "create site");
        String siteId = first(ID, site.body());
        String password = "sync-bench-" + runId + "-long-password";
        if (config.mode().equals("first-sync")) {
            firstSync(admin, runId, password, io);
            io.shutdownNow();
            return;
        }
        List<Session> devices = new ArrayList<>();
        for (int i = 0; i < config.devices(); i++) {
            String username = "sync-" + runId + "-" + i;
            require(admin.send("POST", "/api/users", "{\"username\":\"" + username
                    + "\",\"displayName\":\"Sync bench " + i + "\",\"password\":\"" + password
                    + "\",\"roles\":[\"CLINICIAN\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"),
                    "create user");
            Session device = new Session(config.baseUrl(), io);
            require(device.login(username, password), "login");
            device.enrol(password);
            devices.add(device);
        }
        log("%d devices signed in at a new site", devices.size());
        push(devices, siteId, io);
        Session reader = devices.getFirst();
        java.util.Set<String> pulled = pull(List.of(reader), io, "pull, one device");
        java.util.Set<String> missing = new java.util.HashSet<>(pushed);
        missing.removeAll(pulled);
        log("check: %d records pushed, %d pulled by one device, %d missing, %d pulled that were not pushed",
                pushed.size(), pulled.size(), missing.size(), pulled.size() - (pushed.size() - missing.size()));
        pull(devices, io, "pull, every device at once");
        log("errors: %d; answers 503 sync-busy sent again: %d (given up after %d attempts: %d)",
                errors.get(), BUSY_RETRIES.get(), MAX_ATTEMPTS, BUSY_GIVEN_UP.get());
        io.shutdownNow();
    }

    private void push(List<Session> devices, String siteId, ExecutorService io) throws Exception {
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> served = new ConcurrentLinkedQueue<>();
        AtomicLong mutations = new AtomicLong();
        AtomicLong replayed = new AtomicLong();
        List<ConcurrentLinkedQueue<Long>> bySending = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        List<Future<?>> work = new ArrayList<>();
        long start = System.nanoTime();
        for (int d = 0; d < devices.size(); d++) {
            Session device = devices.get(d);
            int persons = share(config.persons(), d, devices.size());
            int consultations = share(config.consultations(), d, devices.size());
            work.add(io.submit(() -> {
                List<String> outbox = outbox(persons, consultations, siteId);
                for (int from = 0; from < outbox.size(); from += config.batch()) {
                    String body = "{\"mutations\":["
                            + String.join(",", outbox.subList(from, Math.min(outbox.size(), from + config.batch())))
                            + "]}";
                    for (int attempt = 0; attempt < 2; attempt++) {
                        Result result = device.send("POST", "/api/sync/push", body);
                        latencies.add(result.nanos());
                        served.add(result.lastNanos());
                        bySending.get(attempt).add(result.lastNanos());
                        if (!result.ok()) {
                            errors.incrementAndGet();
                            log("push failed: HTTP %d %s", result.status(), abbreviate(result.body()));
                            continue;
                        }
                        Matcher outcome = OUTCOME.matcher(result.body());
                        while (outcome.find()) {
                            if (outcome.group(1).equals("REJECTED")) {
                                if (errors.incrementAndGet() <= 3) {
                                    log("rejected: %s", abbreviate(result.body().substring(outcome.start())));
                                }
                            } else if (attempt == 0) {
                                mutations.incrementAndGet();
                            }
                        }
                        if (attempt == 1) {
                            replayed.addAndGet(REPLAYED.matcher(result.body()).results().count());
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("push: %d mutations applied by %d devices in %.1f s (%.0f mutations/s, each batch sent twice: %d"
                + " answered as replays); batch of %d as the device waited for it (503 and retries included): %s;"
                + " as the server answered it: %s",
                mutations.get(), devices.size(), seconds, mutations.get() / seconds, replayed.get(), config.batch(),
                percentiles(latencies), percentiles(served));
        for (int sending = 0; sending < 2; sending++) {
            log("push, %s sending of each batch: %.1f s in all as the server answered them; %s",
                    sending == 0 ? "first" : "second (replays)",
                    bySending.get(sending).stream().mapToLong(Long::longValue).sum() / 1e9,
                    percentiles(bySending.get(sending)));
        }
    }

    private List<String> outbox(int persons, int consultations, String siteId) {
        List<String> mutations = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int i = 0; i < persons; i++) {
            UUID id = UUID.randomUUID();
            ids.add(id);
            pushed.add("person " + id);
            String name = NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + " "
                    + Long.toString(random.nextLong(1L << 40), 36);
            mutations.add(mutation("person", id, siteId, "\"chosenName\":{\"value\":\"" + name
                    + "\"},\"sex\":{\"value\":\"" + (random.nextBoolean() ? "MALE" : "FEMALE")
                    + "\"},\"birthDate\":{\"value\":{\"precision\":\"YEAR\",\"date\":\"" + (1960 + random.nextInt(60))
                    + "-01-01\"}}"));
        }
        for (int i = 0; i < consultations && !ids.isEmpty(); i++) {
            UUID encounter = UUID.randomUUID();
            pushed.add("encounter " + encounter);
            mutations.add(mutation("encounter", encounter, siteId, "\"personId\":{\"value\":\""
                    + ids.get(i % ids.size()) + "\"},\"formCode\":{\"value\":\"medical-consultation\"},"
                    + "\"occurredOn\":{\"value\":\"" + LocalDate.now() + "\"},\"status\":{\"value\":\"SIGNED\"},"
                    + "\"answers.complaints\":{\"value\":[\"cough\"]},\"answers.diagnoses\":{\"value\":[\"B86\"]},"
                    + "\"answers.temperature\":{\"value\":" + (36 + random.nextInt(4)) + "}"));
        }
        return mutations;
    }

    private static String mutation(String type, UUID id, String siteId, String changes) {
        return "{\"mutationId\":\"" + UUID.randomUUID() + "\",\"recordType\":\"" + type + "\",\"recordId\":\"" + id
                + "\",\"operation\":\"CREATE\",\"siteId\":\"" + siteId + "\",\"deviceTime\":\"" + Instant.now()
                + "\",\"changes\":{" + changes + "}}";
    }

    private java.util.Set<String> pull(List<Session> devices, ExecutorService io, String what) throws Exception {
        java.util.Set<String> ids = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.Map<String, AtomicLong> byType = new java.util.concurrent.ConcurrentHashMap<>();
        boolean first = devices.size() == 1;
        AtomicLong changes = new AtomicLong();
        AtomicLong pages = new AtomicLong();
        AtomicLong wire = new AtomicLong();
        AtomicLong plain = new AtomicLong();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        long start = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (Session device : devices) {
            work.add(io.submit(() -> {
                String cursor = "";
                boolean more = true;
                while (more) {
                    Result page = device.get("/api/sync/pull?limit=" + config.page()
                            + (cursor.isEmpty() ? "" : "&cursor=" + cursor));
                    latencies.add(page.nanos());
                    if (!page.ok()) {
                        errors.incrementAndGet();
                        log("pull failed: HTTP %d %s", page.status(), abbreviate(page.body()));
                        return null;
                    }
                    pages.incrementAndGet();
                    wire.addAndGet(page.wireBytes());
                    plain.addAndGet(page.body().length());
                    changes.addAndGet(CHANGE.matcher(page.body()).results().count());
                    if (first) {
                        Matcher upserted = UPSERTED.matcher(page.body());
                        while (upserted.find()) {
                            byType.computeIfAbsent(upserted.group(1), type -> new AtomicLong()).incrementAndGet();
                            if (!ids.add(upserted.group(1) + " " + upserted.group(2))) {
                                doubled.incrementAndGet();
                            }
                        }
                    }
                    cursor = first(CURSOR, page.body());
                    more = first(MORE, page.body()).equals("true");
                }
                return null;
            }));
        }
        for (Future<?> future : work) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        log("%s: %d changes in %d pages in %.1f s (%.0f changes/s), %.1f MB on the wire for %.1f MB of JSON;"
                + " page of %d: %s",
                what, changes.get(), pages.get(), seconds, changes.get() / seconds, wire.get() / 1e6,
                plain.get() / 1e6, config.page(), percentiles(latencies));
        if (first) {
            log("records pulled by type: %s; pulled twice in one pull from no cursor: %d", byType, doubled.get());
        }
        return ids;
    }

    /**
     * The first sync of a user whose sites hold the whole registry (a clinician of every site): one
     * device pulls everything from no cursor, gzipped, as the web client does after its first
     * online sign-in.
     */
    private void firstSync(Session admin, String runId, String password, ExecutorService io) throws Exception {
        String username = "sync-first-" + runId;
        require(admin.send("POST", "/api/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"First sync\",\"password\":\"" + password
                + "\",\"roles\":[\"CLINICIAN\"],\"allSites\":true,\"siteIds\":[]}"), "create user");
        Session device = new Session(config.baseUrl(), io);
        require(device.login(username, password), "login");
        device.enrol(password);
        pull(List.of(device), io, "first sync, one device of a clinician of every site");
        log("errors: %d", errors.get());
    }

    private static int share(int total, int index, int parts) {
        return total / parts + (index < total % parts ? 1 : 0);
    }

    private static String percentiles(ConcurrentLinkedQueue<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        if (sorted.length == 0) {
            return "no request";
        }
        return String.format(Locale.ROOT, "p50 %.0f ms, p95 %.0f ms, max %.0f ms", at(sorted, 0.5) / 1e6,
                at(sorted, 0.95) / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static double at(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
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
                "passerelle-bench-totp-" + config.baseUrl().getPort() + ".secret");
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

    private static Config parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:8080",
                "--admin-user", "admin",
                "--admin-password", "",
                "--devices", "50",
                "--persons", "5000",
                "--consultations", "0",
                "--batch", "100",
                "--page", "1000",
                "--mode", "push-pull"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        if (options.get("--admin-password").isEmpty()) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        return new Config(
                URI.create(options.get("--base-url")),
                options.get("--admin-user"),
                options.get("--admin-password"),
                Integer.parseInt(options.get("--devices")),
                Integer.parseInt(options.get("--persons")),
                Integer.parseInt(options.get("--consultations")),
                Math.min(500, Integer.parseInt(options.get("--batch"))),
                Integer.parseInt(options.get("--page")),
                options.get("--mode"));
    }
}
