package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The batch duplicate scan fills the review queue; a data officer merges a pair or says the two are
 * different people, which is remembered so the pair never returns.
 */
@PasserelleTest
class DuplicateReviewTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DuplicateScans scans;

    TestOrganisation organisation;
    ApiSession clinicianAtA;
    ApiSession clinicianAtB;
    ApiSession dataOfficer;
    String suffix;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinicianAtA = organisation.userAt(organisation.siteA, "CLINICIAN");
        clinicianAtB = organisation.userAt(organisation.siteB, "CLINICIAN");
        dataOfficer = organisation.dataOfficer(true, List.of());
        suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
    }

    @Test
    void aScanProposesSpellingVariantsAndConfirmingMergesThem() {
        String youssef = TestOrganisation.registerBorn(clinicianAtA, "Youssef Haddad " + suffix, "1994-03-12");
        String yusuf = TestOrganisation.registerBorn(clinicianAtB, "Yusuf Hadad " + suffix, "1994-12-03");
        String stranger = TestOrganisation.registerBorn(clinicianAtA, "Tesfaye Gebremedhin " + suffix, "1988-07-01");

        JsonNode scan = scanAndWait();

        assertThat(scan.path("status").asString()).isEqualTo("DONE");
        assertThat(scan.path("persons").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(scan.path("weights").valueStream().map(f -> f.path("field").asString()))
                .contains("names", "birth date", "sex");
        JsonNode pair = candidate(dataOfficer, youssef, yusuf).orElseThrow();
        assertThat(pair.path("probability").asDouble()).isGreaterThanOrEqualTo(0.5);
        assertThat(pair.path("reasons")
                        .valueStream()
                        .map(r -> r.path("field").asString() + ":"
                                + r.path("level").asString()))
                .contains("birth date:day-month swap or one digit");
        assertThat(Set.of(
                        pair.path("first").path("chosenName").asString(),
                        pair.path("second").path("chosenName").asString()))
                .containsExactlyInAnyOrder("Youssef Haddad " + suffix, "Yusuf Hadad " + suffix);
        assertThat(candidate(dataOfficer, youssef, stranger)).isEmpty();

        ApiSession.Response merge =
                dataOfficer.post("/api/duplicates/" + pair.path("id").asString() + "/merge", Map.of("keptId", youssef));

        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);
        assertThat(merge.text("keptId")).isEqualTo(youssef);
        assertThat(merge.text("mergedId")).isEqualTo(yusuf);
        assertThat(candidate(dataOfficer, youssef, yusuf)).isEmpty();
        assertThat(status(pair.path("id").asString())).isEqualTo("MERGED");
        assertThat(clinicianAtB.get("/api/people/" + youssef).status())
                .as("the merged record's site reaches the kept record")
                .isEqualTo(200);
        assertThat(dataOfficer
                        .post("/api/duplicates/" + pair.path("id").asString() + "/rejection", Map.of())
                        .text("code"))
                .isEqualTo("duplicate-already-decided");
    }

    @Test
    void aRejectedPairIsRememberedAndNeverProposedAgain() {
        String first = TestOrganisation.registerBorn(clinicianAtA, "Mamadou Diallo " + suffix, "2001-05-20");
        String second = TestOrganisation.registerBorn(clinicianAtA, "Mamadou Diallo " + suffix, "2001-05-20");
        scanAndWait();
        String pairId =
                candidate(dataOfficer, first, second).orElseThrow().path("id").asString();

        assertThat(dataOfficer
                        .post("/api/duplicates/" + pairId + "/rejection", Map.of())
                        .status())
                .isEqualTo(204);

        assertThat(jdbc.sql("select count(*) from people.not_duplicate"
                                + " where (person_a, person_b) in ((?::uuid, ?::uuid), (?::uuid, ?::uuid))")
                        .params(first, second, second, first)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        scanAndWait();
        assertThat(candidate(dataOfficer, first, second)).isEmpty();
        assertThat(status(pairId)).isEqualTo("REJECTED");
    }

    @Test
    void onlyDataOfficersReviewAndBadDecisionsChangeNothing() {
        String first = TestOrganisation.registerBorn(clinicianAtA, "Abdulrahman Osman " + suffix, "1999-01-15");
        String second = TestOrganisation.registerBorn(clinicianAtA, "Abderrahmane Ousmane " + suffix, "1999-01-15");
        scanAndWait();
        String pairId =
                candidate(dataOfficer, first, second).orElseThrow().path("id").asString();
        ApiSession coordinator = organisation.userAt(organisation.siteA, "COORDINATOR");

        for (ApiSession notAllowed : List.of(clinicianAtA, coordinator, organisation.admin())) {
            assertThat(notAllowed.get("/api/duplicates").status()).isEqualTo(403);
            assertThat(notAllowed.post("/api/duplicates/scans", Map.of()).status())
                    .isEqualTo(403);
            assertThat(notAllowed
                            .post("/api/duplicates/" + pairId + "/merge", Map.of("keptId", first))
                            .status())
                    .isEqualTo(403);
            assertThat(notAllowed
                            .post("/api/duplicates/" + pairId + "/rejection", Map.of())
                            .status())
                    .isEqualTo(403);
        }
        ApiSession.Response stranger = dataOfficer.post(
                "/api/duplicates/" + pairId + "/merge",
                Map.of("keptId", UUID.randomUUID().toString()));
        assertThat(stranger.status()).isEqualTo(400);
        assertThat(stranger.body().toString()).contains("not-in-pair");
        assertThat(dataOfficer
                        .post("/api/duplicates/" + pairId + "/merge", Map.of())
                        .status())
                .isEqualTo(400);
        assertThat(dataOfficer
                        .post("/api/duplicates/" + UUID.randomUUID() + "/merge", Map.of("keptId", first))
                        .status())
                .isEqualTo(404);
        assertThat(dataOfficer.get("/api/duplicates?limit=0").status()).isEqualTo(400);
        assertThat(dataOfficer.get("/api/duplicates?limit=abc").status()).isEqualTo(400);

        assertThat(status(pairId)).isEqualTo("PENDING");
        assertThat(jdbc.sql("select count(*) from people.person_merge where kept_id in (?::uuid, ?::uuid)")
                        .params(first, second)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aDataOfficerSeesOnlyPairsWhollyWithinTheirSites() {
        String atA = TestOrganisation.registerBorn(clinicianAtA, "Ibrahim Konate " + suffix, "1997-09-09");
        String alsoAtA = TestOrganisation.registerBorn(clinicianAtA, "Brahim Konaté " + suffix, "1997-09-09");
        String atB = TestOrganisation.registerBorn(clinicianAtB, "Ebrahim Konate " + suffix, "1997-09-09");
        scanAndWait();
        ApiSession officerOfA = organisation.dataOfficer(false, List.of(organisation.siteA));

        assertThat(candidate(officerOfA, atA, alsoAtA)).isPresent();
        assertThat(candidate(officerOfA, atA, atB)).isEmpty();
        assertThat(candidate(dataOfficer, atA, atB)).isPresent();
    }

    @Test
    void theOperatorCommandScansInTheCallingThreadAndAuditsIt() {
        String first = TestOrganisation.registerBorn(clinicianAtA, "Ousmane Camara " + suffix, "1985-11-02");
        String second = TestOrganisation.registerBorn(clinicianAtB, "Osman Kamara " + suffix, "1985-11-02");

        DuplicateViews.Scan scan = scans.scanNow();

        assertThat(scan.status()).isEqualTo("DONE");
        assertThat(scan.finishedAt()).isNotNull();
        assertThat(candidate(dataOfficer, first, second)).isPresent();
        assertThat(jdbc.sql("select outcome from audit.audit_event where record_id = ?")
                        .param(scan.id())
                        .query(String.class)
                        .list())
                .containsExactly("COMMAND");
    }

    @Test
    void aScanRecordsWhyItsWeightsAreNotEstimatedAndTheMergesItCouldLearnFrom() {
        String first = TestOrganisation.registerBorn(clinicianAtA, "Ibrahima Kone " + suffix, "1990-02-03");
        String second = TestOrganisation.registerBorn(clinicianAtB, "Brahima Koné " + suffix, "1990-02-03");
        scanAndWait();
        String pairId =
                candidate(dataOfficer, first, second).orElseThrow().path("id").asString();
        long mergesBefore = mergedPairs();
        ApiSession.Response merge = dataOfficer.post("/api/duplicates/" + pairId + "/merge", Map.of("keptId", first));
        assertThat(merge.status()).as(merge.body().toString()).isEqualTo(201);

        JsonNode scan = scanAndWait();

        assertThat(scan.path("status").asString()).isEqualTo("DONE");
        assertThat(scan.path("merges").asLong()).isEqualTo(mergesBefore + 1);
        assertThat(scan.path("mergesNeeded").asInt()).isEqualTo(50);
        if (scan.path("persons").asInt() < 2_000) {
            assertThat(scan.path("model").asString()).isEqualTo("DEFAULT");
            assertThat(scan.path("fallback").asString()).isEqualTo("TOO_FEW_PERSONS");
        } else {
            assertThat(
                            scan.path("fallback").isNull()
                                    ? "none"
                                    : scan.path("fallback").asString())
                    .isIn("none", "NOT_CONVERGED", "IMPLAUSIBLE");
        }
        ApiSession.Response queue = dataOfficer.get("/api/duplicates?limit=1");
        assertThat(queue.status()).isEqualTo(200);
        assertThat(queue.body().path("lastScan").path("fallback")).isEqualTo(scan.path("fallback"));
        assertThat(jdbc.sql("select fallback from people.duplicate_scan where id = ?::uuid")
                        .param(scan.path("id").asString())
                        .query(String.class)
                        .optional())
                .isEqualTo(Optional.ofNullable(
                        scan.path("fallback").isNull()
                                ? null
                                : scan.path("fallback").asString()));
    }

    private long mergedPairs() {
        return jdbc.sql(
                        "select count(*) from people.duplicate_candidate where status = 'MERGED' and levels is not null")
                .query(Long.class)
                .single();
    }

    @Test
    void refusesASecondScanWhileOneRuns() {
        UUID running = UUID.randomUUID();
        jdbc.sql("insert into people.duplicate_scan (id, started_at, status) values (?, now(), 'RUNNING')")
                .param(running)
                .update();
        try {
            ApiSession.Response refused = dataOfficer.post("/api/duplicates/scans", Map.of());
            assertThat(refused.status()).isEqualTo(409);
            assertThat(refused.text("code")).isEqualTo("duplicate-scan-running");
        } finally {
            jdbc.sql("update people.duplicate_scan set status = 'FAILED', finished_at = now() where id = ?")
                    .param(running)
                    .update();
        }
    }

    private JsonNode scanAndWait() {
        ApiSession.Response started = dataOfficer.post("/api/duplicates/scans", Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode scan = dataOfficer
                    .get("/api/duplicates/scans/" + started.text("id"))
                    .body();
            if (!scan.path("status").asString().equals("RUNNING")) {
                return scan;
            }
            sleep();
        }
        throw new AssertionError("the scan did not finish in two minutes");
    }

    /** The waiting pair of these two persons, looked for through every page of the queue. */
    private static Optional<JsonNode> candidate(ApiSession session, String a, String b) {
        for (int offset = 0; ; offset += 100) {
            ApiSession.Response page = session.get("/api/duplicates?limit=100&offset=" + offset);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            List<JsonNode> candidates =
                    page.body().path("candidates").valueStream().toList();
            for (JsonNode candidate : candidates) {
                Set<String> pair = Set.of(
                        candidate.path("first").path("id").asString(),
                        candidate.path("second").path("id").asString());
                if (pair.equals(Set.of(a, b))) {
                    return Optional.of(candidate);
                }
            }
            if (candidates.size() < 100) {
                return Optional.empty();
            }
        }
    }

    private String status(String candidateId) {
        return jdbc.sql("select status from people.duplicate_candidate where id = ?::uuid")
                .param(candidateId)
                .query(String.class)
                .single();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
