import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
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
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for Passerelle's JSON API. Single file, JDK only:
 *
 * <pre>java bench/LoadDriver.java --base-url http://127.0.0.1:8080 --admin-password ... \
 *     --concurrency 8 --duration 60 --warmup 15 --json out.json</pre>
 *
 * <p>As the administrator it creates a programme, a site and one clinician account per simulated
 * user; each simulated user then logs in with its own cookie jar (its own session and CSRF token)
 * and runs clinic visits in a closed loop until the duration or the request budget runs out:
 *
 * <ul>
 *   <li>new person (30%): search by name for a possible duplicate, register, record a consultation;
 *   <li>returning person (70%): search by patient code (60%) or by part of a name (40%), view the
 *       person, view their consultation history, record a consultation.
 * </ul>
 *
 * <p>Only requests that start after the warm-up count. Every non-2xx response and every
 * connection failure or timeout is an error. Latency percentiles are over successful requests.
 * Searches whose result does not contain the person looked for are counted as misses (the
 * request itself succeeded).
 */
public final class LoadDriver {

    enum Op {
        REGISTER("register person"),
        SEARCH_NAME("search by name"),
        SEARCH_CODE("search by code"),
        VIEW_PERSON("view person"),
        VIEW_HISTORY("view history"),
        RECORD_CONSULTATION("record consultation"),
        SEARCH_PREFIX("search by name prefix"),
        SEARCH_GIVEN_FAMILY("search given + family");

        final String label;

        Op(String label) {
            this.label = label;
        }
    }

    static final String[] FIRST_NAMES_MALE = {
        "Mohammed", "Muhammad", "Mohamed", "Ahmad", "Ahmed", "Abdullah", "Abdul Rahman", "Tesfaye", "Yonas",
        "Hassan", "Hussein", "Ibrahim", "Omar", "Yusuf", "Ali", "Mamadou", "Moussa", "Samuel", "Dawit", "Bilal"
    };
    static final String[] FIRST_NAMES_FEMALE = {
        "Fatima", "Amina", "Aisha", "Mariam", "Khadija", "Hawa", "Zainab", "Saba", "Selam", "Hiwot",
        "Aminata", "Fatoumata", "Halima", "Nour", "Rahma"
    };
    static final String[] FAMILY_NAMES = {
        "Ali", "Osman", "Abdelrahman", "Haile", "Tesfaye", "Gebremedhin", "Mohamed", "Yusuf", "Idris", "Ahmed",
        "Diallo", "Bah", "Traore", "Hussein", "Omar", "Mahamat", "Kebede", "Berhane", "Mekonnen", "Adam",
        "Saleh", "Jama", "Warsame", "Abdi", "Haidari", "Rahimi", "Ahmadzai", "Camara", "Keita", "Ismail",
        "Suleiman", "Hamid", "Gebreyesus", "Tekle", "Nur", "Farah", "Barry", "Sow", "Kone", "Sharif"
    };
    static final String[] COUNTRIES = {"SD", "ER", "ET", "AF", "SO", "SY", "GN", "CI", "TD", "ML"};
    static final String[] LANGUAGES = {"ar", "ti", "am", "ps", "fa", "so", "fr", "en", "ff", "bm"};
    // The driver works as the first administrator, a coordinator: general-compartment disciplines only
    // (mental-health and legal consultations are their own compartments' roles').
    static final String[] DISCIPLINES = {"MEDICAL", "MEDICAL", "MEDICAL", "NURSING", "NURSING", "SOCIAL"};
    static final String[] DIAGNOSES = {
        "Scabies", "Upper respiratory tract infection", "Wound of the foot", "Dental abscess", "Gastroenteritis",
        "Back pain", "Headache", "Anxiety", "Insomnia", "Skin infection", "Sprained ankle", "Conjunctivitis"
    };
    static final String[] NOTES = {
        "Seen at the mobile clinic. Treatment given from the bag, review in three days.",
        "Complains of pain since the crossing. Examined, dressing done, advised to come back.",
        "Came with a friend who interpreted. Referred to the PASS for an X-ray.",
        "Follow-up: better since last visit, treatment continued.",
        "Slept outside for a week. Hygiene kit and sleeping bag given."
    };

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern CODE = Pattern.compile("\"patientCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");

    record Config(
            URI baseUrl,
            String adminUser,
            String adminPassword,
            int concurrency,
            Duration duration,
            Duration warmup,
            long maxRequests,
            int preload,
            long thinkMillis,
            Path json,
            boolean operations,
            String clinician,
            String clinicianPassword) {}

    record Registered(String id, String code, String chosenName) {}

