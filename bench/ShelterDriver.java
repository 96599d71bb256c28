import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Latency of the shelters' reads at winter size. JDK only; uses {@code BenchClient.java} beside it
 * (JDK 22+):
 *
 * <pre>java bench/ShelterDriver.java --base-url http://127.0.0.1:18600 --admin-password ... \
 *     --board-beds 200 --shelters 30 --beds-per-shelter 20 --years 5 --stay-nights 60 --reads 200</pre>
 *
 * <p>As the administrator it creates a programme of shelter sites, each with a coordinator. The
 * <b>bed board</b>: one winter shelter of {@code --board-beds} beds in rooms of 20, nine in ten
 * beds held by a resident admitted tonight, then {@code --reads} reads of tonight's board (after
 * 20 not measured). The <b>occupancy</b>: {@code --shelters} shelters of {@code --beds-per-shelter}
 * beds, in service {@code --years} years back, each bed held by its resident again and again for
 * {@code --stay-nights} nights with a night free between them (an admission and a discharge each,
 * back-dated; one person per bed, as each stay ends before the next), then {@code --reads} reads of
 * one shelter's occupancy night by night over the whole
 * period, the shelters in turn. Prints p50, p95 and p99 of each.
 *
 * <p>With {@code --state FILE}, the shelters set up are written to the file (their sites and
 * coordinators' sign-ins); when the file exists, nothing is set up and the same shelters are read
 * again, so that two builds of the server can be measured on the same data (start the second on a
 * copy of the first one's data directory).
 */
public final class ShelterDriver {

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final int boardBeds;
    private final int shelters;
    private final int bedsPerShelter;
    private final int years;
    private final int stayNights;
    private final int reads;
    private final String state;
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
        this.state = options.get("--state");
    }

    public static void main(String[] args) throws Exception {
        new ShelterDriver(BenchClient.options(args, Map.of(
                        "--board-beds", "200",
                        "--shelters", "30",
                        "--beds-per-shelter", "20",
                        "--years", "5",
                        "--stay-nights", "60",
                        "--reads", "200",
                        "--state", "")))
                .run();
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        if (!state.isEmpty() && Files.exists(Path.of(state))) {
            again(io);
            return;
        }
        BenchClient.Session admin = new BenchClient.Session(base, io).administrator(adminUser, adminPassword);
        BenchClient.Result programme = admin.send("POST", "/api/programmes",
                "{\"code\":\"SB-" + runId.toUpperCase() + "\",\"name\":\"Shelter bench " + runId + "\"}");
        BenchClient.require(programme, "create programme");
        String programmeId = BenchClient.first(BenchClient.ID, programme.body());
        if (boardBeds > 0) {
            board(admin, io, programmeId);
        }
        if (shelters > 0) {
            occupancy(admin, io, programmeId);
        }
    }

    private void board(BenchClient.Session admin, ExecutorService io, String programmeId) {
        Shelter shelter = shelter(admin, io, programmeId, "Winter " + runId);
        LocalDate tonight = LocalDate.now();
        long start = System.nanoTime();
        List<String> beds = beds(shelter, boardBeds, tonight);
        BenchClient.parallel(io, beds.size() * 9 / 10, i -> admit(shelter.coordinator(), register(shelter.coordinator(), i), beds.get(i), null, null));
        BenchClient.log("bed board: %d beds, %d held, set up in %.0f s", beds.size(), beds.size() * 9 / 10,
                (System.nanoTime() - start) / 1e9);
        remember("board " + shelter);
        measureBoard(shelter);
    }

    private void measureBoard(Shelter shelter) {
        BenchClient.measure("bed board", reads, i -> shelter.coordinator().get("/api/shelters/sites/" + shelter.siteId() + "/board"));
    }

    /** Reads again the shelters of the state file, set up by an earlier run. */
    private void again(ExecutorService io) throws IOException {
        List<Shelter> occupied = new ArrayList<>();
        LocalDate first = null;
        for (String line : Files.readAllLines(Path.of(state))) {
            String[] word = line.split(" ");
            switch (word[0]) {
                case "board" -> measureBoard(Shelter.of(base, io, word));
                case "occupancy" -> occupied.add(Shelter.of(base, io, word));
                case "first" -> first = LocalDate.parse(word[1]);
                default -> throw new IllegalStateException("unexpected line in " + state + ": " + line);
            }
        }
        if (!occupied.isEmpty() && first != null) {
            measureOccupancy(occupied, first);
        }
    }

    private void remember(String line) {
        if (state.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(state), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void occupancy(BenchClient.Session admin, ExecutorService io, String programmeId) {
        LocalDate tonight = LocalDate.now();
        LocalDate first = tonight.minusYears(years);
        int staysPerBed = (int) ((tonight.toEpochDay() - first.toEpochDay()) / (stayNights + 1));
        List<Shelter> all = new ArrayList<>();
        long start = System.nanoTime();
        for (int s = 0; s < shelters; s++) {
            all.add(shelter(admin, io, programmeId, "Shelter " + runId + " " + s));
        }
        BenchClient.parallel(io, shelters, s -> {
            Shelter shelter = all.get(s);
            List<String> beds = beds(shelter, bedsPerShelter, first);
            List<String> residents = new ArrayList<>();
            for (int b = 0; b < beds.size(); b++) {
                residents.add(register(shelter.coordinator(), b));
            }
            for (int stay = 0; stay < staysPerBed; stay++) {
                LocalDate admitted = first.plusDays((long) stay * (stayNights + 1));
                for (int b = 0; b < beds.size(); b++) {
                    admit(shelter.coordinator(), residents.get(b), beds.get(b), admitted, admitted.plusDays(stayNights));
                }
            }
        });
        BenchClient.log("occupancy: %d shelters of %d beds over %d years, %d stays, set up in %.0f s", shelters, bedsPerShelter,
                years, shelters * bedsPerShelter * staysPerBed, (System.nanoTime() - start) / 1e9);
        remember("first " + first);
        all.forEach(shelter -> remember("occupancy " + shelter));
        measureOccupancy(all, first);
    }

    private void measureOccupancy(List<Shelter> all, LocalDate first) {
        LocalDate tonight = LocalDate.now();
        BenchClient.measure("occupancy over " + years + " years", reads, i -> {
            Shelter shelter = all.get(i % all.size());
            return shelter.coordinator().get("/api/shelters/sites/" + shelter.siteId() + "/occupancy?from=" + first
                    + "&until=" + tonight.plusDays(1));
        });
    }

    record Shelter(String siteId, String username, String password, BenchClient.Session coordinator) {

        static Shelter of(URI base, ExecutorService io, String[] word) {
            return new Shelter(word[1], word[2], word[3], new BenchClient.Session(base, io).signedIn(word[2], word[3]));
        }

        @Override
        public String toString() {
            return siteId + " " + username + " " + password;
        }
    }

    private Shelter shelter(BenchClient.Session admin, ExecutorService io, String programmeId, String name) {
        BenchClient.Result site = admin.send("POST", "/api/sites",
                "{\"programmeId\":\"" + programmeId + "\",\"name\":\"" + name + "\",\"kind\":\"SHELTER\"}");
        BenchClient.require(site, "create site");
        String siteId = BenchClient.first(BenchClient.ID, site.body());
        String username = "sb-" + runId + "-" + siteId.substring(siteId.length() - 12);
        String password = "shelter-bench-" + runId + "-long-password";
        BenchClient.require(admin.send("POST", "/api/users", "{\"username\":\"" + username
                + "\",\"displayName\":\"Shelter bench\",\"password\":\"" + password
                + "\",\"roles\":[\"COORDINATOR\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"),
                "create coordinator");
        return new Shelter(siteId, username, password, new BenchClient.Session(base, io).signedIn(username, password));
    }

    private static List<String> beds(Shelter shelter, int count, LocalDate inServiceFrom) {
        List<String> beds = new ArrayList<>();
        String room = null;
        for (int i = 0; i < count; i++) {
            if (i % 20 == 0) {
                BenchClient.Result created = shelter.coordinator().send("POST", "/api/shelters/rooms", "{\"id\":\""
                        + UUID.randomUUID() + "\",\"siteId\":\"" + shelter.siteId() + "\",\"name\":\"Room "
                        + (i / 20 + 1) + "\"}");
                BenchClient.require(created, "create room");
                room = BenchClient.first(BenchClient.ID, created.body());
            }
            BenchClient.Result bed = shelter.coordinator().send("POST", "/api/shelters/beds", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"roomId\":\"" + room + "\",\"label\":\"" + (i + 1) + "\",\"inServiceFrom\":\""
                    + inServiceFrom + "\"}");
            BenchClient.require(bed, "create bed");
            beds.add(BenchClient.first(BenchClient.ID, bed.body()));
        }
        return beds;
    }

    /** Registers a resident; their id. */
    private static String register(BenchClient.Session coordinator, int n) {
        BenchClient.Result person = coordinator.send("POST", "/api/people", "{\"details\":{\"chosenName\":\"Resident " + n
                + "\",\"sex\":\"" + (n % 2 == 0 ? "FEMALE" : "MALE") + "\"}}");
        BenchClient.require(person, "register");
        return BenchClient.first(BenchClient.ID, person.body());
    }

    /** Admits a resident to the bed from {@code on} (tonight when null), discharged on {@code until} when given. */
    private static void admit(BenchClient.Session coordinator, String person, String bed, LocalDate on, LocalDate until) {
        BenchClient.Result stay = coordinator.send("POST", "/api/shelters/admissions", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"personId\":\"" + person + "\",\"bedId\":\"" + bed
                + "\",\"mode\":\"STAY\",\"reason\":\"SLEEPING_OUTSIDE\""
                + (on == null ? "" : ",\"admittedOn\":\"" + on + "\"") + "}");
        BenchClient.require(stay, "admit");
        if (until != null) {
            BenchClient.require(coordinator.send("POST", "/api/shelters/stays/" + BenchClient.first(BenchClient.ID, stay.body()) + "/discharge",
                    "{\"destination\":\"FAMILY\",\"dischargedOn\":\"" + until + "\",\"version\":1}"),
                    "discharge");
        }
    }
}
