import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
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
 * Measures the latency of reports over the HTTP API against a running Passerelle holding demo data
 * (one request at a time: latency, not throughput): every indicator with every disaggregation for
 * a random site and month, a random programme and year, all sites and a month, and a random
 * programme and quarter, among the last five years.
 *
 * <pre>java bench/ReportLatency.java --base-url http://127.0.0.1:8080 --user coordination \
 *     --password demo-passerelle-2026 --reports 200 --warmup 20 --years 5</pre>
 *
 * Uses {@code LoadDriver.Session} from the same directory (a multi-file source program).
 */
public final class ReportLatency {

    private static final Pattern PROGRAMME = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"sites\":\\[");
    private static final Pattern SITE = Pattern.compile("\\{\"id\":\"([0-9a-f-]{36})\",\"name\":\"[^\"]*\",\"programmeId\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
        int reports = Integer.parseInt(options.getOrDefault("reports", "200"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int years = Integer.parseInt(options.getOrDefault("years", "5"));
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        LoadDriver.Session session = new LoadDriver.Session(base, io);
        LoadDriver.Result login = session.login(
                options.getOrDefault("user", "coordination"), options.getOrDefault("password", "demo-passerelle-2026"));
        if (!login.ok()) {
            throw new IllegalStateException("login failed: " + login.status() + " " + login.body() + login.failure());
        }
        String scope = session.get("/api/reports/scope").body();
        List<String> programmes = all(PROGRAMME, scope);
        List<String> sites = all(SITE, scope);
        System.out.printf(Locale.ROOT, "%d programmes, %d sites%n", programmes.size(), sites.size());
        SplittableRandom random = new SplittableRandom(2026);
        YearMonth now = YearMonth.now();
        int thisYear = LocalDate.now().getYear();
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        kinds.put("site-month", new ArrayList<>());
        kinds.put("programme-year", new ArrayList<>());
        kinds.put("all sites, month", new ArrayList<>());
        kinds.put("programme-quarter", new ArrayList<>());
        for (int i = 0; i < warmup + reports; i++) {
            String month = now.minusMonths(random.nextInt(12 * years)).toString();
            kinds.get("site-month").add("/api/reports?site=" + sites.get(random.nextInt(sites.size())) + "&period=" + month);
            int year = thisYear - random.nextInt(years);
            kinds.get("programme-year").add("/api/reports?programme=" + programmes.get(random.nextInt(programmes.size()))
                    + "&period=" + year);
            kinds.get("all sites, month").add("/api/reports?period=" + month);
            kinds.get("programme-quarter").add("/api/reports?programme=" + programmes.get(random.nextInt(programmes.size()))
                    + "&period=" + year + "-Q" + (1 + random.nextInt(4)));
        }
        System.out.printf(Locale.ROOT, "%-20s %8s %8s %8s %8s %7s%n", "report", "p50 ms", "p95 ms", "p99 ms", "max ms", "n");
        for (Map.Entry<String, List<String>> kind : kinds.entrySet()) {
            long[] nanos = new long[reports];
            for (int i = 0; i < warmup + reports; i++) {
                LoadDriver.Result result = session.get(kind.getValue().get(i));
                if (!result.ok()) {
                    throw new IllegalStateException(kind.getKey() + " failed: " + result.status() + " " + result.body());
                }
                if (i >= warmup) {
                    nanos[i - warmup] = result.nanos();
                }
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "%-20s %8.1f %8.1f %8.1f %8.1f %7d%n", kind.getKey(), ms(nanos, 0.50),
                    ms(nanos, 0.95), ms(nanos, 0.99), nanos[nanos.length - 1] / 1e6, reports);
        }
        System.exit(0);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
