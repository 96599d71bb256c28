package org.passerelle.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInfo;
import org.passerelle.hostile.HostileClient.Answer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against every write endpoint of the running application: whatever a client sends,
 * the server answers, never with a 5xx; a refusal is an RFC 9457 problem with a stable code and
 * writes nothing (no row, no audit line); an accepted odd value reads back as it was sent.
 *
 * <p>Each property is a test factory of seeded tries (see {@link Tries}); the seed is fixed unless
 * {@code -Dpasserelle.hostile.seed=…} sets another, and a failure prints it.
 */
class HostileInputPropertyTests {

    private static @Nullable HostileApplication app;
    private static @Nullable WriteEndpoints endpoints;
    private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-";
    private static final Map<String, SortedMap<Integer, Integer>> STATUSES = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() {
        app = HostileApplication.start();
        endpoints = new WriteEndpoints(app);
        System.out.printf("Hostile input with base seed %s (-D%s)%n", Tries.hex(Tries.baseSeed()), Tries.SEED_PROPERTY);
    }

    @AfterAll
    static void stop() {
        STATUSES.forEach((endpoint, statuses) -> System.out.printf("%s answered %s%n", endpoint, statuses));
        if (app != null) {
            app.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> registeringAPersonWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().registration());
    }

    @TestFactory
    Stream<DynamicTest> correctingAPersonWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().correction());
    }

    @TestFactory
    Stream<DynamicTest> searchingWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().search());
    }

    @TestFactory
    Stream<DynamicTest> recordingAConsultationWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().consultation());
    }

    @TestFactory
    Stream<DynamicTest> loggingInWithHostileFields(TestInfo info) {
        return mutatedTries(info, 100, endpoints().login());
    }

    @TestFactory
    Stream<DynamicTest> choosingASiteWithHostileFields(TestInfo info) {
        return mutatedTries(info, 100, endpoints().siteChoice());
    }

    @TestFactory
    Stream<DynamicTest> creatingAUserWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().newUser());
    }

    @TestFactory
    Stream<DynamicTest> creatingAProgrammeWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().newProgramme());
    }

    @TestFactory
    Stream<DynamicTest> creatingASiteWithHostileFields(TestInfo info) {
        return mutatedTries(info, 150, endpoints().newSite());
    }

    @TestFactory
    Stream<DynamicTest> confirmingOnesIdentityWithHostileFields(TestInfo info) {
        return mutatedTries(info, 60, endpoints().reauthentication());
    }

    @TestFactory
    Stream<DynamicTest> breakingTheGlassWithHostileFields(TestInfo info) {
        return mutatedTries(info, 100, endpoints().emergencyAccess());
    }

    @TestFactory
    Stream<DynamicTest> changingARetentionRuleWithHostileFields(TestInfo info) {
        return mutatedTries(info, 100, endpoints().retentionRule());
    }

    @TestFactory
    Stream<DynamicTest> garbageBodiesAndWrongContentTypes(TestInfo info) {
        return Tries.of(info, 200, this::garbage, garbage -> {
            HostileApplication app = app();
            WriteEndpoint endpoint = garbage.endpoint();
            List<Object> before = app.footprint();
            Answer answer = endpoint.caller()
                    .get()
                    .sendBytes(
                            endpoint.method(),
                            endpoint.path(),
                            garbage.body(),
                            garbage.contentType().isEmpty() ? null : garbage.contentType());
            check(endpoint, garbage.toString(), readable(garbage.body()), answer, before);
        });
    }

    @TestFactory
    Stream<DynamicTest> correctingAPersonAtAMalformedOrUnknownId(TestInfo info) {
        return Tries.of(info, 60, HostileInputPropertyTests::personId, id -> {
            WriteEndpoint endpoint = endpoints().correction().withPath(path -> "/api/people/" + id);
            tryMutated(endpoint, List.of());
        });
    }

    /** Tries of a valid body of {@code endpoint} with one to three mutations. */
    private Stream<DynamicTest> mutatedTries(TestInfo info, int tries, WriteEndpoint endpoint) {
        Function<RandomGenerator, List<Mutation>> mutations =
                Mutation.of(endpoint.validBody().get());
        return Tries.of(info, tries, mutations, applied -> tryMutated(endpoint, applied));
    }

    /** A valid body with the mutations applied, sent as JSON. */
    private void tryMutated(WriteEndpoint endpoint, List<Mutation> mutations) {
        HostileApplication app = app();
        HostileClient caller = endpoint.caller().get();
        JsonNode body = Mutation.apply(endpoint.validBody().get(), mutations);
        List<Object> before = app.footprint();
        Answer answer = caller.send(endpoint.method(), endpoint.path(), body.toString(), HostileClient.JSON_TYPE);
        check(
                endpoint,
                endpoint + " " + endpoint.method() + " " + endpoint.path() + " <- "
                        + WriteEndpoints.visible(body.toString()),
                body,
                answer,
                before);
    }

    private void check(
            WriteEndpoint endpoint, String request, @Nullable JsonNode sent, Answer answer, List<Object> before) {
        STATUSES.computeIfAbsent(endpoint.name(), name -> new TreeMap<>()).merge(answer.status(), 1, Integer::sum);
        assertThat(answer.status()).as("%s answered %s", request, answer).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.contentType())
                    .as("%s answered %s", request, answer)
                    .startsWith("application/problem+json");
            assertThat(answer.json()).as("%s answered %s", request, answer).isNotNull();
            assertThat(answer.text("code"))
                    .as("%s answered %s", request, answer)
                    .isNotBlank();
            assertThat(answer.json().path("status").asInt())
                    .as("%s answered %s", request, answer)
                    .isEqualTo(answer.status());
        }
        if (answer.status() >= 400 || !endpoint.writes()) {
            assertThat(app().footprint())
                    .as("%s answered %s yet wrote", request, answer)
                    .isEqualTo(before);
        } else if (sent != null) {
            endpoint.roundTrip().check(sent, answer);
        }
    }

    /** A body that is not what the endpoint expects, sent with some content type. */
    record Garbage(WriteEndpoint endpoint, byte[] body, String contentType) {

        @Override
        public String toString() {
            return endpoint + " <- [" + contentType + "] "
                    + WriteEndpoints.visible(new String(body, StandardCharsets.UTF_8));
        }
    }

    private Garbage garbage(RandomGenerator random) {
        WriteEndpoint endpoint = HostileValues.pick(random, endpoints().all());
        byte[] body = HostileValues.garbage(random, endpoint.validBody().get().toString());
        String contentType =
                HostileValues.weighted(random, 3, 2) == 0 ? HostileClient.JSON_TYPE : HostileValues.contentType(random);
        return new Garbage(endpoint, body, contentType);
    }

    /** An id from the misplaced texts that fits in a path, a random UUID, or letters, digits and dashes. */
    private static String personId(RandomGenerator random) {
        return switch (random.nextInt(3)) {
            case 0 ->
                HostileValues.pick(
                        random,
                        HostileValues.MISPLACED_TEXT.stream()
                                .filter(id -> id.matches("[A-Za-z0-9-]+"))
                                .toList());
            case 1 ->
                new UUID(
                                random.nextLong() & ~0xF000L | 0x4000L,
                                random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L)
                        .toString();
            default -> {
                StringBuilder id = new StringBuilder();
                for (int length = random.nextInt(1, 41); id.length() < length; ) {
                    id.append(ID_CHARACTERS.charAt(random.nextInt(ID_CHARACTERS.length())));
                }
                yield id.toString();
            }
        };
    }

    private static @Nullable JsonNode readable(byte[] body) {
        try {
            return HostileClient.JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    private static HostileApplication app() {
        assertThat(app).as("application started").isNotNull();
        return app;
    }

    private static WriteEndpoints endpoints() {
        assertThat(endpoints).as("application started").isNotNull();
        return endpoints;
    }
}
