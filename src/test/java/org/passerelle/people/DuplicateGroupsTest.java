package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
 * One person registered several times gives a group of linked pairs, which a data officer decides
 * at once: one record kept, the others merged into it or marked as other people; a decision on a
 * group that changed meanwhile, or that does not name each record once, changes nothing.
 */
@PasserelleTest
class DuplicateGroupsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    TestOrganisation organisation;
    ApiSession clinician;
    ApiSession dataOfficer;
    String suffix;

    @BeforeEach
    void setUp() {
        organisation = new TestOrganisation(port);
        clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        dataOfficer = organisation.dataOfficer(true, List.of());
        suffix = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
    }

    @Test
    void aGroupIsDecidedAtOnceAndEveryPairOfItWithIt() {
        String kept = TestOrganisation.registerBorn(clinician, "Abdoulaye Traore " + suffix, "1992-04-10");
        String respelled = TestOrganisation.registerBorn(clinician, "Abdoulaye Traoré " + suffix, "1992-04-10");
        String swapped = TestOrganisation.registerBorn(clinician, "Abdoulay Traore " + suffix, "1992-10-04");
        String namesake = TestOrganisation.registerBorn(clinician, "Abdoulaye Traore " + suffix, "1992-04-10");
        // The suite's shared registry is full of namesakes, where the weights it measures can judge
        // every agreement weak (see the next test): the pairs are put in the scan's queue as it would.
        proposeAsPairs(scanAndWait(), kept, respelled, swapped, namesake);
        JsonNode group = groupOf(kept).orElseThrow();
        assertThat(ids(group.path("persons"))).isEqualTo(Set.of(kept, respelled, swapped, namesake));
        assertThat(group.path("pairs").size()).isGreaterThanOrEqualTo(3);
        List<String> pairIds = group.path("pairs")
                .valueStream()
                .map(p -> p.path("id").asString())
                .toList();

        ApiSession.Response decided = dataOfficer.post(
                "/api/duplicates/groups/decision",
                Map.of("keptId", kept, "mergedIds", List.of(respelled, swapped), "separateIds", List.of(namesake)));

        assertThat(decided.status()).as(decided.body().toString()).isEqualTo(200);
        assertThat(decided.body()
                        .path("merges")
                        .valueStream()
                        .map(m -> m.path("mergedId").asString()))
                .containsExactlyInAnyOrder(respelled, swapped);
        assertThat(decided.body().path("pairsMerged").asInt()
                        + decided.body().path("pairsRejected").asInt())
                .isEqualTo(pairIds.size());
        assertThat(mergedInto(respelled)).isEqualTo(kept);
        assertThat(mergedInto(swapped)).isEqualTo(kept);
        assertThat(mergedInto(namesake)).isNull();
        assertThat(pairIds).allSatisfy(id -> assertThat(status(id)).isIn("MERGED", "REJECTED"));
        assertThat(jdbc.sql("select count(*) from people.not_duplicate"
                                + " where (person_a, person_b) in ((?::uuid, ?::uuid), (?::uuid, ?::uuid))")
                        .params(kept, namesake, namesake, kept)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(groupOf(kept)).isEmpty();
        scanAndWait();
        assertThat(groupOf(kept)).as("the namesake is never proposed again").isEmpty();
    }

    @Test
    void aDecisionOnAGroupThatChangedOrNamesARecordTwiceChangesNothing() {
        // Names and a birth date nobody else in the suite's shared registry bears: how common the
        // suite makes "Moussa Coulibaly" must not decide whether the three are proposed.
        String name = rareName() + " " + rareName();
        String born = LocalDate.of(1950, 1, 1)
                .plusDays(ThreadLocalRandom.current().nextInt(20_000))
                .toString();
        String first = TestOrganisation.registerBorn(clinician, name, born);
        String second = TestOrganisation.registerBorn(clinician, name, born);
        String third = TestOrganisation.registerBorn(clinician, name, born);
        String scan = scanAndWait();
        // The scan's weights are measured on the suite's shared registry, where thousands of test
        // persons share a name and a birth date, so it may judge an exact agreement weak: the pairs
        // are put in the scan's queue as it would, since what is tested here is the group decision.
        proposeAsPairs(scan, first, second, third);
        assertThat(groupOf(first)).isPresent();

        ApiSession.Response missing = dataOfficer.post(
                "/api/duplicates/groups/decision",
                Map.of("keptId", first, "mergedIds", List.of(second), "separateIds", List.of()));
        assertThat(missing.status()).isEqualTo(409);
        assertThat(missing.text("code")).isEqualTo("duplicate-group-changed");

        ApiSession.Response twice = dataOfficer.post(
                "/api/duplicates/groups/decision",
                Map.of("keptId", first, "mergedIds", List.of(second, third), "separateIds", List.of(third)));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.text("code")).isEqualTo("duplicate-group-invalid");

        ApiSession.Response itself = dataOfficer.post(
                "/api/duplicates/groups/decision",
                Map.of("keptId", first, "mergedIds", List.of(first, second, third), "separateIds", List.of()));
        assertThat(itself.status()).isEqualTo(400);

        for (ApiSession notAllowed : List.of(clinician, organisation.admin())) {
            assertThat(notAllowed.get("/api/duplicates/groups").status()).isEqualTo(403);
            assertThat(notAllowed
                            .post(
                                    "/api/duplicates/groups/decision",
                                    Map.of(
                                            "keptId",
                                            first,
                                            "mergedIds",
                                            List.of(second, third),
                                            "separateIds",
                                            List.of()))
                            .status())
                    .isEqualTo(403);
        }
        assertThat(dataOfficer.get("/api/duplicates/groups?limit=0").status()).isEqualTo(400);
        assertThat(List.of(first, second, third))
                .allSatisfy(id -> assertThat(mergedInto(id)).isNull());
        assertThat(groupOf(first)).isPresent();
    }

    private Optional<JsonNode> groupOf(String personId) {
        for (int offset = 0; ; offset += 20) {
            ApiSession.Response page = dataOfficer.get("/api/duplicates/groups?limit=20&offset=" + offset);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            List<JsonNode> groups = page.body().path("groups").valueStream().toList();
            for (JsonNode group : groups) {
                if (ids(group.path("persons")).contains(personId)) {
                    return Optional.of(group);
                }
            }
            if (groups.size() < 20) {
                return Optional.empty();
            }
        }
    }

    /** A made-up name of four syllables, different at each call. */
    private static String rareName() {
        List<String> syllables = List.of("ka", "lo", "mi", "ru", "sen", "ta", "bo", "di", "fu", "ne", "zo", "pa");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            name.append(syllables.get(ThreadLocalRandom.current().nextInt(syllables.size())));
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Set<String> ids(JsonNode persons) {
        Set<String> ids = new HashSet<>();
        persons.valueStream().forEach(p -> ids.add(p.path("id").asString()));
        return ids;
    }

    private String mergedInto(String personId) {
        return jdbc.sql("select merged_into::text from people.person where id = ?::uuid")
                .param(personId)
                .query(String.class)
                .list()
                .getFirst();
    }

    private String status(String candidateId) {
        return jdbc.sql("select status from people.duplicate_candidate where id = ?::uuid")
                .param(candidateId)
                .query(String.class)
                .single();
    }

    /** Puts every pair of these persons in the review queue as found by {@code scan}, unless it found them. */
    private void proposeAsPairs(String scan, String... persons) {
        for (int i = 0; i < persons.length; i++) {
            for (int j = i + 1; j < persons.length; j++) {
                jdbc.sql("""
                                insert into people.duplicate_candidate
                                    (id, person_a, person_b, scan_id, found_at, probability, score, levels, weights, status)
                                select gen_random_uuid(), least(?::uuid, ?::uuid), greatest(?::uuid, ?::uuid), ?::uuid, now(),
                                       0.99, 20, array['all names exact', 'same date', 'same'], array[10, 9, 1]::float8[], 'PENDING'
                                on conflict (person_a, person_b) do nothing
                                """)
                        .params(persons[i], persons[j], persons[i], persons[j], scan)
                        .update();
            }
        }
    }

    private String scanAndWait() {
        ApiSession.Response started = dataOfficer.post("/api/duplicates/scans", Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            JsonNode scan = dataOfficer
                    .get("/api/duplicates/scans/" + started.text("id"))
                    .body();
            if (!scan.path("status").asString().equals("RUNNING")) {
                assertThat(scan.path("status").asString()).isEqualTo("DONE");
                return started.text("id");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the scan did not finish in two minutes");
    }
}