    /** One HTTP result: status (or -1 for a transport failure), body and latency. */
    record Result(int status, String body, long nanos, String failure) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    /** Latencies and outcomes of one operation, for one worker (no sharing, no locks). */
    static final class Recorder {
        long[] latencies = new long[1024];
        int size;
        long errors;
        final Map<String, Long> errorKinds = new TreeMap<>();
        long misses;

        void success(long nanos) {
            if (size == latencies.length) {
                latencies = Arrays.copyOf(latencies, size * 2);
            }
            latencies[size++] = nanos;
        }

        void error(String kind) {
            errors++;
            errorKinds.merge(kind, 1L, Long::sum);
        }
    }

    /** A simulated user: its own HTTP client, cookie jar, session and CSRF token. */
    static final class Session {
        final HttpClient http;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final URI base;

        Session(URI base, ExecutorService executor) {
            this.base = base;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(cookies)
                    .executor(executor)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build();
        }

        String csrfToken() {
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
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", csrfToken());
            return send(request);
        }

        private Result send(HttpRequest.Builder request) {
            request.header("Accept", "application/json").timeout(Duration.ofSeconds(30));
            long start = System.nanoTime();
            try {
                HttpResponse<String> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Result(response.statusCode(), response.body(), System.nanoTime() - start, "");
            } catch (IOException e) {
                return new Result(-1, "", System.nanoTime() - start, e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "", System.nanoTime() - start, "Interrupted");
            }
        }

        Result login(String username, String password) {
            get("/api/session"); // 401 before login, but it sets the XSRF-TOKEN cookie
            return send("POST", "/api/session", "{\"username\":" + quote(username) + ",\"password\":" + quote(password)
                    + "}");
        }
    }

    private final Config config;
    private final AtomicReferenceArray<Registered> people = new AtomicReferenceArray<>(1 << 20);
    private final AtomicInteger peopleCount = new AtomicInteger();
    private final AtomicLong requestsIssued = new AtomicLong();
    private final ConcurrentHashMap<String, Long> firstErrorBodies = new ConcurrentHashMap<>();
    private volatile long measureStart;
    private volatile long measureEnd;
    private volatile double driverCpuCores = -1;

    LoadDriver(Config config) {
        this.config = config;
    }

    public static void main(String[] args) throws Exception {
        Config config = parse(args);
        new LoadDriver(config).run();
        System.exit(0);
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        log("Setting up against %s with %d simulated users", config.baseUrl(), config.concurrency());
        List<Session> sessions = config.clinician() == null ? newClinicians(io) : sameClinician(io);
        run(sessions, io);
    }

    /**
     * Every simulated user signs in as the same existing clinician (each with its own session), at the
     * clinician's first site: for a registry loaded beforehand, without the administrator.
     */
    private List<Session> sameClinician(ExecutorService io) throws Exception {
        List<Session> sessions = new ArrayList<>();
        for (int i = 0; i < config.concurrency(); i++) {
            Session session = new Session(config.baseUrl(), io);
            Result login = session.login(config.clinician(), config.clinicianPassword());
            require(login, "login " + config.clinician());
            Matcher site = FIRST_SITE.matcher(login.body());
            if (!site.find()) {
                throw new IllegalStateException(config.clinician() + " has no site");
            }
            require(session.send("PUT", "/api/session/site", "{\"siteId\":\"" + site.group(1) + "\"}"),
                    "choose site");
            sessions.add(session);
        }
        return sessions;
    }

