import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load driver for Passerelle's FHIR facade. Single file, JDK only, in the manner of LoadDriver:
 *
 * <pre>java bench/FhirDriver.java --base-url http://127.0.0.1:18600 --username medecin \
 *     --password demo-passerelle-2026 --concurrency 8 --duration 60 --warmup 15 [--json out.json]</pre>
 *
 * <p>Signs in once per simulated client (its own session and CSRF token), gathers the patients the
 * user reaches by searching common first names, then each client runs in a closed loop, half the
 * time each:
 *
 * <ul>
 *   <li>name search: {@code POST /fhir/Patient/_search} with a patient's chosen name, as typed or
 *       in another spelling (Mohammed for Muhammad...), the patient looked for counted as a miss
 *       when absent from the first page;
 *   <li>read: {@code GET /fhir/Patient/{id}}.
 * </ul>
 *
 * <p>Only requests that start after the warm-up count; every non-2xx answer is an error; latency
 * percentiles are over successful requests.
 */
public final class FhirDriver {

    static final String[] COMMON = {
        "Mohammed", "Muhammad", "Mohamed", "Ahmad", "Ahmed", "Abdullah", "Tesfaye", "Yonas", "Hassan", "Ibrahim",
        "Omar", "Yusuf", "Ali", "Mamadou", "Moussa", "Samuel", "Fatima", "Amina", "Aisha", "Mariam", "Khadija",
        "Hawa", "Selam", "Zainab", "Fatoumata", "Aminata", "Sara", "Hiwot", "Leila", "Nour"
    };

