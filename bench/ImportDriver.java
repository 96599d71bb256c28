import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bulk import throughput through the running server. Single file, JDK only:
 *
 * <pre>java bench/ImportDriver.java --base-url http://127.0.0.1:18520 --user coordination \
 *     --password demo-passerelle-2026 --persons 50000</pre>
 *
 * <p>Generates a CSV of {@code --persons} persons (multi-origin names, 30% with a birth year only,
 * 10% with an age only, a few rows refused on purpose: one in 500 has an unknown sex), signs in as a
 * coordinator (choosing their first site if none is current), then times each step over HTTP as the
 * web client does it: the upload, the check with the mapping the server guessed (every row read,
 * likely duplicates in the file and in the registry), and the import job from its start to DONE,
 * polling its status every 200 ms. Prints persons/s for the job and for the whole import.
 */
public final class ImportDriver {

    private static final Pattern IMPORT_ID = Pattern.compile("\"importId\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern SITE_ID = Pattern.compile("\"sites\"\\s*:\\s*\\[\\s*\\{\"id\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");
    private static final Pattern GUESSED = Pattern.compile("\"guessed\"\\s*:\\s*(\\{[^}]*\\})");
    private static final Pattern PAIR = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([A-Z_]+)\"");

    private static final String[] GIVEN = {
        "Mohammed", "Muhammad", "Amina", "Fatima", "Yonas", "Abdul Rahman", "Awa", "Mariam", "Ahmad", "Omar",
        "Aisha", "Tesfay", "Selam", "Ibrahim", "Khadija", "Mamadou", "Fatoumata", "Hamid", "Zahra", "Ali",
        "Samir", "Nour", "Bilal", "Hawa", "Issa", "Layla", "Yusuf", "Aminata", "Kiros", "Hiwet"
    };
    private static final String[] FAMILY = {
        "Haddad", "Benali", "Traoré", "Diallo", "Tekle", "Mehari", "Abdelrahman", "Osman", "Mohamed", "Hussein",
        "Karimi", "Ahmadi", "Sow", "Camara", "Bah", "Kebede", "Gebremedhin", "Nouri", "Hassan", "Yousef",
        "Rahimi", "Keita", "Coulibaly", "Touré", "Ibrahim", "Saleh", "Mansour", "Jalloh", "Konaté", "Barry"
    };
    private static final String[] COUNTRIES = {"SD", "ER", "AF", "ML", "GN", "SY", "ET", "CI", "Soudan", "Érythrée"};
    private static final String[] SEXES = {"F", "M", "H", "femme", "homme"};

    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final URI base;

    private ImportDriver(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>(Map.of(
                "--base-url", "http://127.0.0.1:18520",
                "--user", "coordination",
                "--password", "demo-passerelle-2026",
                "--persons", "50000",
                "--seed", "7"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        ImportDriver driver = new ImportDriver(URI.create(options.get("--base-url")));
        driver.run(options.get("--user"), options.get("--password"), Integer.parseInt(options.get("--persons")),
                Long.parseLong(options.get("--seed")));
    }

    private void run(String user, String password, int persons, long seed) throws Exception {
        String session = require(send("GET", "/api/session", null, null), 200, 401);
        session = require(send("POST", "/api/session",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", "application/json"), 200);
        if (session.contains("\"currentSite\":null") || !session.contains("\"currentSite\"")) {
            Matcher site = SITE_ID.matcher(session);
            if (!site.find()) {
                throw new IllegalStateException("the user has no site");
            }
            require(send("PUT", "/api/session/site", "{\"siteId\":\"" + site.group(1) + "\"}", "application/json"), 200);
        }
        byte[] csv = csv(persons, new Random(seed));
        log("CSV of %,d persons generated: %,d bytes", persons, csv.length);

        long start = System.nanoTime();
        String uploaded = require(send("POST", "/api/imports", csv, "application/octet-stream"), 201);
        long uploadedAt = System.nanoTime();
        String importId = match(IMPORT_ID, uploaded);
        String columns = columns(match(GUESSED, uploaded));
        log("upload: %.2f s", (uploadedAt - start) / 1e9);

        String checked = require(send("POST", "/api/imports/" + importId + "/check", columns, "application/json"), 200);
        long checkedAt = System.nanoTime();
        log("check: %.2f s (%s)", (checkedAt - uploadedAt) / 1e9, counts(checked));

        require(send("POST", "/api/imports/" + importId + "/run",
                "{\"mapping\":" + columns + ",\"decisions\":[]}", "application/json"), 202);
        String status;
        String job;
        do {
            Thread.sleep(200);
            job = require(send("GET", "/api/imports/" + importId, null, null), 200);
            status = match(STATUS, job);
        } while (status.equals("RUNNING"));
        long doneAt = System.nanoTime();
        if (!status.equals("DONE")) {
            throw new IllegalStateException("the import ended " + status + ": " + job);
        }
        int imported = Integer.parseInt(match(Pattern.compile("\"imported\"\\s*:\\s*(\\d+)"), job));
        double jobSeconds = (doneAt - checkedAt) / 1e9;
        double allSeconds = (doneAt - start) / 1e9;
        log("job: %.2f s for %,d persons imported (%s)", jobSeconds, imported, job);
        System.out.printf(Locale.ROOT,
                "persons=%d imported=%d upload_s=%.2f check_s=%.2f job_s=%.2f job_persons_per_s=%.0f"
                        + " end_to_end_s=%.2f end_to_end_persons_per_s=%.0f%n",
                persons, imported, (uploadedAt - start) / 1e9, (checkedAt - uploadedAt) / 1e9, jobSeconds,
                imported / jobSeconds, allSeconds, imported / allSeconds);
    }

    /** Persons of many origins; a third with a birth year only, some with an age only, one in 500 refused. */
    private static byte[] csv(int persons, Random random) {
        StringBuilder out = new StringBuilder("Prénom;Nom;Sexe;Date de naissance;Âge;Pays d'origine;Téléphone\n");
        for (int i = 0; i < persons; i++) {
            String sex = i % 500 == 499 ? "Z" : SEXES[random.nextInt(SEXES.length)];
            int kind = random.nextInt(10);
            int year = 1950 + random.nextInt(70);
            String birth = kind < 3 ? Integer.toString(year)
                    : kind < 9 ? String.format(Locale.ROOT, "%02d/%02d/%d", 1 + random.nextInt(28), 1 + random.nextInt(12), year)
                    : "";
            String age = kind == 9 ? Integer.toString(5 + random.nextInt(60)) : "";
            String phone = random.nextInt(4) == 0 ? String.format(Locale.ROOT, "+33 6 %08d", random.nextInt(100_000_000)) : "";
            out.append(GIVEN[random.nextInt(GIVEN.length)]).append(';')
                    .append(FAMILY[random.nextInt(FAMILY.length)]).append(' ').append(syllables(random)).append(';')
                    .append(sex).append(';').append(birth).append(';').append(age).append(';')
                    .append(COUNTRIES[random.nextInt(COUNTRIES.length)]).append(';').append(phone).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A second family name made of syllables, so that the persons are not all namesakes. */
    private static String syllables(Random random) {
        String[] parts = {"ka", "mo", "ra", "di", "lu", "se", "ba", "ti", "no", "ha", "we", "zi"};
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            name.append(parts[random.nextInt(parts.length)]);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** The mapping the server guessed (field by header), sent back as the header of each field. */
    private static String columns(String guessed) {
        StringBuilder json = new StringBuilder("{\"columns\":{");
        Matcher pair = PAIR.matcher(guessed);
        boolean first = true;
        while (pair.find()) {
            json.append(first ? "" : ",").append('"').append(pair.group(2)).append("\":\"").append(pair.group(1)).append('"');
            first = false;
        }
        return json.append("}}").toString();
    }

    private static String counts(String check) {
        Matcher accepted = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)").matcher(check);
        int duplicates = check.split("\"inRegistry\"", -1).length - 1;
        return (accepted.find() ? accepted.group(1) : "?") + " accepted, " + duplicates + " with likely duplicates";
    }

    private String csrf() {
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                return cookie.getValue();
            }
        }
        return "";
    }

    private HttpResponse<String> send(String method, String path, Object body, String type)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : body instanceof byte[] bytes ? HttpRequest.BodyPublishers.ofByteArray(bytes)
                : HttpRequest.BodyPublishers.ofString((String) body, StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .method(method, publisher)
                .header("Accept", "application/json")
                .header("Accept-Language", "en")
                .header("X-XSRF-TOKEN", csrf())
                .timeout(Duration.ofMinutes(10));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static String require(HttpResponse<String> response, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return response.body();
            }
        }
        String body = response.body();
        throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                + " answered " + response.statusCode() + ": " + body.substring(0, Math.min(300, body.length())));
    }

    private static String match(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("not found in the answer: " + pattern);
        }
        return matcher.group(1);
    }

    private static void log(String format, Object... args) {
        System.err.printf(Locale.ROOT, "[import] " + format + "%n", args);
    }
}
