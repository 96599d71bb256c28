import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures how often the search box finds a person registered under another spelling, through the
 * HTTP API of a running Passerelle (as deployed, with whatever else its registry holds): recall at
 * 1, 5 and 10 of searches by name alone and with the sex and birth year (or the age, for an
 * estimated birth date), of the whole name and of one word, in particular one word spelt otherwise
 * than in the registered names.
 *
 * <p>It reads a set of records in the transliteration set's format (tab-separated: record_id,
 * person, names separated by " | ", sex, birth_precision, birth_date, estimated_age, estimated_on,
 * country), registers the first record of every person, then searches with the names of each
 * person's second record and looks for the first record's id among the results.
 *
 * <pre>java bench/SearchRecall.java --base-url http://127.0.0.1:8080 --user infirmier \
 *     --password demo-passerelle-2026 --set src/test/resources/matching/transliteration-set.tsv</pre>
 *
 * Uses {@code LoadDriver.Session} from the same directory (a multi-file source program).
 */
public final class SearchRecall {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern SITE_ID = Pattern.compile("\"sites\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PROBABILITY = Pattern.compile("\"probability\"\\s*:\\s*([0-9.eE-]+)");
    private static final int[] RANKS = {1, 5, 10};

    /** Words that are not names (filiation, "servant of", "father of"): the search does not require them. */
    private static final Set<String> PARTICLES =
            Set.of("ben", "bin", "ibn", "bent", "bint", "ould", "ouled", "wuld", "abd", "abu", "abou", "abo", "abdel",
                    "abdul", "abdoul", "din", "dine", "eddine", "uddin");

    /** Whether to print the searches for one respelled word that missed (query and names registered). */
    private static boolean printMisses;

    /**
     * The searches for one respelled word that did not list the person in the first ten, by kind of
     * respelling and by why: ranked below ten (found among the first 100) or not found at all.
     */
    private final Map<String, int[]> misses = new java.util.TreeMap<>();

    /** One record of the set. */
    record SetRecord(
            String person, List<String> names, String sex, String precision, String date, String age, String on) {}

    /** The hits of one kind of search: how many, found at rank 1, 5, 10, empty answers, latencies. */
    static final class Tally {
        int searches;
        final int[] found = new int[RANKS.length];
        int empty;
        final List<Long> nanos = new ArrayList<>();
    }

    /** Top-1 probabilities against whether the top-1 was the person, in five bins. */
    private final int[] binCount = new int[5];
    private final double[] binProbability = new double[5];
    private final int[] binCorrect = new int[5];

    private final LoadDriver.Session session;
    private final Map<String, Tally> tallies = new LinkedHashMap<>();

    SearchRecall(LoadDriver.Session session) {
        this.session = session;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        URI base = URI.create(options.getOrDefault("base-url", "http://127.0.0.1:8080"));
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        LoadDriver.Session session = new LoadDriver.Session(base, io);
        LoadDriver.Result login = session.login(
                options.getOrDefault("user", "infirmier"), options.getOrDefault("password", "demo-passerelle-2026"));
        if (!login.ok()) {
            throw new IllegalStateException("login failed: " + login.status() + " " + login.body());
        }
        if (!login.body().contains("\"currentSite\":{")) {
            Matcher site = SITE_ID.matcher(login.body());
            if (!site.find()) {
                throw new IllegalStateException("the user has no site");
            }
            session.send("PUT", "/api/session/site", "{\"siteId\":\"" + site.group(1) + "\"}");
        }
        Map<String, List<SetRecord>> people = read(Path.of(options.getOrDefault(
                "set", "src/test/resources/matching/transliteration-set.tsv")));
        int limit = Integer.parseInt(options.getOrDefault("max-people", "100000"));
        printMisses = Boolean.parseBoolean(options.getOrDefault("print-misses", "false"));
        new SearchRecall(session).run(people, limit);
        System.exit(0);
    }

    void run(Map<String, List<SetRecord>> people, int maxPeople) {
        Map<String, String> registered = new LinkedHashMap<>();
        long start = System.nanoTime();
        for (Map.Entry<String, List<SetRecord>> person : people.entrySet()) {
            if (registered.size() >= maxPeople) {
                break;
            }
            registered.put(person.getKey(), register(person.getValue().getFirst()));
        }
        System.out.printf(Locale.ROOT, "Registered %d persons in %.0f s%n", registered.size(),
                (System.nanoTime() - start) / 1e9);
        for (Map.Entry<String, String> person : registered.entrySet()) {
            List<SetRecord> records = people.get(person.getKey());
            if (records.size() >= 2) {
                searchFor(person.getValue(), records.getFirst(), records.get(1));
            }
        }
        report();
    }