    /** Another spelling of a name, as a person may give it at another site. */
    static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("Mohammed", "Muhammad"),
            Map.entry("Muhammad", "Mohamed"),
            Map.entry("Mohamed", "Mohammed"),
            Map.entry("Ahmad", "Ahmed"),
            Map.entry("Ahmed", "Ahmad"),
            Map.entry("Yusuf", "Youssef"),
            Map.entry("Hassan", "Hasan"),
            Map.entry("Ibrahim", "Ibrahima"),
            Map.entry("Fatima", "Fatma"),
            Map.entry("Aisha", "Aicha"),
            Map.entry("Mariam", "Maryam"),
            Map.entry("Khadija", "Khadidja"),
            Map.entry("Zainab", "Zeinab"),
            Map.entry("Leila", "Layla"));

    private static final Pattern ENTRY_ID = Pattern.compile("\"resourceType\":\"Patient\",\"id\":\"([0-9a-f-]{36})\"");
    private static final Pattern FIRST_NAME_TEXT = Pattern.compile("\"name\":\\[\\{\"use\":\"usual\",\"text\":\"([^\"]+)\"");

    record Patient(String id, String name) {}

    record Result(int status, String body, long nanos) {}

    /** A simulated client: its own HTTP client, cookie jar, session and CSRF token. */
    static final class Session {
        final HttpClient http;
        final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        final URI base;

        Session(URI base) {
            this.base = base;
            this.http = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .cookieHandler(cookies)
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

        Result post(String path, String contentType, String body) {
            return send(HttpRequest.newBuilder(base.resolve(path))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .header("Content-Type", contentType)
                    .header("X-XSRF-TOKEN", csrfToken()));
        }

        private Result send(HttpRequest.Builder request) {
            request.timeout(Duration.ofSeconds(30));
            long start = System.nanoTime();
            try {
                HttpResponse<String> response =
                        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Result(response.statusCode(), response.body(), System.nanoTime() - start);
            } catch (IOException e) {
                return new Result(-1, e.getClass().getSimpleName(), System.nanoTime() - start);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Result(-1, "Interrupted", System.nanoTime() - start);
            }
        }

        void login(String username, String password) {
            get("/api/session"); // 401 before login, but it sets the XSRF-TOKEN cookie
            Result result = post(
                    "/api/session",
                    "application/json",
                    "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
            if (result.status() != 200) {
                throw new IllegalStateException("login refused: " + result.status() + " " + result.body());
            }
            get("/api/session"); // the session's own CSRF token
        }

        Result search(String name) {
            return post(
                    "/fhir/Patient/_search",
                    "application/x-www-form-urlencoded",
                    "name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&_count=20");
        }
    }

    /** Latencies of one operation, after the warm-up. */
    static final class Recorder {
        long[] nanos = new long[1024];
        int size;
        long errors;
        long misses;

        synchronized void success(long latency) {
            if (size == nanos.length) {
                nanos = Arrays.copyOf(nanos, size * 2);
            }
            nanos[size++] = latency;
        }

        synchronized void error() {
            errors++;
        }

        synchronized void miss() {
            misses++;
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        URI base = URI.create(options.getOrDefault("--base-url", "http://127.0.0.1:18600"));
        String username = options.getOrDefault("--username", "medecin");
        String password = options.getOrDefault("--password", "demo-passerelle-2026");
        int clients = Integer.parseInt(options.getOrDefault("--concurrency", "8"));
        Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--duration", "60")));
        Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("--warmup", "15")));

        Session first = new Session(base);
        first.login(username, password);
        List<Patient> patients = gather(first);
        if (patients.isEmpty()) {
            throw new IllegalStateException("the user reaches no patient");
        }
        System.out.printf(Locale.ROOT, "%d patients gathered for %s%n", patients.size(), username);

        Recorder searches = new Recorder();
        Recorder variants = new Recorder();
        Recorder reads = new Recorder();
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Session session = i == 0 ? first : new Session(base);
            if (i > 0) {
                session.login(username, password);
            }
            threads.add(Thread.ofPlatform().start(() -> run(session, patients, measureFrom, end, searches, variants, reads)));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = duration.toNanos() / 1e9;
        Map<String, Recorder> rows = new LinkedHashMap<>();
        rows.put("Patient search by name", searches);
        rows.put("Patient search, other spelling", variants);
        rows.put("Patient read", reads);
        StringBuilder table = new StringBuilder(String.format(
                Locale.ROOT, "%d clients, %d s measured after %d s warm-up%n", clients, duration.toSeconds(), warmup.toSeconds()));
        table.append("| operation | requests | errors | misses | per second | p50 ms | p95 ms | p99 ms |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        rows.forEach((name, recorder) -> table.append(row(name, recorder, seconds)));
        System.out.print(table);
        if (options.containsKey("--json")) {
            Files.writeString(Path.of(options.get("--json")), table.toString());
        }
    }

    private static void run(
            Session session,
            List<Patient> patients,
            long measureFrom,
            long end,
            Recorder searches,
            Recorder variants,
            Recorder reads) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < end) {
            Patient patient = patients.get(random.nextInt(patients.size()));
            long started = System.nanoTime();
            boolean counts = started >= measureFrom;
            if (random.nextBoolean()) {
                Result result = session.get("/fhir/Patient/" + patient.id());
                record(counts, result, reads, true);
            } else {
                String other = otherSpelling(patient.name());
                boolean variant = !other.equals(patient.name()) && random.nextBoolean();
                Result result = session.search(variant ? other : patient.name());
                record(counts, result, variant ? variants : searches, result.body().contains(patient.id()));
            }
        }
    }

    private static void record(boolean counts, Result result, Recorder recorder, boolean found) {
        if (!counts) {
            return;
        }
        if (result.status() / 100 != 2) {
            recorder.error();
            return;
        }
        recorder.success(result.nanos());
        if (!found) {
            recorder.miss();
        }
    }

    /** The patients the user reaches among those the common first names find, with their chosen names. */
    private static List<Patient> gather(Session session) {
        Map<String, Patient> found = new LinkedHashMap<>();
        for (String name : COMMON) {
            Result result = session.post(
                    "/fhir/Patient/_search", "application/x-www-form-urlencoded", "name=" + name + "&_count=100");
            if (result.status() != 200) {
                throw new IllegalStateException("search refused: " + result.status() + " " + result.body());
            }
            Matcher ids = ENTRY_ID.matcher(result.body());
            Matcher names = FIRST_NAME_TEXT.matcher(result.body());
            while (ids.find() && names.find()) {
                found.putIfAbsent(ids.group(1), new Patient(ids.group(1), names.group(1)));
            }
        }
        return List.copyOf(found.values());
    }

    private static String otherSpelling(String name) {
        StringBuilder other = new StringBuilder();
        for (String word : name.split(" ")) {
            other.append(other.isEmpty() ? "" : " ").append(SPELLINGS.getOrDefault(word, word));
        }
        return other.toString();
    }

    private static String row(String name, Recorder recorder, double seconds) {
        long[] sorted = Arrays.copyOf(recorder.nanos, recorder.size);
        Arrays.sort(sorted);
        return String.format(
                Locale.ROOT,
                "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                name,
                sorted.length + recorder.errors,
                recorder.errors,
                recorder.misses,
                sorted.length / seconds,
                percentile(sorted, 50),
                percentile(sorted, 95),
                percentile(sorted, 99));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)] / 1e6;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
