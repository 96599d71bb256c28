import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Benchmark of the stock ledger against a running server. JDK only; uses {@code BenchClient.java}
 * beside it (JDK 22+):
 *
 * <pre>java bench/StockDriver.java --base-url http://127.0.0.1:18520 --admin-password ... \
 *     --db-port 5433 --places 200 --items 2000 --movements 10000000 --reads 200 \
 *     --dispensers 16 --seconds 60 --stock 100000</pre>
 *
 * <ol>
 *   <li>As the administrator it creates {@code --sites} sites, a logistician of them, and {@code
 *       --places} places through the API (spread over the sites).
 *   <li>The history: {@code --movements} ledger lines over those places and {@code --items} item
 *       codes, written by one SQL statement per million lines through the embedded database's port
 *       ({@code --db-port}, as the data directory's owner role, password in {@code
 *       keys/database-owner.password} or {@code --db-password}), dated over the last two years, then
 *       the balances the lines imply computed from them. Each place uses 500 of the items, each in two
 *       lots, so each (place, item) has 100 lines: receipts, dispensings, distributions, losses.
 *   <li>Reads through the API, as the logistician: a random place's balances (the first page, as the
 *       place's screen opens on) and its monthly consumption ({@code --reads} each, after 20 not measured), with p50/p95/p99. Targets: balance
 *       p95 at most 50 ms, consumption p95 at most 500 ms.
 *   <li>Concurrent dispensing at the second place (a pharmacy): a logistician receives {@code --stock} tablets of
 *       paracetamol in two lots, {@code --dispensers} clinicians dispense 1 to 3 tablets of one signed
 *       consultation's line, as fast as each can, for {@code --seconds}, one request in five sent
 *       twice (a retry after a lost answer). Then, through the API, no lot below zero and the balance
 *       is what was received minus what was answered 201 (0 lost, 0 counted twice); through the
 *       database, one dispensing operation per 201 and the balance equal to the ledger's sum.
 * </ol>
 *
 * <p>{@code --balance-query} is added to the balances' address ({@code ?limit=500}: a place's every lot,
 * as the answer was before it came a page at a time).
 *
 * <p>With {@code --movements 0} and {@code --site} (printed by an earlier run) it measures the
 * places of an earlier run again.
 */
public final class StockDriver {

    private static final Pattern PROGRAMME =
            Pattern.compile("\\{[^{}]*\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"[^{}]*\"code\"\\s*:\\s*\"BENCH\"");
    private static final Pattern QUANTITY = Pattern.compile(
            "\"itemCode\"\\s*:\\s*\"paracetamol-500-tab\"[^{}]*\"quantity\"\\s*:\\s*(-?[0-9]+)");
    private static final Pattern LOCATION = Pattern.compile(
            "\\{\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"\\s*,\\s*\"siteId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final String ITEM = "paracetamol-500-tab";

    private final URI base;
    private final Map<String, String> options;
    private final int places;
    private final int sites;

    StockDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.options = options;
        this.places = number("--places");
        this.sites = number("--sites");
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> defaults = Map.ofEntries(
                Map.entry("--db-port", ""),
                Map.entry("--db-password", ""),
                Map.entry("--data-directory", ""),
                Map.entry("--site", ""),
                Map.entry("--balance-query", ""),
                Map.entry("--sites", "10"),
                Map.entry("--places", "200"),
                Map.entry("--items", "2000"),
                Map.entry("--movements", "10000000"),
                Map.entry("--reads", "200"),
                Map.entry("--dispensers", "16"),
                Map.entry("--seconds", "60"),
                Map.entry("--stock", "100000"));
        boolean sound = new StockDriver(BenchClient.options(args, defaults)).run();
        System.exit(sound ? 0 : 1);
    }

    private int number(String option) {
        return Integer.parseInt(options.get(option));
    }