    private static final Pattern FIRST_SITE =
            Pattern.compile("\"sites\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** As the administrator: a programme, a site and one clinician account per simulated user, signed in. */
    private List<Session> newClinicians(ExecutorService io) throws Exception {
        Session admin = new Session(config.baseUrl(), io);
        Result login = admin.login(config.adminUser(), config.adminPassword());
        require(login, "administrator login");
        enrolSecondFactorIfRequired(admin, login);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String programmeId = programme(admin);
        Result site = admin.send(
                "POST",
                "/api/sites",
                "{\"programmeId\":\"" + programmeId + "\",\"name\":\"Bench site " + runId
                        + "\",\"kind\":\"FIXED\",\"city\":\"Calais\"}");
        require(site, "create site");
        String siteId = firstMatch(ID, site.body());
        require(admin.send("PUT", "/api/session/site", "{\"siteId\":\"" + siteId + "\"}"), "choose site");

        String password = "bench-" + runId + "-long-password";
        List<Session> sessions = new ArrayList<>();
        long loginNanos = 0;
        for (int i = 0; i < config.concurrency(); i++) {
            String username = "bench-" + runId + "-" + i;
            require(
                    admin.send(
                            "POST",
                            "/api/users",
                            "{\"username\":\"" + username + "\",\"displayName\":\"Bench clinician " + i
                                    + "\",\"password\":\"" + password
                                    + "\",\"roles\":[\"CLINICIAN\"],\"allSites\":false,\"siteIds\":[\"" + siteId
                                    + "\"]}"),
                    "create user " + username);
            Session session = new Session(config.baseUrl(), io);
            Result result = session.login(username, password);
            require(result, "login " + username);
            loginNanos += result.nanos();
            if (!result.body().contains(siteId)) {
                // a user with one site gets it chosen at login; choose it explicitly otherwise
                require(session.send("PUT", "/api/session/site", "{\"siteId\":\"" + siteId + "\"}"), "choose site");
            }
            sessions.add(session);
        }
        log("%d clinicians logged in (mean login %.0f ms, logins were sequential)",
                config.concurrency(), loginNanos / 1e6 / Math.max(1, config.concurrency()));
        return sessions;
    }

    private void run(List<Session> sessions, ExecutorService io) throws Exception {
        preload(sessions, io);
        if (config.operations()) {
            for (Op op : List.of(Op.SEARCH_PREFIX, Op.SEARCH_GIVEN_FAMILY, Op.VIEW_PERSON, Op.REGISTER)) {
                phase(sessions, io, op);
            }
            io.shutdownNow();
            return;
        }

        long start = System.nanoTime();
        measureStart = start + config.warmup().toNanos();
        measureEnd = measureStart + config.duration().toNanos();
        log("Warm-up %ds, then measuring %ds (at most %d requests in all)",
                config.warmup().toSeconds(), config.duration().toSeconds(), config.maxRequests());
        List<Map<Op, Recorder>> perWorker = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(sessions.size());
        long[] stoppedAt = new long[sessions.size()];
        for (int i = 0; i < sessions.size(); i++) {
            Map<Op, Recorder> recorders = new EnumMap<>(Op.class);
            for (Op op : Op.values()) {
                recorders.put(op, new Recorder());
            }
            perWorker.add(recorders);
            Session session = sessions.get(i);
            int worker = i;
            io.submit(() -> {
                try {
                    work(session, recorders);
                } catch (RuntimeException e) {
                    log("worker %d failed: %s", worker, e);
                } finally {
                    stoppedAt[worker] = System.nanoTime();
                    done.countDown();
                }
            });
        }
        Thread progress = Thread.ofPlatform().daemon().start(() -> progress(perWorker));
        Thread cpu = Thread.ofPlatform().daemon().start(this::sampleOwnCpu);
        done.await();
        progress.interrupt();
        cpu.join(2_000);
        long lastStop = Arrays.stream(stoppedAt).max().orElse(measureEnd);
        double seconds = Math.max(0, Math.min(lastStop, measureEnd) - measureStart) / 1e9;
        report(perWorker, seconds, start);
        io.shutdownNow();
    }

    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");

    /**
     * Administrators must use a second factor: on a fresh installation the driver enrols one for the
     * administrator, computing the TOTP code (RFC 6238, HMAC-SHA1, 6 digits) itself.
     */
    private void enrolSecondFactorIfRequired(Session admin, Result login) throws Exception {
        java.nio.file.Path secretFile = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"),
                "passerelle-bench-totp-" + config.baseUrl().getPort() + ".secret");
        if (login.body().contains("\"secondFactorRequired\":true")) {
            String secret = java.nio.file.Files.readString(secretFile).strip();
            waitForNextTimeStep();
            require(admin.send("POST", "/api/session/second-factor", "{\"code\":\"" + totp(secret) + "\"}"),
                    "second-factor login");
            return;
        }
        if (!login.body().contains("\"required\":true") || login.body().contains("\"enrolled\":true")) {
            return;
        }
        Result started = admin.send("POST", "/api/session/second-factor/enrolment", "{}");
        require(started, "second-factor enrolment");
        String secret = firstMatch(SECRET, started.body());
        Result confirmed =
                admin.send("PUT", "/api/session/second-factor/enrolment", "{\"code\":\"" + totp(secret) + "\"}");
        require(confirmed, "second-factor confirmation");
        java.nio.file.Files.writeString(secretFile, secret);
    }

    /** A code is accepted once: a later run against the same server waits for a fresh 30 s step. */
    private static void waitForNextTimeStep() throws InterruptedException {
        long millisIntoStep = System.currentTimeMillis() % 30_000;
        Thread.sleep(30_000 - millisIntoStep + 200);
    }

