package org.passerelle.reporting;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.passerelle.reporting.Dhis2Views.PushResult;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a dataValueSets document to a DHIS2 server ({@code POST /api/dataValueSets}, identifiers
 * as codes, basic authentication) and reads its import summary, whether bare (before 2.38) or
 * wrapped in a web message ({@code response}).
 */
@Component
class Dhis2Client {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final JsonMapper json;

    Dhis2Client(JsonMapper json) {
        this.json = json;
    }

    PushResult push(Dhis2Settings.Server server, String payload, boolean dryRun, int values, int suppressed) {
        if (server.password() == null) {
            throw ReportingProblems.dhis2NotConfigured();
        }
        String credentials = Base64.getEncoder()
                .encodeToString((server.username() + ":" + server.password()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/dataValueSets?dryRun=" + dryRun
                        + "&idScheme=CODE&importStrategy=CREATE_AND_UPDATE"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + credentials)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            throw ReportingProblems.dhis2Unreachable();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ReportingProblems.dhis2Unreachable();
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw ReportingProblems.dhis2RefusedCredentials();
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (JacksonException e) {
            throw ReportingProblems.dhis2BadAnswer();
        }
        JsonNode summary = body.has("response") ? body.path("response") : body;
        if (!summary.has("status")) {
            throw ReportingProblems.dhis2BadAnswer();
        }
        JsonNode counts = summary.path("importCount");
        List<String> conflicts = new ArrayList<>();
        summary.path("conflicts")
                .forEach(c -> conflicts.add(
                        c.path("object").asString("") + ": " + c.path("value").asString("")));
        return new PushResult(
                dryRun,
                response.statusCode(),
                summary.path("status").asString(""),
                counts.path("imported").asLong(0),
                counts.path("updated").asLong(0),
                counts.path("ignored").asLong(0),
                counts.path("deleted").asLong(0),
                conflicts,
                values,
                suppressed);
    }
}
