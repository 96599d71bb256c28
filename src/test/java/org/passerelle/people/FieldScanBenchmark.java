package org.passerelle.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.FieldRegistry;
import org.passerelle.people.matching.FieldRegistry.Registration;
import org.passerelle.people.matching.FieldScanReport;
import org.passerelle.people.matching.ScanWeights;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The duplicate scan as deployed, measured on a generated field-like registry: every registration
 * is registered through the API by a clinician of its site, a data officer starts the scan through
 * the API (the scan chooses its own weights, or falls back to hand-set ones, as in production), and
 * the review queue is read back and compared with the truth. The queue of the test application holds
 * pairs from a probability of 0.2; the report is given at the production threshold for weights
 * measured on the registry (and at 0.7, 0.5 and 0.2 for reference).
 *
 * <p>Not part of the test suite (its name does not end in Test): {@code bench/matching-field.sh}
 * runs it with {@code -Dpasserelle.field.people} and {@code -Dpasserelle.field.seed}.
 */
@PasserelleTest
class FieldScanBenchmark {

    @LocalServerPort
    int port;

    @Test
    void measuresTheScanOnAFieldLikeRegistry() {
        int people = Integer.getInteger("passerelle.field.people", 2_000);
        long seed = Long.getLong("passerelle.field.seed", FieldRegistry.SEED);
        List<Registration> registry = new FieldRegistry(seed).generate(people);
        TestOrganisation organisation = new TestOrganisation(port);
        Map<String, ApiSession> clinicians = clinicians(organisation);

        Instant start = Instant.now();
        Map<String, String> registrationOf = new HashMap<>();
        registry.stream()
                .sorted((a, b) -> a.registeredOn().compareTo(b.registeredOn()))
                .forEach(r -> registrationOf.put(register(clinicians.get(r.site()), r), r.id()));
        Duration registering = Duration.between(start, Instant.now());

        ApiSession dataOfficer = organisation.dataOfficer(true, List.of());
        JsonNode scan = scanAndWait(dataOfficer);
        assertThat(scan.path("status").asString()).isEqualTo("DONE");
        List<JsonNode> queue = queue(dataOfficer);

        StringBuilder text = new StringBuilder(String.format(
                Locale.ROOT,
                "field registry through the API: %d people, %d registrations, %d true pairs, seed %d%n"
                        + "registered in %d s; scan: weights %s, %d persons, read %d ms, weights %d ms, compare %d ms%n",
                people,
                registry.size(),
                FieldRegistry.truePairs(registry),
                seed,
                registering.toSeconds(),
                scan.path("model").asString(),
                scan.path("persons").asInt(),
                scan.path("loadMillis").asLong(),
                scan.path("trainMillis").asLong(),
                scan.path("compareMillis").asLong()));
        for (double threshold : new double[] {ScanWeights.MEASURED_THRESHOLD, 0.7, 0.5, 0.2}) {
            List<FieldScanReport.Proposed> proposed = new ArrayList<>();
            for (JsonNode candidate : queue) {
                if (candidate.path("probability").asDouble() >= threshold) {
                    proposed.add(new FieldScanReport.Proposed(
                            registrationOf.get(
                                    candidate.path("first").path("id").asString()),
                            registrationOf.get(
                                    candidate.path("second").path("id").asString())));
                }
            }
            text.append(String.format(Locale.ROOT, "%n== pairs proposed at probability >= %.1f%n", threshold))
                    .append(FieldScanReport.of(registry, proposed));
        }
        System.out.println(text);
        write(text.toString());
        assertThat(queue).isNotEmpty();
    }

    private static Map<String, ApiSession> clinicians(TestOrganisation organisation) {
        ApiSession admin = organisation.admin();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ApiSession.Response programme = admin.post(
                "/api/programmes",
                Map.of("code", "F-" + suffix.toUpperCase(Locale.ROOT), "name", "Field programme " + suffix));
        assertThat(programme.status()).as(programme.body().toString()).isEqualTo(201);
        Map<String, ApiSession> clinicians = new LinkedHashMap<>();
        for (String site : FieldRegistry.SITES) {
            ApiSession.Response created = admin.post(
                    "/api/sites",
                    Map.of("programmeId", programme.text("id"), "name", site + " " + suffix, "kind", "FIXED"));
            assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
            clinicians.put(site, organisation.userAt(created.text("id"), "CLINICIAN"));
        }
        return clinicians;
    }

    /** Registers one registration as its site's clinician typed it; returns the new person's id. */
    private static String register(ApiSession clinician, Registration registration) {
        Map<String, Object> details = new HashMap<>();
        details.put("chosenName", registration.names().getFirst());
        details.put(
                "otherNames",
                registration.names().stream()
                        .skip(1)
                        .map(name -> Map.of("name", name, "kind", "SPELLING"))
                        .toList());
        details.put("sex", registration.sex().name());
        if (registration.country() != null) {
            details.put("countryOfOrigin", registration.country());
        }
        if (registration.birthDate() != null) {
            details.put("birthDate", birthDate(registration.birthDate()));
        }
        ApiSession.Response response = clinician.post("/api/people", Map.of("details", details));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.text("id");
    }

    private static Map<String, Object> birthDate(BirthDate date) {
        Map<String, Object> input = new HashMap<>();
        input.put("precision", date.precision().name());
        if (date.precision() == BirthDate.Precision.ESTIMATED) {
            input.put("estimatedAge", date.estimatedAge());
            input.put("estimatedOn", String.valueOf(date.estimatedOn()));
        } else {
            input.put("date", date.date().toString());
        }
        return input;
    }

    private static JsonNode scanAndWait(ApiSession dataOfficer) {
        ApiSession.Response started = dataOfficer.post("/api/duplicates/scans", Map.of());
        assertThat(started.status()).as(started.body().toString()).isEqualTo(202);
        Instant deadline = Instant.now().plus(Duration.ofMinutes(20));
        while (Instant.now().isBefore(deadline)) {
            ApiSession.Response scan = dataOfficer.get("/api/duplicates/scans/" + started.text("id"));
            assertThat(scan.status()).isEqualTo(200);
            if (!scan.body().path("status").asString().equals("RUNNING")) {
                return scan.body();
            }
            pause();
        }
        throw new AssertionError("the scan did not finish in twenty minutes");
    }

    private static List<JsonNode> queue(ApiSession dataOfficer) {
        List<JsonNode> all = new ArrayList<>();
        for (int offset = 0; ; offset += 100) {
            ApiSession.Response page = dataOfficer.get("/api/duplicates?limit=100&offset=" + offset);
            assertThat(page.status()).as(page.body().toString()).isEqualTo(200);
            List<JsonNode> candidates =
                    page.body().path("candidates").valueStream().toList();
            all.addAll(candidates);
            if (candidates.size() < 100) {
                return all;
            }
        }
    }

    private static void write(String text) {
        try {
            Files.writeString(Path.of("target", "field-scan.txt"), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The scan runs in the server's own thread: waiting for it is waiting for real time to pass. */
    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