    /** The current six-digit code of a TOTP secret in Base32 (RFC 6238), for the drivers that sign in as the administrator. */
    static String totp(String base32Secret) throws Exception {
        byte[] key = base32(base32Secret);
        long step = System.currentTimeMillis() / 1000 / 30;
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
        mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA1"));
        byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        return String.format("%06d", binary % 1_000_000);
    }

    private static byte[] base32(String text) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int buffer = 0;
        int bits = 0;
        for (char c : text.toCharArray()) {
            buffer = (buffer << 5) | alphabet.indexOf(c);
            bits += 5;
            if (bits >= 8) {
                out.write((buffer >> (bits - 8)) & 0xff);
                bits -= 8;
            }
        }
        return out.toByteArray();
    }

    private String programme(Session admin) {
        Result created =
                admin.send("POST", "/api/programmes", "{\"code\":\"BENCH\",\"name\":\"Bench programme\"}");
        if (created.ok()) {
            return firstMatch(ID, created.body());
        }
        Result all = admin.get("/api/programmes"); // created by an earlier run against the same data
        require(all, "list programmes");
        Matcher matcher = PROGRAMME.matcher(all.body());
        if (!matcher.find()) {
            throw new IllegalStateException("could not create the BENCH programme: HTTP " + created.status() + " "
                    + created.body());
        }
        return matcher.group(1);
    }

    /** Every simulated user runs {@code op} alone, in a closed loop, for a warm-up and a measured window. */
    private void phase(List<Session> sessions, ExecutorService io, Op op) throws Exception {
        long start = System.nanoTime();
        measureStart = start + config.warmup().toNanos();
        measureEnd = measureStart + config.duration().toNanos();
        log("%s: warm-up %ds, then measuring %ds", op.label, config.warmup().toSeconds(), config.duration().toSeconds());
        List<Map<Op, Recorder>> perWorker = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (Session session : sessions) {
            Map<Op, Recorder> recorders = new EnumMap<>(Op.class);
            for (Op each : Op.values()) {
                recorders.put(each, new Recorder());
            }
            perWorker.add(recorders);
            io.submit(() -> {
                try {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (System.nanoTime() < measureEnd && requestsIssued.get() < config.maxRequests()) {
                        alone(session, recorders, op, random);
                    }
                } catch (RuntimeException e) {
                    log("worker failed: %s", e);
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = Math.max(0, Math.min(System.nanoTime(), measureEnd) - measureStart) / 1e9;
        report(perWorker, seconds, start);
    }

    /** One request of {@code op} about a person registered before (or a new person, for a creation). */
    private void alone(Session session, Map<Op, Recorder> recorders, Op op, ThreadLocalRandom random) {
        if (op == Op.REGISTER) {
            register(session, recorders, newName(random));
            return;
        }
        if (peopleCount.get() == 0) {
            throw new IllegalStateException("nobody was registered before to look up");
        }
        Registered person = people.get(random.nextInt(Math.min(peopleCount.get(), people.length())));
        if (person == null) {
            return;
        }
        String[] words = person.chosenName().split(" ");
        String family = words[words.length - 1];
        String query = switch (op) {
            case SEARCH_PREFIX -> family.substring(0, Math.min(family.length(), 4));
            case SEARCH_GIVEN_FAMILY -> words[0] + " " + family;
            default -> null;
        };
        if (query == null) {
            call(session, recorders, op, "GET", "/api/people/" + person.id(), null);
            return;
        }
        Result found = call(session, recorders, op, "POST", "/api/people/search", searchJson(query));
        if (found != null && found.ok() && found.body().equals("[]")) {
            miss(recorders, op);
        }
    }

    /** Registers people before the warm-up so that searches run over a table that is not empty. */
    private void preload(List<Session> sessions, ExecutorService io) throws InterruptedException {
        if (config.preload() <= 0) {
            return;
        }
        long start = System.nanoTime();
        AtomicInteger left = new AtomicInteger(config.preload());
        AtomicLong failures = new AtomicLong();
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (Session session : sessions) {
            io.submit(() -> {
                try {
                    while (left.getAndDecrement() > 0) {
                        if (register(session, null, newName(ThreadLocalRandom.current())) == null) {
                            failures.incrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        done.await();
        double seconds = (System.nanoTime() - start) / 1e9;
        log("Preloaded %d people in %.1f s (%d failures)", peopleCount.get(), seconds, failures.get());
        if (config.operations()) {
            System.out.printf(Locale.ROOT, "%ninitial load: %d persons registered one at a time by %d users in %.1f s,"
                    + " %.1f persons/s (%d failures)%n", peopleCount.get(), sessions.size(), seconds,
                    peopleCount.get() / seconds, failures.get());
        }
    }

    private void work(Session session, Map<Op, Recorder> recorders) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < measureEnd && requestsIssued.get() < config.maxRequests()) {
            boolean newPerson = peopleCount.get() == 0 || random.nextInt(100) < 30;
            if (newPerson) {
                String[] name = newName(random);
                call(session, recorders, Op.SEARCH_NAME, "POST", "/api/people/search", searchJson(name[0]));
                Registered person = register(session, recorders, name);
                if (person != null) {
                    consult(session, recorders, person, random);
                }
            } else {
                if (peopleCount.get() == 0) {
            throw new IllegalStateException("nobody was registered before to look up");
        }
        Registered person = people.get(random.nextInt(Math.min(peopleCount.get(), people.length())));
                if (person == null) {
                    continue; // a slot being filled by another worker
                }
                if (random.nextInt(100) < 60) {
                    String typed = random.nextBoolean()
                            ? person.code()
                            : person.code().toLowerCase(Locale.ROOT).replace("-", "");
                    Result found = call(session, recorders, Op.SEARCH_CODE, "POST", "/api/people/search",
                            searchJson(typed));
                    if (found != null && found.ok() && !found.body().contains(person.id())) {
                        miss(recorders, Op.SEARCH_CODE);
                    }
                } else {
                    Result found = call(session, recorders, Op.SEARCH_NAME, "POST", "/api/people/search",
                            searchJson(partOfName(person.chosenName(), random)));
                    if (found != null && found.ok() && found.body().equals("[]")) {
                        miss(recorders, Op.SEARCH_NAME);
                    }
                }
                Result view = call(session, recorders, Op.VIEW_PERSON, "GET", "/api/people/" + person.id(), null);
                call(session, recorders, Op.VIEW_HISTORY, "GET", "/api/people/" + person.id() + "/consultations",
                        null);
                if (view != null && view.ok()) {
                    consult(session, recorders, person, random);
                }
            }
        }
    }

    private void miss(Map<Op, Recorder> recorders, Op op) {
        if (measuring(System.nanoTime())) {
            recorders.get(op).misses++;
        }
    }

    private Registered register(Session session, Map<Op, Recorder> recorders, String[] name) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        boolean female = name[1].equals("F");
        int age = random.nextInt(100) < 20 ? 14 + random.nextInt(4) : 18 + random.nextInt(40);
        String birthDate = switch (random.nextInt(4)) {
            case 0 -> "{\"precision\":\"ESTIMATED\",\"estimatedAge\":" + age + "}";
            case 1 -> "{\"precision\":\"EXACT\",\"date\":\"" + LocalDate.now().minusYears(age).minusDays(random.nextInt(365))
                    + "\"}";
            default -> "{\"precision\":\"YEAR\",\"date\":\"" + (LocalDate.now().getYear() - age) + "-01-01\"}";
        };
        String otherNames = random.nextInt(100) < 25
                ? "[{\"name\":" + quote(alternativeSpelling(name[0])) + ",\"kind\":\"SPELLING\",\"script\":\"LATIN\"}]"
                : "[]";
        String flags = age < 18 ? "[\"UNACCOMPANIED_MINOR\"]" : random.nextInt(100) < 10 ? "[\"NEEDS_INTERPRETER\"]" : "[]";
        String json = "{\"details\":{\"chosenName\":" + quote(name[0]) + ",\"otherNames\":" + otherNames
                + ",\"sex\":\"" + (female ? "FEMALE" : "MALE") + "\",\"birthDate\":" + birthDate
                + ",\"languages\":[\"" + pick(LANGUAGES, random) + "\"],\"countryOfOrigin\":\"" + pick(COUNTRIES, random)
                + "\",\"flags\":" + flags + "}}";
        Result result = recorders == null
                ? session.send("POST", "/api/people", json)
                : call(session, recorders, Op.REGISTER, "POST", "/api/people", json);
        if (result == null || !result.ok()) {
            return null;
        }
        Registered person = new Registered(firstMatch(ID, result.body()), firstMatch(CODE, result.body()), name[0]);
        int slot = peopleCount.getAndIncrement(); // a reader may briefly see this slot empty
        if (slot < people.length()) {
            people.set(slot, person);
        } else {
            peopleCount.decrementAndGet();
        }
        return person;
    }

    private void consult(Session session, Map<Op, Recorder> recorders, Registered person, ThreadLocalRandom random) {
        String json = "{\"personId\":\"" + person.id() + "\",\"discipline\":\"" + pick(DISCIPLINES, random)
                + "\",\"diagnosis\":" + quote(pick(DIAGNOSES, random)) + ",\"note\":" + quote(pick(NOTES, random))
                + ",\"interpreter\":" + random.nextBoolean() + "}";
        call(session, recorders, Op.RECORD_CONSULTATION, "POST", "/api/consultations", json);
    }

    /** Sends one request of the mix and records it if it started inside the measured window. */
    private Result call(Session session, Map<Op, Recorder> recorders, Op op, String method, String path, String json) {
        if (requestsIssued.incrementAndGet() > config.maxRequests()) {
            return null;
        }
        long started = System.nanoTime();
        if (started >= measureEnd) {
            return null;
        }
        Result result = json == null ? session.get(path) : session.send(method, path, json);
        if (measuring(started)) {
            Recorder recorder = recorders.get(op);
            if (result.ok()) {
                recorder.success(result.nanos());
            } else {
                String kind = result.status() < 0 ? result.failure() : "HTTP " + result.status();
                recorder.error(kind);
                String key = op.label + " " + kind;
                if (firstErrorBodies.putIfAbsent(key, 1L) == null) {
                    log("first error for %s: %s %s", key, method, abbreviate(result.body()));
                }
            }
        }
        if (config.thinkMillis() > 0) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(config.thinkMillis() * 2 + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return result;
    }

    private boolean measuring(long nanos) {
        return nanos >= measureStart && nanos < measureEnd;
    }

    /** This driver's own CPU use over the measured window: on a small machine it competes with the server. */
    private void sampleOwnCpu() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        try {
            Thread.sleep(Math.max(0, (measureStart - System.nanoTime()) / 1_000_000));
            long before = os.getProcessCpuTime();
            long wall = System.nanoTime();
            Thread.sleep(Math.max(0, (measureEnd - System.nanoTime()) / 1_000_000));
            driverCpuCores = (os.getProcessCpuTime() - before) / (double) (System.nanoTime() - wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void progress(List<Map<Op, Recorder>> perWorker) {
        try {
            while (true) {
                Thread.sleep(10_000);
                long now = System.nanoTime();
                String phase = now < measureStart ? "warm-up" : "measuring";
                log("%s: %d requests issued, %d people known", phase, requestsIssued.get(), peopleCount.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- report

    record Stats(
            String operation, long count, long errors, long misses, double throughput, double p50, double p95,
            double p99, double max, double mean, Map<String, Long> errorKinds) {}

    private void report(List<Map<Op, Recorder>> perWorker, double seconds, long start) throws IOException {
        List<Stats> rows = new ArrayList<>();
        List<long[]> all = new ArrayList<>();
        long allErrors = 0;
        long allMisses = 0;
        Map<String, Long> allKinds = new TreeMap<>();
        for (Op op : Op.values()) {
            long[] merged = new long[0];
            long errors = 0;
            long misses = 0;
            Map<String, Long> kinds = new TreeMap<>();
            for (Map<Op, Recorder> recorders : perWorker) {
                Recorder recorder = recorders.get(op);
                int offset = merged.length;
                merged = Arrays.copyOf(merged, offset + recorder.size);
                System.arraycopy(recorder.latencies, 0, merged, offset, recorder.size);
                errors += recorder.errors;
                misses += recorder.misses;
                recorder.errorKinds.forEach((k, v) -> kinds.merge(k, v, Long::sum));
            }
            kinds.forEach((k, v) -> allKinds.merge(op.label + ": " + k, v, Long::sum));
            all.add(merged);
            allErrors += errors;
            allMisses += misses;
            if (!config.operations() || merged.length + errors > 0) {
                rows.add(stats(op.label, merged, errors, misses, seconds, kinds));
            }
        }
        long[] overall = all.stream().flatMapToLong(Arrays::stream).toArray();
        rows.add(stats("overall", overall, allErrors, allMisses, seconds, allKinds));

        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nMeasured window %.1f s, %d simulated users%n", seconds,
                config.concurrency()));
        table.append(String.format(Locale.ROOT, "load driver's own CPU use in the window: %.2f cores%n",
                driverCpuCores));
        table.append(String.format(Locale.ROOT, "%-20s %8s %7s %6s %9s %8s %8s %8s %8s%n", "operation", "count",
                "errors", "misses", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        for (Stats row : rows) {
            table.append(String.format(Locale.ROOT, "%-20s %8d %7d %6d %9.1f %8.1f %8.1f %8.1f %8.1f%n",
                    row.operation(), row.count(), row.errors(), row.misses(), row.throughput(), row.p50(), row.p95(),
                    row.p99(), row.max()));
        }
        if (!allKinds.isEmpty()) {
            table.append("errors by kind:\n");
            allKinds.forEach((k, v) -> table.append("  ").append(k).append(": ").append(v).append('\n'));
        }
        System.out.print(table);
        if (config.json() != null) {
            Files.writeString(config.json(), json(rows, seconds));
            log("Wrote %s", config.json());
        }
    }

    private static Stats stats(
            String name, long[] latencies, long errors, long misses, double seconds, Map<String, Long> kinds) {
        Arrays.sort(latencies);
        long count = latencies.length + errors;
        double mean = latencies.length == 0 ? 0 : Arrays.stream(latencies).average().orElse(0) / 1e6;
        return new Stats(name, count, errors, misses, seconds > 0 ? count / seconds : 0,
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6, mean, kinds);
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private String json(List<Stats> rows, double seconds) {
        StringBuilder out = new StringBuilder("{\n");
        out.append("  \"generatedAt\": \"").append(Instant.now()).append("\",\n");
        out.append("  \"baseUrl\": ").append(quote(config.baseUrl().toString())).append(",\n");
        out.append("  \"concurrency\": ").append(config.concurrency()).append(",\n");
        out.append("  \"warmupSeconds\": ").append(config.warmup().toSeconds()).append(",\n");
        out.append("  \"durationSeconds\": ").append(config.duration().toSeconds()).append(",\n");
        out.append("  \"measuredSeconds\": ").append(format(seconds)).append(",\n");
        out.append("  \"maxRequests\": ").append(config.maxRequests()).append(",\n");
        out.append("  \"preloadedPeople\": ").append(config.preload()).append(",\n");
        out.append("  \"thinkMillis\": ").append(config.thinkMillis()).append(",\n");
        out.append("  \"peopleKnownAtEnd\": ").append(peopleCount.get()).append(",\n");
        out.append("  \"driverCpuCores\": ").append(format(driverCpuCores)).append(",\n");
        out.append("  \"latencyOf\": \"successful requests\",\n");
        out.append("  \"operations\": [\n");
        for (int i = 0; i < rows.size(); i++) {
            Stats s = rows.get(i);
            out.append("    {\"operation\": ").append(quote(s.operation()))
                    .append(", \"count\": ").append(s.count())
                    .append(", \"errors\": ").append(s.errors())
                    .append(", \"misses\": ").append(s.misses())
                    .append(", \"throughputPerSecond\": ").append(format(s.throughput()))
                    .append(", \"p50Ms\": ").append(format(s.p50()))
                    .append(", \"p95Ms\": ").append(format(s.p95()))
                    .append(", \"p99Ms\": ").append(format(s.p99()))
                    .append(", \"maxMs\": ").append(format(s.max()))
                    .append(", \"meanMs\": ").append(format(s.mean()))
                    .append(", \"errorKinds\": {");
            List<String> kinds = new ArrayList<>();
            s.errorKinds().forEach((k, v) -> kinds.add(quote(k) + ": " + v));
            out.append(String.join(", ", kinds)).append("}}").append(i < rows.size() - 1 ? ",\n" : "\n");
        }
        out.append("  ]\n}\n");
        return out.toString();
    }

    // ---------------------------------------------------------------- helpers

    private static String[] newName(ThreadLocalRandom random) {
        boolean female = random.nextInt(100) < 40;
        String first = female ? pick(FIRST_NAMES_FEMALE, random) : pick(FIRST_NAMES_MALE, random);
        return new String[] {first + " " + pick(FAMILY_NAMES, random), female ? "F" : "M"};
    }

    /** What a user would type to find someone: a whole name, the family name, or the start of one. */
    private static String partOfName(String chosenName, ThreadLocalRandom random) {
        String[] words = chosenName.split(" ");
        String family = words[words.length - 1];
        return switch (random.nextInt(3)) {
            case 0 -> chosenName;
            case 1 -> words[0] + " " + family.substring(0, Math.min(family.length(), 3));
            default -> family.substring(0, Math.min(family.length(), 4));
        };
    }

    private static String alternativeSpelling(String name) {
        return name.replace("Mohammed", "Muhammad").replace("Mohamed", "Mohammed").replace("Ahmad", "Ahmed")
                .replace("ou", "u").replace("ss", "s") + (name.contains("Mohammed") ? "" : "e");
    }

    private static String searchJson(String query) {
        return "{\"query\":" + quote(query) + "}";
    }

    private static String pick(String[] values, ThreadLocalRandom random) {
        return values[random.nextInt(values.length)];
    }

    private static String firstMatch(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("unexpected response: " + abbreviate(body));
        }
        return matcher.group(1);
    }

    private static void require(Result result, String what) {
        if (!result.ok()) {
            throw new IllegalStateException(what + " failed: "
                    + (result.status() < 0 ? result.failure() : "HTTP " + result.status()) + " "
                    + abbreviate(result.body()));
        }
    }

    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static String abbreviate(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[%s] %s%n", Instant.now().toString().substring(11, 19),
                String.format(Locale.ROOT, format, args));
    }

    // ---------------------------------------------------------------- arguments

    private static Config parse(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h") || arg.equals("--help")) {
                usage();
                System.exit(0);
            }
            if (!arg.startsWith("--")) {
                fail("unexpected argument " + arg);
            }
            int eq = arg.indexOf('=');
            if (eq > 0) {
                options.put(arg.substring(2, eq), arg.substring(eq + 1));
            } else if (i + 1 < args.length) {
                options.put(arg.substring(2), args[++i]);
            } else {
                fail("missing value for " + arg);
            }
        }
        URI base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
        if (!"http".equals(base.getScheme()) || base.getHost() == null
                || !InetAddress.getByName(base.getHost()).isLoopbackAddress()) {
            fail("--base-url must be http://127.0.0.1:<port> or http://localhost:<port>; this driver only loads"
                    + " a local server");
        }
        String password = options.getOrDefault("admin-password", System.getenv("PASSERELLE_ADMIN_PASSWORD"));
        String clinician = options.get("clinician");
        if (clinician == null && (password == null || password.isBlank())) {
            fail("give --admin-password or set PASSERELLE_ADMIN_PASSWORD (or --clinician)");
        }
        Map<String, String> known = new LinkedHashMap<>();
        for (String key : List.of("base-url", "admin-user", "admin-password", "concurrency", "duration", "warmup",
                "max-requests", "preload", "think-ms", "json", "scenario", "clinician", "clinician-password")) {
            known.put(key, key);
        }
        for (String key : options.keySet()) {
            if (!known.containsKey(key)) {
                fail("unknown option --" + key);
            }
        }
        String json = options.get("json");
        String scenario = options.getOrDefault("scenario", "visits");
        if (!scenario.equals("visits") && !scenario.equals("operations")) {
            fail("--scenario must be visits or operations");
        }
        return new Config(
                base,
                options.getOrDefault("admin-user", "admin"),
                password,
                positive(options.getOrDefault("concurrency", "8"), "concurrency"),
                Duration.ofSeconds(positive(options.getOrDefault("duration", "60"), "duration")),
                Duration.ofSeconds(Integer.parseInt(options.getOrDefault("warmup", "15"))),
                Long.parseLong(options.getOrDefault("max-requests", "2000000")),
                Integer.parseInt(options.getOrDefault("preload", "1000")),
                Long.parseLong(options.getOrDefault("think-ms", "0")),
                json == null ? null : Path.of(json),
                scenario.equals("operations"),
                clinician,
                options.getOrDefault("clinician-password", "demo-passerelle-2026"));
    }

    private static int positive(String value, String name) {
        int n = Integer.parseInt(value);
        if (n <= 0) {
            fail("--" + name + " must be positive");
        }
        return n;
    }

    private static void usage() {
        System.out.println("""
                usage: java bench/LoadDriver.java [options]
                  --base-url URL        local server (default http://127.0.0.1:8080)
                  --admin-user NAME     administrator (default admin)
                  --admin-password PW   administrator password (default $PASSERELLE_ADMIN_PASSWORD)
                  --concurrency N       simulated users, each with its own account and session (default 8)
                  --duration S          measured seconds after the warm-up (default 60)
                  --warmup S            seconds run but not measured (default 15)
                  --max-requests N      request budget, warm-up included (default 2000000)
                  --preload N           people registered before the warm-up (default 1000)
                  --think-ms MS         mean pause after each request, 0 for a closed loop (default 0)
                  --json FILE           also write the summary as JSON
                  --clinician USER      every simulated user signs in as this existing clinician (a demo
                                        registry's infirmier, say) instead of accounts the administrator creates
                  --clinician-password PW   that clinician's password (default demo-passerelle-2026)
                  --scenario visits|operations
                                        visits (default): clinic visits mixing every operation; operations:
                                        the preload timed as the initial load (persons/s), then each of
                                        name-prefix search, given + family search, read by id and create
                                        run alone by every user for a warm-up and a measured window""");
    }

    private static void fail(String message) {
        System.err.println("LoadDriver: " + message);
        usage();
        System.exit(2);
    }
}
