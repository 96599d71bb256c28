import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the outbreak line lists at scale: loads {@code --cases} cholera cases into one site
 * through the API ({@code --writers} clinicians at once), then asks for the weekly epidemic curve
 * of the whole line list {@code --curves} times (after 20 not measured), each followed by the
 * cheapest read of the same session (the machine's floor at that moment), and downloads the full
 * line-list CSV {@code --exports} times. Prints the load rate, the curve's p50/p95/p99 and each
 * export's time and size. JDK only; uses {@code BenchClient.java} beside it (JDK 22+):
 *
 * <pre>java bench/OutbreakDriver.java --base-url http://127.0.0.1:18620 --admin-password ... \
 *     --cases 200000 --writers 16 --curves 200 --exports 3</pre>
 *
 * <p>With {@code --site} (an id printed by an earlier run) and {@code --cases 0} it measures the
 * line list an earlier run loaded again, without loading more.
 *
 * <p>Targets: epicurve p95 at most 300 ms and the full CSV export within 30 s at 200,000 cases.
 */
public final class OutbreakDriver {

    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");
    private static final String[] CLASSIFICATIONS = {"SUSPECTED", "SUSPECTED", "PROBABLE", "CONFIRMED", "DISCARDED"};
    private static final String[] SEXES = {"FEMALE", "MALE"};

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final String site;
    private final int cases;
    private final int writers;
    private final int curves;
    private final int exports;

    OutbreakDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.adminUser = options.get("--admin-user");
        this.adminPassword = options.get("--admin-password");
        this.site = options.get("--site");
        this.cases = Integer.parseInt(options.get("--cases"));
        this.writers = Integer.parseInt(options.get("--writers"));
        this.curves = Integer.parseInt(options.get("--curves"));
        this.exports = Integer.parseInt(options.get("--exports"));
    }

    public static void main(String[] args) throws Exception {
        new OutbreakDriver(BenchClient.options(args, Map.of(
                        "--site", "",
                        "--cases", "200000",
                        "--writers", "16",
                        "--curves", "200",
                        "--exports", "3")))
                .run();
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        BenchClient.Session admin = new BenchClient.Session(base, io).administrator(adminUser, adminPassword);
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String siteId = site;
        if (siteId.isEmpty()) {
            BenchClient.Result created = BenchClient.require(admin.send("POST", "/api/sites", "{\"programmeId\":\""
                    + programme(admin) + "\",\"name\":\"Outbreak bench " + runId
                    + "\",\"kind\":\"FIXED\",\"city\":\"Mamoudzou\"}"), "create site");
            siteId = BenchClient.first(BenchClient.ID, created.body());
        }
        BenchClient.log("site %s", siteId);
        String password = "outbreak-bench-" + runId + "-long-password";
        List<BenchClient.Session> clinicians = new ArrayList<>();
        for (int i = 0; i < writers && cases > 0; i++) {
            clinicians.add(user(admin, io, "outbreak-" + runId + "-" + i, password, "CLINICIAN", siteId));
        }
        BenchClient.Session coordinator =
                user(admin, io, "outbreak-" + runId + "-coord", password, "COORDINATOR", siteId);
        load(clinicians, siteId, io);
        curves(coordinator, siteId);
        for (int i = 0; i < exports; i++) {
            export(coordinator, siteId);
        }
    }

    /** Cases spread over the last 104 weeks, a fifth discarded, one in twenty dead. */
    private void load(List<BenchClient.Session> clinicians, String siteId, ExecutorService io) throws Exception {
        AtomicLong next = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        LocalDate today = LocalDate.now();
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (BenchClient.Session clinician : clinicians) {
            running.add(io.submit(() -> {
                for (long n = next.getAndIncrement(); n < cases; n = next.getAndIncrement()) {
                    LocalDate onset = today.minusDays(n % 728);
                    String outcome = n % 20 == 0 && !onset.plusDays(1).isAfter(today)
                            ? ",\"outcome\":\"DIED\",\"outcomeOn\":\"" + onset.plusDays(1) + "\"" : "";
                    BenchClient.Result recorded = clinician.send("POST", "/api/outbreaks/cases", "{\"id\":\""
                            + UUID.randomUUID() + "\",\"disease\":\"cholera\",\"siteId\":\"" + siteId
                            + "\",\"sex\":\"" + SEXES[(int) (n % 2)] + "\",\"ageYears\":" + (n % 80)
                            + ",\"classification\":\"" + CLASSIFICATIONS[(int) (n % 5)] + "\",\"onsetOn\":\""
                            + onset + "\"" + outcome + "}");
                    if (!recorded.ok() && failed.incrementAndGet() <= 3) {
                        BenchClient.log("refused: HTTP %d %s", recorded.status(), recorded.body());
                    }
                    if (n % 10_000 == 0) {
                        BenchClient.log("%d cases sent", n);
                    }
                }
            }));
        }
        for (Future<?> one : running) {
            one.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        BenchClient.log("%d cases loaded in %.0f s (%.0f/s), %d refused", cases, seconds, cases / seconds,
                failed.get());
    }

    private void curves(BenchClient.Session coordinator, String siteId) {
        String path = "/api/outbreaks/diseases/cholera/epicurve?siteId=" + siteId + "&from="
                + LocalDate.now().minusWeeks(104);
        for (int i = 0; i < Math.min(20, curves); i++) {
            BenchClient.require(coordinator.get(path), "epicurve");
        }
        long[] nanos = new long[curves];
        long[] floor = new long[curves];
        for (int i = 0; i < curves; i++) {
            nanos[i] = BenchClient.require(coordinator.get(path), "epicurve").nanos();
            floor[i] = BenchClient.require(coordinator.get("/api/outbreaks/diseases"), "diseases").nanos();
        }
        if (curves == 0) {
            return;
        }
        BenchClient.log("epicurve over 104 weeks, %d requests: %s", curves, BenchClient.percentiles(nanos));
        // the same session's cheapest read (the diseases, from memory), each right after a curve: the
        // machine's floor for a request at that moment
        BenchClient.log("floor, GET /api/outbreaks/diseases after each: %s", BenchClient.percentiles(floor));
    }

    private void export(BenchClient.Session coordinator, String siteId) {
        BenchClient.Result csv = BenchClient.require(
                coordinator.get("/api/outbreaks/diseases/cholera/line-list.csv?siteId=" + siteId, "text/csv"), "line-list export");
        long lines = csv.body().chars().filter(c -> c == '\n').count();
        BenchClient.log("line-list CSV: %d lines, %d bytes on the wire, %.1f s", lines, csv.wireBytes(),
                csv.nanos() / 1e9);
    }

    private BenchClient.Session user(
            BenchClient.Session admin, ExecutorService io, String username, String password, String role,
            String siteId) {
        BenchClient.require(admin.send("POST", "/api/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Outbreak bench " + username + "\",\"password\":\"" + password
                + "\",\"roles\":[\"" + role + "\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"),
                "create user");
        return new BenchClient.Session(base, io).signedIn(username, password);
    }

    private static String programme(BenchClient.Session admin) {
        BenchClient.Result created =
                admin.send("POST", "/api/programmes", "{\"code\":\"BENCH\",\"name\":\"Bench programme\"}");
        if (created.ok()) {
            return BenchClient.first(BenchClient.ID, created.body());
        }
        BenchClient.Result all = BenchClient.require(admin.get("/api/programmes"), "list programmes");
        Matcher matcher = PROGRAMME.matcher(all.body());
        if (!matcher.find()) {
            throw new IllegalStateException("no BENCH programme: " + created.body());
        }
        return matcher.group(1);
    }
}
