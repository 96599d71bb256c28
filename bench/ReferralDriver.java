import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Latency of a site's "to follow" list of referrals and of its rights reminders. JDK only; uses
 * {@code BenchClient.java} beside it (JDK 22+):
 *
 * <pre>java bench/ReferralDriver.java --base-url http://127.0.0.1:18720 --admin-password ... \
 *     --persons 2000 --reads 200</pre>
 *
 * <p>As the administrator it creates a programme with one site, a coordinator, a clinician and a
 * social and legal worker there, and a partner service in the directory. Then {@code --persons}
 * persons registered at the site, each with a rights file as the field keeps it (an AME requested
 * then granted a year back, so expiring soon or expired for one in four; a request still waiting
 * for one in four; no coverage for the rest) and a referral sent in the last 60 days (a third of
 * them still open, some of them overdue). Then {@code --reads} reads of the "to follow" list and of
 * the reminders (after 20 not measured). Prints p50, p95 and p99 of each, and the site's id.
 *
 * <p>{@code --persons 0 --site-of RUN} measures again the site of an earlier run (its users'
 * passwords come from the run id), for instance after {@code bench/referrals-bulk.sql} has added
 * the rights files and referrals of a million persons around it.
 */
public final class ReferralDriver {

    private final URI base;
    private final String adminUser;
    private final String adminPassword;
    private final int persons;
    private final int reads;
    private final String siteOf;
    private final String runId;

    ReferralDriver(Map<String, String> options) {
        this.base = URI.create(options.get("--base-url"));
        this.adminUser = options.get("--admin-user");
        this.adminPassword = options.get("--admin-password");
        this.persons = Integer.parseInt(options.get("--persons"));
        this.reads = Integer.parseInt(options.get("--reads"));
        this.siteOf = options.get("--site-of");
        this.runId = siteOf.isEmpty() ? Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36) : siteOf;
    }

    public static void main(String[] args) throws Exception {
        new ReferralDriver(BenchClient.options(args, Map.of("--persons", "2000", "--reads", "200", "--site-of", "")))
                .run();
    }

    void run() throws Exception {
        ExecutorService io = Executors.newVirtualThreadPerTaskExecutor();
        BenchClient.Session clinician;
        BenchClient.Session social;
        if (siteOf.isEmpty()) {
            BenchClient.Session admin = new BenchClient.Session(base, io).administrator(adminUser, adminPassword);
            BenchClient.Result programme = admin.send("POST", "/api/programmes",
                    "{\"code\":\"RB-" + runId.toUpperCase() + "\",\"name\":\"Referral bench " + runId + "\"}");
            BenchClient.require(programme, "create programme");
            String programmeId = BenchClient.first(BenchClient.ID, programme.body());
            BenchClient.Result site = admin.send("POST", "/api/sites",
                    "{\"programmeId\":\"" + programmeId + "\",\"name\":\"Referral bench " + runId + "\",\"kind\":\"FIXED\"}");
            BenchClient.require(site, "create site");
            String siteId = BenchClient.first(BenchClient.ID, site.body());
            BenchClient.log("site %s (run %s)", siteId, runId);
            BenchClient.Session coordinator = user(admin, io, siteId, "coordinator", "COORDINATOR");
            clinician = user(admin, io, siteId, "clinician", "CLINICIAN");
            social = user(admin, io, siteId, "social", "SOCIAL_LEGAL_WORKER");
            String service = service(coordinator);
            load(io, clinician, social, service);
        } else {
            clinician = new BenchClient.Session(base, io).signedIn(username("clinician"), password());
            social = new BenchClient.Session(base, io).signedIn(username("social"), password());
        }
        BenchClient.measure("to follow", reads, i -> clinician.get("/api/referrals/to-follow"));
        BenchClient.measure("rights reminders", reads, i -> social.get("/api/rights/reminders"));
    }

    private void load(ExecutorService io, BenchClient.Session clinician, BenchClient.Session social, String service) {
        LocalDate today = LocalDate.now();
        long start = System.nanoTime();
        BenchClient.parallel(io, persons, i -> {
            BenchClient.Result person = clinician.send("POST", "/api/people", "{\"details\":{\"chosenName\":\"Person " + i
                    + "\",\"sex\":\"" + (i % 2 == 0 ? "FEMALE" : "MALE") + "\"}}");
            BenchClient.require(person, "register");
            String personId = BenchClient.first(BenchClient.ID, person.body());
            String steps = "/api/rights/people/" + personId + "/steps";
            switch (i % 4) {
                case 0 -> {
                    step(social, steps, "AME_REQUESTED", today.minusDays(400 + i % 30));
                    step(social, steps, "AME_GRANTED", today.minusDays(340 + i % 60));
                }
                case 1 -> step(social, steps, "PUMA_REQUESTED", today.minusDays(i % 120));
                default -> step(social, steps, "COVERAGE_NONE", today.minusDays(i % 365));
            }
            BenchClient.Result referral = clinician.send("POST", "/api/referrals", "{\"id\":\"" + UUID.randomUUID()
                    + "\",\"personId\":\"" + personId + "\",\"serviceId\":\"" + service
                    + "\",\"reason\":\"Follow-up of a chronic condition\",\"urgency\":\""
                    + (i % 10 == 0 ? "URGENT" : "ROUTINE") + "\",\"consent\":\"PERSON\",\"sentOn\":\""
                    + today.minusDays(i % 60) + "\"}");
            BenchClient.require(referral, "refer");
            if (i % 3 != 0) {
                String referralId = BenchClient.first(BenchClient.ID, referral.body());
                BenchClient.require(clinician.send("POST", "/api/referrals/" + referralId + "/steps",
                        "{\"status\":\"ATTENDED\",\"occurredOn\":\"" + today + "\",\"version\":1}"), "attended");
            }
        });
        BenchClient.log("%d persons with their rights files and referrals, set up in %.0f s", persons,
                (System.nanoTime() - start) / 1e9);
    }

    private static void step(BenchClient.Session social, String path, String kind, LocalDate on) {
        BenchClient.require(social.send("POST", path, "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"" + kind
                + "\",\"occurredOn\":\"" + on + "\",\"documents\":[\"PROOF_OF_IDENTITY\"]}"), "record " + kind);
    }

    private String service(BenchClient.Session coordinator) {
        BenchClient.Result service = coordinator.send("POST", "/api/directory/services", "{\"id\":\"" + UUID.randomUUID()
                + "\",\"details\":{\"kind\":\"PASS\",\"name\":\"PASS bench " + runId + "\",\"postalCode\":\"62100\","
                + "\"city\":\"Calais\",\"languages\":[\"fr\",\"en\",\"ar\"],\"needs\":[\"GENERAL_CARE\"],"
                + "\"acceptsUncovered\":true,\"acceptsMinors\":true,\"interpreter\":true,\"closed\":false}}");
        BenchClient.require(service, "create service");
        return BenchClient.first(BenchClient.ID, service.body());
    }

    private String username(String what) {
        return "rb-" + runId + "-" + what;
    }

    private String password() {
        return "referral-bench-" + runId + "-long-password";
    }

    private BenchClient.Session user(BenchClient.Session admin, ExecutorService io, String siteId, String what, String role) {
        BenchClient.require(admin.send("POST", "/api/users", "{\"username\":\"" + username(what)
                + "\",\"displayName\":\"Referral bench " + what + "\",\"password\":\"" + password()
                + "\",\"roles\":[\"" + role + "\"],\"allSites\":false,\"siteIds\":[\"" + siteId + "\"]}"),
                "create " + what);
        return new BenchClient.Session(base, io).signedIn(username(what), password());
    }
}