    /** The searches a worker would try for the person of {@code registered}, from {@code seen}. */
    private void searchFor(String id, SetRecord registered, SetRecord seen) {
        String name = seen.names().getFirst();
        String birth = birthCriteria(seen);
        int wholeBefore = tallies.containsKey("whole name, name alone") ? tallies.get("whole name, name alone").found[2] : 0;
        search("whole name, name alone", name, "", id);
        if (tallies.get("whole name, name alone").found[2] == wholeBefore) {
            int[] counts = misses.computeIfAbsent("(whole name)", k -> new int[5]);
            counts[rankAmongHundred(name, "", id) >= 0 ? 1 : 2]++;
            if (printMisses) {
                System.err.println("missed whole " + name + " for " + registered.names());
            }
        }
        search("whole name, sex and year or age", name, birth, id);
        List<String> words = words(name);
        if (!words.isEmpty()) {
            search("one word, name alone", words.getFirst(), "", id);
            search("one word, sex and year or age", words.getFirst(), birth, id);
        }
        Set<String> registeredWords = new HashSet<>();
        registered.names().forEach(n -> registeredWords.addAll(words(n)));
        String respelled = words.stream()
                .filter(word -> word.length() >= 3 && !registeredWords.contains(word) && !PARTICLES.contains(word))
                .findFirst()
                .orElse(null);
        if (respelled != null) {
            int before = tallies.containsKey("one respelled word, name alone")
                    ? tallies.get("one respelled word, name alone").found[2]
                    : 0;
            search("one respelled word, name alone", respelled, "", id);
            boolean missed = tallies.get("one respelled word, name alone").found[2] == before;
            if (printMisses && missed) {
                System.err.println("missed " + respelled + " for " + registered.names());
            }
            String kind = respelling(respelled, registeredWords);
            int[] counts = misses.computeIfAbsent(kind, k -> new int[5]);
            counts[0]++;
            if (missed) {
                counts[rankAmongHundred(respelled, "", id) >= 0 ? 1 : 2]++;
            }
            int withBirth = tallies.containsKey("one respelled word, sex and year or age")
                    ? tallies.get("one respelled word, sex and year or age").found[2]
                    : 0;
            search("one respelled word, sex and year or age", respelled, birth, id);
            if (tallies.get("one respelled word, sex and year or age").found[2] == withBirth) {
                counts[rankAmongHundred(respelled, birth, id) >= 0 ? 3 : 4]++;
            }
        }
    }

    private void search(String kind, String query, String criteria, String id) {
        LoadDriver.Result result = session.send(
                "POST", "/api/people/search", "{\"query\":" + LoadDriver.quote(query) + criteria + ",\"limit\":10}");
        if (!result.ok()) {
            throw new IllegalStateException("search failed: " + result.status() + " " + result.body());
        }
        List<String> ids = new ArrayList<>();
        Matcher found = ID.matcher(result.body());
        while (found.find()) {
            ids.add(found.group(1));
        }
        Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
        tally.searches++;
        tally.nanos.add(result.nanos());
        int rank = ids.indexOf(id);
        for (int r = 0; r < RANKS.length; r++) {
            if (rank >= 0 && rank < RANKS[r]) {
                tally.found[r]++;
            }
        }
        if (ids.isEmpty()) {
            tally.empty++;
        } else if (kind.endsWith("sex and year or age")) {
            Matcher probability = PROBABILITY.matcher(result.body());
            if (probability.find()) {
                double p = Double.parseDouble(probability.group(1));
                int bin = Math.min(4, (int) (p * 5));
                binCount[bin]++;
                binProbability[bin] += p;
                binCorrect[bin] += rank == 0 ? 1 : 0;
            }
        }
    }

    /** The person's rank among the first 100 results, or -1. */
    private int rankAmongHundred(String query, String criteria, String id) {
        LoadDriver.Result result = session.send(
                "POST", "/api/people/search", "{\"query\":" + LoadDriver.quote(query) + criteria + ",\"limit\":100}");
        if (!result.ok()) {
            throw new IllegalStateException("search failed: " + result.status() + " " + result.body());
        }
        List<String> ids = new ArrayList<>();
        Matcher found = ID.matcher(result.body());
        while (found.find()) {
            ids.add(found.group(1));
        }
        return ids.indexOf(id);
    }

    /**
     * How a word differs from the closest word of the names registered: another script, a doubled
     * letter, vowels, a consonant of the same class (g/j, d/t, s/z, b/p/f/v, k/q/c, h/kh/x), the
     * beginning or end of a registered word (a compound, a glued article, a word begun), or another
     * name altogether.
     */
    static String respelling(String word, Set<String> registered) {
        if (!word.chars().allMatch(c -> c < 128)) {
            return "script";
        }
        String kind = "other name";
        for (String candidate : registered) {
            String k;
            if (collapse(candidate).equals(collapse(word))) {
                k = "doubled letter";
            } else if (skeleton(candidate).equals(skeleton(word))) {
                k = "vowel";
            } else if (consonants(candidate).equals(consonants(word))) {
                k = "consonant class";
            } else if (word.length() >= 3 && (candidate.startsWith(word) || candidate.endsWith(word)
                    || word.startsWith(candidate) || word.endsWith(candidate))) {
                k = "prefix or compound";
            } else {
                continue;
            }
            kind = KINDS.indexOf(k) < KINDS.indexOf(kind) ? k : kind;
        }
        return kind;
    }

    private static final List<String> KINDS =
            List.of("script", "doubled letter", "vowel", "consonant class", "prefix or compound", "other name");

