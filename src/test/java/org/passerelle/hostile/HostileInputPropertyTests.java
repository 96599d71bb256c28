package org.passerelle.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;
import org.passerelle.hostile.HostileClient.Answer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Hostile input against every write endpoint of the running application: whatever a client sends,
 * the server answers, never with a 5xx; a refusal is an RFC 9457 problem with a stable code and
 * writes nothing (no row, no audit line); an accepted odd value reads back as it was sent.
 */
class HostileInputPropertyTests {

    private static @Nullable HostileApplication app;
    private static @Nullable WriteEndpoints endpoints;

    @BeforeContainer
    static void start() {
        app = HostileApplication.start();
        endpoints = new WriteEndpoints(app);
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void registeringAPersonWithHostileFields(@ForAll("registrations") List<Mutation> mutations) {
        tryMutated(endpoints().registration(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void correctingAPersonWithHostileFields(@ForAll("corrections") List<Mutation> mutations) {
        tryMutated(endpoints().correction(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void searchingWithHostileFields(@ForAll("searches") List<Mutation> mutations) {
        tryMutated(endpoints().search(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void recordingAConsultationWithHostileFields(@ForAll("consultations") List<Mutation> mutations) {
        tryMutated(endpoints().consultation(), mutations);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.FULL)
    void loggingInWithHostileFields(@ForAll("logins") List<Mutation> mutations) {
        tryMutated(endpoints().login(), mutations);
    }

    @Property(tries = 100, shrinking = ShrinkingMode.FULL)
    void choosingASiteWithHostileFields(@ForAll("siteChoices") List<Mutation> mutations) {
        tryMutated(endpoints().siteChoice(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void creatingAUserWithHostileFields(@ForAll("newUsers") List<Mutation> mutations) {
        tryMutated(endpoints().newUser(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void creatingAProgrammeWithHostileFields(@ForAll("newProgrammes") List<Mutation> mutations) {
        tryMutated(endpoints().newProgramme(), mutations);
    }

    @Property(tries = 150, shrinking = ShrinkingMode.FULL)
    void creatingASiteWithHostileFields(@ForAll("newSites") List<Mutation> mutations) {
        tryMutated(endpoints().newSite(), mutations);
    }

    @Property(tries = 200, shrinking = ShrinkingMode.FULL)
    void garbageBodiesAndWrongContentTypes(@ForAll("garbage") Garbage garbage) {
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
        check(endpoint, readable(garbage.body()), answer, before);
    }

    @Property(tries = 60, shrinking = ShrinkingMode.FULL)
    void correctingAPersonAtAMalformedOrUnknownId(@ForAll("personIds") String id) {
        WriteEndpoint endpoint = endpoints().correction().withPath(path -> "/api/people/" + id);
        tryMutated(endpoint, List.of());
    }

    /** A valid body with the mutations applied, sent as JSON. */
    private void tryMutated(WriteEndpoint endpoint, List<Mutation> mutations) {
        HostileApplication app = app();
        HostileClient caller = endpoint.caller().get();
        JsonNode body = Mutation.apply(endpoint.validBody().get(), mutations);
        List<Object> before = app.footprint();
        Answer answer = caller.send(endpoint.method(), endpoint.path(), body.toString(), HostileClient.JSON_TYPE);
        check(endpoint, body, answer, before);
    }

    private void check(WriteEndpoint endpoint, @Nullable JsonNode sent, Answer answer, List<Object> before) {
        Statistics.label("status").collect(answer.status());
        assertThat(answer.status()).as("%s answered %s", endpoint, answer).isBetween(200, 499);
        if (answer.status() >= 400) {
            assertThat(answer.contentType())
                    .as("%s answered %s", endpoint, answer)
                    .startsWith("application/problem+json");
            assertThat(answer.json()).as("%s answered %s", endpoint, answer).isNotNull();
            assertThat(answer.text("code"))
                    .as("%s answered %s", endpoint, answer)
                    .isNotBlank();
            assertThat(answer.json().path("status").asInt()).isEqualTo(answer.status());
        }
        if (answer.status() >= 400 || !endpoint.writes()) {
            assertThat(app().footprint())
                    .as("%s answered %s yet wrote", endpoint, answer)
                    .isEqualTo(before);
        } else if (sent != null) {
            endpoint.roundTrip().check(sent, answer);
        }
    }

    @Provide
    Arbitrary<List<Mutation>> registrations() {
        return mutationsOf(endpoints().registration());
    }

    @Provide
    Arbitrary<List<Mutation>> corrections() {
        return mutationsOf(endpoints().correction());
    }

    @Provide
    Arbitrary<List<Mutation>> searches() {
        return mutationsOf(endpoints().search());
    }

    @Provide
    Arbitrary<List<Mutation>> consultations() {
        return mutationsOf(endpoints().consultation());
    }

    @Provide
    Arbitrary<List<Mutation>> logins() {
        return mutationsOf(endpoints().login());
    }

    @Provide
    Arbitrary<List<Mutation>> siteChoices() {
        return mutationsOf(endpoints().siteChoice());
    }

    @Provide
    Arbitrary<List<Mutation>> newUsers() {
        return mutationsOf(endpoints().newUser());
    }

    @Provide
    Arbitrary<List<Mutation>> newProgrammes() {
        return mutationsOf(endpoints().newProgramme());
    }

    @Provide
    Arbitrary<List<Mutation>> newSites() {
        return mutationsOf(endpoints().newSite());
    }

    /** A body that is not what the endpoint expects, sent with some content type. */
    record Garbage(WriteEndpoint endpoint, byte[] body, String contentType) {

        @Override
        public String toString() {
            return endpoint + " <- [" + contentType + "] "
                    + WriteEndpoints.visible(new String(body, StandardCharsets.UTF_8));
        }
    }

    @Provide
    Arbitrary<Garbage> garbage() {
        return Arbitraries.of(endpoints().all())
                .flatMap(endpoint -> Combinators.combine(
                                HostileValues.garbage(endpoint.validBody().get().toString()),
                                Arbitraries.frequencyOf(
                                        Tuple.of(3, Arbitraries.just(HostileClient.JSON_TYPE)),
                                        Tuple.of(2, HostileValues.contentTypes())))
                        .as((body, type) -> new Garbage(endpoint, body, type)));
    }

    @Provide
    Arbitrary<String> personIds() {
        return Arbitraries.oneOf(
                Arbitraries.of(HostileValues.MISPLACED_TEXT).filter(id -> id.matches("[A-Za-z0-9-]+")),
                Arbitraries.create(UUID::randomUUID).map(Object::toString),
                Arbitraries.strings()
                        .alpha()
                        .numeric()
                        .withChars('-')
                        .ofMinLength(1)
                        .ofMaxLength(40));
    }

    private static Arbitrary<List<Mutation>> mutationsOf(WriteEndpoint endpoint) {
        return Mutation.of(endpoint.validBody().get());
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
