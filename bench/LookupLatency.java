import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures the latency of single look-ups against a running Passerelle holding demo data (one
 * request at a time: latency, not throughput): search by patient code, by name, by another
 * spelling of the given name, by a name with a typing error (which only the matching engine finds),
 * and the check before a registration (likely matches). Queries are built from the demo name lists,
 * so they find the persons the demo generator invented.
 *
 * <pre>java bench/LookupLatency.java --base-url http://127.0.0.1:8080 --user infirmier \
 *     --password demo-passerelle-2026 --lookups 500 --names src/main/resources/demo</pre>
 *
 * Uses {@code LoadDriver.Session} from the same directory (a multi-file source program).
 */
public final class LookupLatency {

    private static final Pattern CODE = Pattern.compile("\"patientCode\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SITE_ID = Pattern.compile("\"sites\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    /** The names of one origin in the demo lists. */
    record Origin(List<String> male, List<String> female, List<String> family) {}

    private final LoadDriver.Session session;
    private final List<Origin> origins = new ArrayList<>();
    private final Map<String, List<String>> spellings = new LinkedHashMap<>();
    private final SplittableRandom random = new SplittableRandom(17);
    private final List<String> codes = new ArrayList<>();

    LookupLatency(LoadDriver.Session session, Path names) throws IOException {
        this.session = session;
        readNames(names.resolve("names.txt"));
        readSpellings(names.resolve("spellings.txt"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
        int lookups = Integer.parseInt(options.getOrDefault("lookups", "500"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        LoadDriver.Session session = new LoadDriver.Session(base, io);
        LoadDriver.Result login = session.login(
                options.getOrDefault("user", "infirmier"), options.getOrDefault("password", "demo-passerelle-2026"));
        if (!login.ok()) {
            throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
        }
        if (login.body().contains("\"currentSite\":null")) {
            Matcher site = SITE_ID.matcher(login.body());
            if (!site.find()) {
                throw new IllegalStateException("the user has no site");
            }
            session.send("PUT", "/api/session/site", "{\"siteId\":\"" + site.group(1) + "\"}");
        }
        LookupLatency bench = new LookupLatency(session, Path.of(options.getOrDefault("names", "src/main/resources/demo")));
        bench.run(warmup, lookups);
        System.exit(0);
    }

    void run(int warmup, int lookups) {
        String[] kinds = {"search by code", "search by name", "search by another spelling", "search with a typo",
            "registration check"};
        for (int i = 0; i < warmup; i++) {
            for (String kind : kinds) {
                lookUp(kind);
            }
        }
        System.out.printf(Locale.ROOT, "%-28s %8s %8s %8s %8s %9s %7s%n", "look-up", "p50 ms", "p95 ms", "p99 ms",
                "max ms", "results", "errors");
        for (String kind : kinds) {
            long[] nanos = new long[lookups];
            long results = 0;
            int errors = 0;
            for (int i = 0; i < lookups; i++) {
                LoadDriver.Result result = lookUp(kind);
                nanos[i] = result.nanos();
                if (!result.ok()) {
                    errors++;
                } else {
                    results += count(result.body());
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-28s %8.1f %8.1f %8.1f %8.1f %9.1f %7d%n", kind,
                    nanos[lookups / 2] / 1e6, nanos[(int) (lookups * 0.95)] / 1e6, nanos[(int) (lookups * 0.99)] / 1e6,
                    nanos[lookups - 1] / 1e6, results / (double) lookups, errors);
        }
    }

    private LoadDriver.Result lookUp(String kind) {
        Origin origin = origins.get(random.nextInt(origins.size()));
        boolean male = random.nextInt(4) > 0;
        String given = pick(male ? origin.male() : origin.female());
        String family = pick(origin.family());
        return switch (kind) {
            case "search by code" -> search(codes.isEmpty() ? given + " " + family : pick(codes));
            case "search by name" -> {
                LoadDriver.Result result = search(given + " " + family);
                Matcher code = CODE.matcher(result.body());
                if (code.find() && codes.size() < 10_000) {
                    codes.add(code.group(1));
                }
                yield result;
            }
            case "search by another spelling" -> search(otherSpelling(given) + " " + family);
            case "search with a typo" -> search(given + " " + typo(family));
            case "registration check" -> session.send("POST", "/api/people/likely-matches",
                    "{\"details\":{\"chosenName\":" + quote(otherSpelling(given) + " " + family) + ",\"sex\":\""
                            + (male ? "MALE" : "FEMALE") + "\",\"birthDate\":{\"precision\":\"EXACT\",\"date\":\""
                            + (1975 + random.nextInt(33)) + "-" + two(1 + random.nextInt(12)) + "-"
                            + two(1 + random.nextInt(28)) + "\"}}}");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    private LoadDriver.Result search(String query) {
        return session.send("POST", "/api/people/search", "{\"query\":" + quote(query) + "}");
    }

    private String otherSpelling(String name) {
        List<String> group = spellings.get(name);
        return group == null ? name : pick(group);
    }

    /** One letter of the name replaced by a neighbouring one, past its first two letters. */
    private String typo(String name) {
        if (name.length() < 4) {
            return name;
        }
        int at = 2 + random.nextInt(name.length() - 2);
        char replaced = (char) ('a' + (name.charAt(at) - 'a' + 1 + random.nextInt(24)) % 26);
        return name.substring(0, at) + replaced + name.substring(at + 1);
    }

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static int count(String body) {
        Matcher code = CODE.matcher(body);
        int count = 0;
        while (code.find()) {
            count++;
        }
        return count;
    }

    private void readNames(Path file) throws IOException {
        List<String> male = List.of();
        List<String> female = List.of();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (text.startsWith("male ")) {
                male = list(text.substring(5));
            } else if (text.startsWith("female ")) {
                female = list(text.substring(7));
            } else if (text.startsWith("family ")) {
                origins.add(new Origin(male, female.isEmpty() ? male : female, list(text.substring(7))));
            }
        }
    }

    private void readSpellings(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> group = list(line);
            group.forEach(name -> spellings.put(name, group));
        }
    }

    private static List<String> list(String text) {
        return Arrays.stream(text.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