    private static String collapse(String word) {
        return word.replaceAll("(.)\\1+", "$1");
    }

    private static String skeleton(String word) {
        return collapse(collapse(word).replaceAll("[aeiouyw]", "").replaceAll("h$", ""));
    }

    private static String consonants(String word) {
        String s = skeleton(word).replaceAll("kh|x", "h").replaceAll("dj|j|gh|g", "g").replaceAll("[kqc]", "k")
                .replaceAll("th|dh|[dt]", "t").replaceAll("sh|ch|z|s", "s").replaceAll("ph|[bpfv]", "b");
        return collapse(s);
    }

    private void report() {
        System.out.printf("%n| search | n | recall@1 | recall@5 | recall@10 | empty | p50 ms | p95 ms |%n");
        System.out.printf("|---|---|---|---|---|---|---|---|%n");
        for (Map.Entry<String, Tally> entry : tallies.entrySet()) {
            Tally t = entry.getValue();
            long[] sorted = t.nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f | %.1f | %.1f |%n",
                    entry.getKey(), t.searches,
                    (double) t.found[0] / t.searches, (double) t.found[1] / t.searches,
                    (double) t.found[2] / t.searches, (double) t.empty / t.searches,
                    sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.95)] / 1e6);
        }
        System.out.printf("%nOne respelled word not in the first ten, by kind of respelling: ranked lower (in the"
                + " first 100) or not found%n");
        System.out.printf("| kind | n | alone: ranked lower | alone: not found | with sex and year: ranked lower |"
                + " with sex and year: not found |%n|---|---|---|---|---|---|%n");
        misses.forEach((kind, c) -> System.out.printf("| %s | %d | %d | %d | %d | %d |%n", kind, c[0], c[1], c[2], c[3], c[4]));
        System.out.printf("%nTop result's probability against how often it is the person (searches with sex and year or age):%n");
        System.out.printf("| probability | n | mean probability | top-1 is the person |%n|---|---|---|---|%n");
        for (int b = 0; b < binCount.length; b++) {
            if (binCount[b] > 0) {
                System.out.printf(Locale.ROOT, "| %.1f–%.1f | %d | %.3f | %.3f |%n", b / 5.0, (b + 1) / 5.0,
                        binCount[b], binProbability[b] / binCount[b], (double) binCorrect[b] / binCount[b]);
            }
        }
    }

    /** The sex and birth year (or age, for an estimated birth date) of a record, as JSON members. */
    private static String birthCriteria(SetRecord record) {
        StringBuilder json = new StringBuilder();
        if (!record.sex().equals("UNKNOWN")) {
            json.append(",\"sex\":\"").append(record.sex()).append('"');
        }
        if (!record.date().isEmpty()) {
            int year = LocalDate.parse(record.date()).getYear();
            if (record.precision().equals("ESTIMATED")) {
                json.append(",\"age\":").append(Math.max(0, LocalDate.now().getYear() - year));
            } else {
                json.append(",\"birthYear\":").append(year);
            }
        }
        return json.toString();
    }

    private String register(SetRecord record) {
        StringBuilder others = new StringBuilder();
        for (String other : record.names().subList(1, record.names().size())) {
            others.append(others.isEmpty() ? "" : ",")
                    .append("{\"name\":").append(LoadDriver.quote(other)).append(",\"kind\":\"ALIAS\"}");
        }
        String birth = "";
        if (!record.date().isEmpty()) {
            birth = record.precision().equals("ESTIMATED") && !record.age().isEmpty()
                    ? ",\"birthDate\":{\"precision\":\"ESTIMATED\",\"estimatedAge\":" + record.age()
                            + ",\"estimatedOn\":\"" + record.on() + "\"}"
                    : ",\"birthDate\":{\"precision\":\"" + record.precision() + "\",\"date\":\"" + record.date() + "\"}";
        }
        String body = "{\"details\":{\"chosenName\":" + LoadDriver.quote(record.names().getFirst())
                + ",\"otherNames\":[" + others + "],\"sex\":\"" + record.sex() + "\"" + birth + "}}";
        LoadDriver.Result result = session.send("POST", "/api/people", body);
        if (!result.ok()) {
            throw new IllegalStateException("registration failed: " + result.status() + " " + result.body());
        }
        Matcher id = ID.matcher(result.body());
        if (!id.find()) {
            throw new IllegalStateException("no id in " + result.body());
        }
        return id.group(1);
    }

    /** The words of a name as a search box splits them: lower case, without accents. */
    static List<String> words(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        return Arrays.stream(folded.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** The records of the set by person, in the order of the file. */
    static Map<String, List<SetRecord>> read(Path file) throws Exception {
        Map<String, List<SetRecord>> ordered = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split("\t", -1), 9);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == null ? "" : f[i].strip();
            }
            List<String> names = Arrays.stream(f[2].split("\\|")).map(String::strip).filter(n -> !n.isEmpty()).toList();
            ordered.computeIfAbsent(f[1], k -> new ArrayList<>())
                    .add(new SetRecord(f[1], names, f[3].isEmpty() ? "UNKNOWN" : f[3], f[4], f[5], f[6], f[7]));
        }
        return ordered;
    }
}
