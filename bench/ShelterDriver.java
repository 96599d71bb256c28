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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Latency of the shelters' reads at winter size. Single file, JDK only:
 *
 * <pre>java bench/ShelterDriver.java --base-url http://127.0.0.1:18600 --admin-password ... \
 *     --board-beds 200 --shelters 30 --beds-per-shelter 20 --years 5 --stay-nights 60 --reads 200</pre>
 *
 * <p>As the administrator it creates a programme of shelter sites, each with a coordinator. The
 * <b>bed board</b>: one winter shelter of {@code --board-beds} beds in rooms of 20, nine in ten
 * beds held by a resident admitted tonight, then {@code --reads} reads of tonight's board (after
 * 20 not measured). The <b>occupancy</b>: {@code --shelters} shelters of {@code --beds-per-shelter}
 * beds, in service {@code --years} years back, each bed held by one resident after another for
 * {@code --stay-nights} nights with a night free between them (an admission and a discharge each,
 * back-dated), then {@code --reads} reads of one shelter's occupancy night by night over the whole
 * period, the shelters in turn. Prints p50, p95 and p99 of each.
 */
public final class ShelterDriver {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern SECRET = Pattern.compile("\"secret\"\\s*:\\s*\"([A-Z2-7]+)\"");

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
    private final int boardBeds;
    private final int shelters;
    private final int bedsPerShelter;
    private final int years;
    private final int stayNights;
    private final int reads;
    private final String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

    ShelterDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.adminUser = options.get("--admin-user");
        this.adminPassword = options.get("--admin-password");
        this.boardBeds = Integer.parseInt(options.get("--board-beds"));
        this.shelters = Integer.parseInt(options.get("--shelters"));
        this.bedsPerShelter = Integer.parseInt(options.get("--beds-per-shelter"));
        this.years = Integer.parseInt(options.get("--years"));
        this.stayNights = Integer.parseInt(options.get("--stay-nights"));
        this.reads = Integer.parseInt(options.get("--reads"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:8080",
                "--admin-user", "admin",
                "--admin-password", "",
                "--board-beds", "200",
                "--shelters", "30",
                "--beds-per-shelter", "20",
                "--years", "5",
                "--stay-nights", "60",
                "--reads", "200"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!options.containsKey(args[i])) {
                throw new IllegalArgumentException("unknown option " + args[i] + "; options: " + options.keySet());
            }
            options.put(args[i], args[i + 1]);
        }
        if (options.get("--admin-password").isEmpty()) {
            throw new IllegalArgumentException("--admin-password is required");
        }
        new ShelterDriver(options).run();
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        Session admin = new Session(base, io);
        Result login = admin.login(adminUser, adminPassword);
        require(login, "administrator login");
        secondFactor(admin, login);
        Result programme = admin.send("POST", "/api/programmes",
                "{\"code\":\"SB-" + runId.toUpperCase() + "\",\"name\":\"Shelter bench " + runId + "\"}");
        require(programme, "create programme");
        String programmeId = first(ID, programme.body());
        if (boardBeds > 0) {
            board(admin, io, programmeId);
        }
        if (shelters > 0) {
            occupancy(admin, io, programmeId);
        }
    }

    private void board(Session admin, ExecutorService io, String programmeId) {
        Shelter shelter = shelter(admin, io, programmeId, "Winter " + runId);
        LocalDate tonight = LocalDate.now();
        long start = System.nanoTime();
        List<String> beds = beds(shelter, boardBeds, tonight);
        parallel(io, beds.size() * 9 / 10, i -> admit(shelter.coordinator(), beds.get(i), null, null, 0));
        log("bed board: %d beds, %d held, set up in %.0f s", beds.size(), beds.size() * 9 / 10,
                (System.nanoTime() - start) / 1e9);
        measure("bed board", reads, i -> shelter.coordinator().get("/api/shelters/sites/" + shelter.siteId() + "/board"));
    }

    private void occupancy(Session admin, ExecutorService io, String programmeId) {
        LocalDate tonight = LocalDate.now();
        LocalDate first = tonight.minusYears(years);
        int staysPerBed = (int) ((tonight.toEpochDay() - first.toEpochDay()) / (stayNights + 1));
        List<Shelter> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < shelters; s++) {
            all.add(shelter(admin, io, programmeId, "Shelter " + runId + " " + s));
        }
        parallel(io, shelters, s -> {
            Shelter shelter = all.get(s);
            List<String> beds = beds(shelter, bedsPerShelter, first);
            for (int stay = 0; stay < staysPerBed; stay++) {
                LocalDate admitted = first.plusDays((long) stay * (stayNights + 1));
                for (String bed : beds) {
                    admit(shelter.coordinator(), bed, admitted, admitted.plusDays(stayNights), stay);
                }
            }
        });
        log("occupancy: %d shelters of %d beds over %d years, %d stays, set up in %.0f s", shelters, bedsPerShelter,
                years, shelters * bedsPerShelter * staysPerBed, (System.nanoTime() - start) / 1e9);
        measure("occupancy over " + years + " years", reads, i -> {
            Shelter shelter = all.get(i % all.size());
            return shelter.coordinator().get("/api/shelters/sites/" + shelter.siteId() + "/occupancy?from=" + first
                    + "&until=" + tonight.plusDays(1));
        });
    }

    record Shelter(String siteId, Session coordinator) {}

    private Shelter shelter(Session admin, ExecutorService io, String programmeId, String name) {
        Result site = admin.send("POST", "/api/sites",
                "{\"programmeId\":\"" + programmeId + "\",\"name\":\"" + name + "\",\"kind\":\"SHELTER\"}");
        require(site, "create site");
        String siteId = first(ID, site.body());
        String username = "sb-" + runId + "-" + siteId.substring(siteId.length() - 12);
        String password = "shelter-bench-" + runId + "-long-password";
        require(admin.send("POST", "/api/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Shelter bench\",\"password\":\"" + password
                + "\",\"roles\":[\"COORDINATOR\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"),
                "create coordinator");
        Session coordinator = new Session(base, io);
        require(coordinator.login(username, password), "coordinator login");
        return new Shelter(siteId, coordinator);
    }

    private static List<String> beds(Shelter shelter, int count, LocalDate inServiceFrom) {
        List<String> beds = new ArrayList<>();
        String room = null;
        for (int i = 0; i < count; i++) {
            if (i % 20 == 0) {
                Result created = shelter.coordinator().send("POST", "/api/shelters/rooms", "{\"id\":\""
                        + UUID.randomUUID() + "\",\"siteId\":\"" + shelter.siteId() + "\",\"name\":\"Room "
                        + (i / 20 + 1) + "\"}");
                require(created, "create room");
                room = first(ID, created.body());
            }
            Result bed = shelter.coordinator().send("POST", "/api/shelters/beds", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"roomId\":\"" + room + "\",\"label\":\"" + (i + 1) + "\",\"inServiceFrom\":\""
                    + inServiceFrom + "\"}");
            require(bed, "create bed");
            beds.add(first(ID, bed.body()));
        }
        return beds;
    }

    /** Registers a resident and admits them to the bed from {@code on} (tonight when null), discharged on {@code until}. */
    private static void admit(Session coordinator, String bed, LocalDate on, LocalDate until, int n) {
        Result person = coordinator.send("POST", "/api/people", "{\"details\":{\"chosenName\":\"Resident " + n
                + "\",\"sex\":\"" + (n % 2 == 0 ? "FEMALE" : "MALE") + "\"}}");
        require(person, "register");
        Result stay = coordinator.send("POST", "/api/shelters/admissions", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"personId\":\"" + first(ID, person.body()) + "\",\"bedId\":\"" + bed
                + "\",\"mode\":\"STAY\",\"reason\":\"SLEEPING_OUTSIDE\""
                + (on == null ? "" : ",\"admittedOn\":\"" + on + "\"") + "}");
        require(stay, "admit");
        if (until != null) {
            require(coordinator.send("POST", "/api/shelters/stays/" + first(ID, stay.body()) + "/discharge",
                    "{\"destination\":\"FAMILY\",\"dischargedOn\":\"" + until + "\",\"version\":1}"),
                    "discharge");
        }
    }

    interface Step {
        void run(int i) throws Exception;
    }

    /** Runs {@code step} for 0 to {@code count - 1}, at most 8 at a time (the server's pool is small). */
    private static void parallel(ExecutorService io, int count, Step step) {
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
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

    private static void measure(String what, int count, Read read) {
        for (int i = 0; i < 20; i++) {
            require(read.read(i), what);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            Result result = read.read(i);
            require(result, what);
            nanos[i] = result.nanos();
        }
        java.util.Arrays.sort(nanos);
        log("%s: %d reads, ms p50 %.1f, p95 %.1f, p99 %.1f, max %.1f", what, count, at(nanos, 0.50) / 1e6,
                at(nanos, 0.95) / 1e6, at(nanos, 0.99) / 1e6, nanos[count - 1] / 1e6);
    }

    private static double at(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
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