    boolean run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        BenchClient.Session admin =
                new BenchClient.Session(base, io).administrator(options.get("--admin-user"), options.get("--admin-password"));
        String runId = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);
        String password = "stock-bench-" + runId + "-long-password";
        List<String> siteIds = new ArrayList<>();
        if (options.get("--site").isEmpty()) {
            String programme = programme(admin);
            for (int i = 0; i < sites; i++) {
                siteIds.add(BenchClient.first(BenchClient.ID, BenchClient.require(admin.send("POST", "/api/sites",
                        "{\"programmeId\":\"" + programme + "\",\"name\":\"Stock bench " + runId + " " + i
                                + "\",\"kind\":\"FIXED\",\"city\":\"Calais\"}"), "create site").body()));
            }
        } else {
            siteIds.addAll(List.of(options.get("--site").split(",")));
        }
        BenchClient.log("sites %s", String.join(",", siteIds));
        BenchClient.Session logistician = user(admin, io, "stock-" + runId + "-log", password, "LOGISTICIAN", siteIds);
        List<String> placeIds = options.get("--site").isEmpty() ? createPlaces(logistician, siteIds) : places(logistician);
        if (number("--movements") > 0) {
            loadHistory(placeIds);
            // a long load outlives the sessions opened before it
            admin = new BenchClient.Session(base, io)
                    .administrator(options.get("--admin-user"), options.get("--admin-password"));
            logistician = new BenchClient.Session(base, io).signedIn("stock-" + runId + "-log", password);
        }
        boolean readsMet = reads(logistician, placeIds);
        String pharmacy = placeIds.get(Math.min(1, placeIds.size() - 1));
        String pharmacySite = siteOf(logistician, pharmacy);
        receive(logistician, pharmacy, "BENCH-EARLY-" + runId, "2029-01-31", number("--stock") / 2);
        receive(logistician, pharmacy, "BENCH-LATE-" + runId, "2031-01-31", number("--stock") - number("--stock") / 2);
        long before = paracetamol(logistician, pharmacy)[0];
        List<BenchClient.Session> clinicians = new ArrayList<>();
        for (int i = 0; i < number("--dispensers"); i++) {
            clinicians.add(user(admin, io, "stock-" + runId + "-" + i, password, "CLINICIAN", List.of(pharmacySite)));
        }
        String encounter = consultation(clinicians.getFirst());
        BenchClient.log("%d clinicians, %d tablets at place %s; dispensing for %s s", clinicians.size(), before,
                pharmacy, options.get("--seconds"));
        boolean sound = dispense(clinicians, pharmacy, encounter, logistician, before, io);
        BenchClient.log("reads within their targets: %s; dispensing sound: %s", readsMet, sound);
        return sound;
    }

    private List<String> createPlaces(BenchClient.Session logistician, List<String> siteIds) {
        List<String> ids = new ArrayList<>();
        String[] kinds = {"WAREHOUSE", "PHARMACY", "MOBILE_BAG", "SHELTER_STORE"};
        for (int i = 0; i < places; i++) {
            String body = "{\"id\":\"" + UUID.randomUUID() + "\",\"siteId\":\"" + siteIds.get(i % siteIds.size())
                    + "\",\"kind\":\"" + kinds[i % kinds.length] + "\",\"name\":\"Bench place " + i + "\"}";
            ids.add(BenchClient.first(BenchClient.ID,
                    BenchClient.require(logistician.send("POST", "/api/stock/locations", body), "create place").body()));
        }
        BenchClient.log("%d places created", ids.size());
        return ids;
    }

    private static List<String> places(BenchClient.Session logistician) {
        Matcher matcher = LOCATION.matcher(BenchClient.require(logistician.get("/api/stock/locations"), "places").body());
        List<String> ids = new ArrayList<>();
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    private static String siteOf(BenchClient.Session logistician, String place) {
        Matcher matcher = LOCATION.matcher(BenchClient.require(logistician.get("/api/stock/locations"), "places").body());
        while (matcher.find()) {
            if (matcher.group(1).equals(place)) {
                return matcher.group(2);
            }
        }
        throw new IllegalStateException("place not listed: " + place);
    }

    /** Writes the history straight to the ledger through the database's port, then the balances it implies. */
    private void loadHistory(List<String> placeIds) throws Exception {
        int movements = number("--movements");
        int items = number("--items");
        int perPlace = Math.min(500, items);
        StringBuilder setup = new StringBuilder("create table if not exists public.bench_place (place_no int primary key, id uuid);\n")
                .append("truncate public.bench_place;\ninsert into public.bench_place values ");
        for (int i = 0; i < placeIds.size(); i++) {
            setup.append(i == 0 ? "" : ",").append("(").append(i).append(",'").append(placeIds.get(i)).append("')");
        }
        psql(setup.append(";\n").toString());
        int groups = placeIds.size() * perPlace;
        long started = System.nanoTime();
        for (int from = 0; from < movements; from += 1_000_000) {
            int to = Math.min(movements, from + 1_000_000) - 1;
            long chunk = System.nanoTime();
            psql(chunkSql(from, to, groups, movements, perPlace, items, placeIds.size()));
            BenchClient.log("lines %,d to %,d written in %.0f s", from, to, (System.nanoTime() - chunk) / 1e9);
        }
        long balances = System.nanoTime();
        psql("""
                insert into stock.balance (location_id, item_code, lot, expires_on, quantity, updated_at)
                select m.location_id, m.item_code, m.lot, max(m.expires_on), sum(m.quantity), now()
                  from stock.movement m join public.bench_place p on p.id = m.location_id
                 where m.item_code like 'bench-%'
                 group by m.location_id, m.item_code, m.lot;
                analyze stock.movement; analyze stock.balance;
                """);
        BenchClient.log("balances computed from the ledger in %.0f s; history of %,d lines in %.0f s",
                (System.nanoTime() - balances) / 1e9, movements, (System.nanoTime() - started) / 1e9);
    }

    /**
     * Lines {@code from} to {@code to}: line i belongs to group i mod groups (a place and one of its
     * items), and is the n-th line of that group (n = i / groups), dated in order over two years. One
     * line in ten is a receipt of 300 (lot A for the first half of the group, lot B after), the others
     * take 1 to 3 out: dispensing, distribution, loss. Each line is an operation of its own, its id
     * time-ordered (as UUIDv7) and the operation's.
     */
    private static String chunkSql(int from, int to, int groups, int movements, int perPlace, int items, int placeCount) {
        int perGroup = Math.max(1, movements / groups);
        return """
                insert into stock.movement (id, operation_id, line, kind, location_id, site_id, item_code, lot,
                                            expires_on, quantity, occurred_at, recorded_at, recorded_by)
                select u.id, u.id, 0, k.kind, p.id, l.site_id,
                       'bench-' || lpad((((g / %1$d) * 10 + g %% %1$d) %% %2$d + 1)::text, 4, '0'),
                       case when n < %3$d / 2 then 'A' else 'B' end,
                       date '2026-12-31' + (case when n < %3$d / 2 then 365 else 730 end),
                       case when k.kind = 'RECEIPT' then 300 else -(1 + n %% 3) end,
                       k.at, k.at, '00000000-0000-7000-8000-000000000001'::uuid
                  from generate_series(%4$d, %5$d) as i
                 cross join lateral (select i %% %6$d as g, i / %6$d as n) gn
                 cross join lateral (select case when n %% 10 = 0 then 'RECEIPT'
                                            when n %% 10 <= 5 then 'DISPENSING'
                                            when n %% 10 <= 8 then 'DISTRIBUTION' else 'LOSS' end as kind,
                                       now() - interval '730 days' * (1 - (n + 0.5) / %3$d)
                                           - interval '1 second' * (i %% 3600) as at) k
                 cross join lateral (select (lpad(to_hex((extract(epoch from k.at) * 1000)::bigint), 12, '0') || '7'
                                     || substr(md5(i::text), 1, 3) || '8' || substr(md5(i::text), 4, 15))::uuid as id) u
                  join public.bench_place p on p.place_no = (g / %1$d) %% %7$d
                  join stock.location l on l.id = p.id;
                """.formatted(perPlace, items, perGroup, from, to, groups, placeCount);
    }

    private void psql(String sql) throws IOException, InterruptedException {
        String password = options.get("--db-password");
        if (password.isEmpty()) {
            password = Files.readString(Path.of(options.get("--data-directory"), "keys", "database-owner.password")).strip();
        }
        Path script = Files.createTempFile("stock-bench", ".sql");
        Files.writeString(script, "\\set ON_ERROR_STOP on\n" + sql, StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-p", options.get("--db-port"),
                "-U", "passerelle_owner", "-d", "passerelle", "-f", script.toString());
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed on " + script);
        }
        Files.delete(script);
    }

    private String psqlValue(String sql) throws IOException, InterruptedException {
        String password = options.get("--db-password");
        if (password.isEmpty()) {
            password = Files.readString(Path.of(options.get("--data-directory"), "keys", "database-owner.password")).strip();
        }
        ProcessBuilder builder = new ProcessBuilder("psql", "-qAt", "-h", "127.0.0.1", "-p", options.get("--db-port"),
                "-U", "passerelle_owner", "-d", "passerelle", "-c", sql);
        builder.environment().put("PGPASSWORD", password);
        Process process = builder.redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + out);
        }
        return out;
    }

    private boolean reads(BenchClient.Session logistician, List<String> placeIds) {
        Random random = new Random(7);
        boolean met = true;
        for (String what : List.of("balances", "consumption")) {
            List<Long> nanos = new ArrayList<>();
            long bytes = 0;
            for (int i = 0; i < 20 + number("--reads"); i++) {
                String place = placeIds.get(random.nextInt(placeIds.size()));
                String query = what.equals("balances") ? options.get("--balance-query") : "";
                BenchClient.Result result = BenchClient.require(
                        logistician.get("/api/stock/locations/" + place + "/" + what + query), what);
                if (i >= 20) {
                    nanos.add(result.nanos());
                    bytes += result.body().length();
                }
            }
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            double p95 = BenchClient.at(sorted, 0.95) / 1e6;
            met &= p95 <= (what.equals("balances") ? 50 : 500);
            BenchClient.log("%s of a random place, %d reads: %s; %,d characters an answer on average", what,
                    sorted.length, BenchClient.percentiles(sorted), bytes / Math.max(1, sorted.length));
        }
        return met;
    }

    private boolean dispense(List<BenchClient.Session> clinicians, String pharmacy, String encounter,
            BenchClient.Session logistician, long before, ExecutorService io) throws Exception {
        Map<String, Integer> dispensed = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        int seconds = number("--seconds");
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        List<Future<?>> work = new ArrayList<>();
        for (BenchClient.Session clinician : clinicians) {
            work.add(io.submit(() -> {
                for (int request = 0; System.nanoTime() < end; request++) {
                    int quantity = 1 + request % 3;
                    String id = UUID.randomUUID().toString();
                    String body = "{\"id\":\"" + id + "\",\"encounterId\":\"" + encounter
                            + "\",\"line\":0,\"locationId\":\"" + pharmacy + "\",\"quantity\":" + quantity + "}";
                    for (int send = 0; send < (request % 5 == 0 ? 2 : 1); send++) {
                        BenchClient.Result result = clinician.send("POST", "/api/stock/dispensings", body);
                        latencies.add(result.nanos());
                        if (result.status() == 201) {
                            dispensed.put(id, quantity);
                        } else if (result.status() == 409 && result.body().contains("stock-insufficient")) {
                            refused.incrementAndGet();
                        } else {
                            failures.incrementAndGet();
                            BenchClient.log("unexpected answer: HTTP %d %s", result.status(), result.body());
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
        long[] left = paracetamol(logistician, pharmacy);
        long lost = before - taken - left[0];
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        BenchClient.log("requests: %d (%.1f/s); dispensings recorded: %d (%.1f/s), %d tablets; refused as insufficient:"
                + " %d; other failures: %d", sorted.length, sorted.length / (double) seconds, dispensed.size(),
                dispensed.size() / (double) seconds, taken, refused.get(), failures.get());
        BenchClient.log("latency %s", BenchClient.percentiles(sorted));
        BenchClient.log("balance left: %d; lots below zero: %d; movements lost or counted twice: %d", left[0], left[1], lost);
        boolean ledgerAgrees = true;
        if (!options.get("--db-port").isEmpty()) {
            String operations = psqlValue("select count(distinct operation_id) from stock.movement where location_id = '"
                    + pharmacy + "' and kind = 'DISPENSING' and item_code = '" + ITEM + "' and encounter_id = '" + encounter
                    + "'");
            String sums = psqlValue("select (select coalesce(sum(quantity), 0) from stock.movement where location_id = '"
                    + pharmacy + "' and item_code = '" + ITEM + "') || ' ' || (select coalesce(sum(quantity), 0) from"
                    + " stock.balance where location_id = '" + pharmacy + "' and item_code = '" + ITEM + "')");
            String[] both = sums.split(" ");
            ledgerAgrees = Long.parseLong(operations) == dispensed.size() && both[0].equals(both[1])
                    && Long.parseLong(both[1]) == left[0];
            BenchClient.log("in the database: %s dispensing operations (answered 201: %d); ledger sum %s, balance %s",
                    operations, dispensed.size(), both[0], both[1]);
        }
        return left[1] == 0 && lost == 0 && failures.get() == 0 && ledgerAgrees;
    }

    /** The paracetamol the place holds, through the API, and how many of its lots are below zero. */
    private static long[] paracetamol(BenchClient.Session logistician, String place) {
        Matcher matcher = QUANTITY.matcher(
                BenchClient.require(logistician.get("/api/stock/locations/" + place + "/balances?itemCode=" + ITEM),
                        "balances").body());
        long held = 0;
        long negative = 0;
        while (matcher.find()) {
            long quantity = Long.parseLong(matcher.group(1));
            held += quantity;
            negative += quantity < 0 ? 1 : 0;
        }
        return new long[] {held, negative};
    }

    private BenchClient.Session user(BenchClient.Session admin, ExecutorService io, String username, String password,
            String role, List<String> siteIds) {
        BenchClient.require(admin.send("POST", "/api/users", "{\"username\":\"" + username + "\",\"displayName\":\"Stock"
                + " bench " + username + "\",\"password\":\"" + password + "\",\"roles\":[\"" + role
                + "\"],\"allSites\":false,\"siteIds\":[\"" + String.join("\",\"", siteIds) + "\"]}"), "create user");
        return new BenchClient.Session(base, io).signedIn(username, password);
    }

    private static void receive(BenchClient.Session logistician, String place, String lot, String expiresOn, int quantity) {
        BenchClient.require(logistician.send("POST", "/api/stock/receipts", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"locationId\":\"" + place + "\",\"itemCode\":\"" + ITEM + "\",\"lot\":\"" + lot
                + "\",\"expiresOn\":\"" + expiresOn + "\",\"quantity\":" + quantity + "}"), "receipt");
    }

    private static String consultation(BenchClient.Session clinician) {
        BenchClient.Result person = BenchClient.require(clinician.send("POST", "/api/people",
                "{\"details\":{\"chosenName\":\"Stock bench\",\"sex\":\"MALE\"}}"), "register");
        BenchClient.Result signed = BenchClient.require(clinician.send("POST", "/api/encounters", "{\"personId\":\""
                + BenchClient.first(BenchClient.ID, person.body())
                + "\",\"formCode\":\"medical-consultation\",\"occurredOn\":\"" + LocalDate.now()
                + "\",\"sign\":true,\"answers\":{\"complaints\":[\"fever\"],\"diagnoses\":[\"J06.9\"],\"prescription\":"
                + "[{\"medicine\":\"" + ITEM + "\",\"morning\":1,\"evening\":1,\"days\":3}]}}"), "signed consultation");
        return BenchClient.first(BenchClient.ID, signed.body());
    }

    private static String programme(BenchClient.Session admin) {
        BenchClient.Result created =
                admin.send("POST", "/api/programmes", "{\"code\":\"BENCH\",\"name\":\"Bench programme\"}");
        if (created.ok()) {
            return BenchClient.first(BenchClient.ID, created.body());
        }
        return BenchClient.first(PROGRAMME, BenchClient.require(admin.get("/api/programmes"), "list programmes").body());
    }
}
