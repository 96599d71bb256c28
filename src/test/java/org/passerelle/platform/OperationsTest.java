package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;

@PasserelleTest
class OperationsTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void reportsHealthToAnyoneAndPrometheusMetricsToAdministratorsOnly() throws Exception {
        HttpResponse<String> health = get("/actuator/health");
        HttpResponse<String> anonymousMetrics = get("/actuator/prometheus");
        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(anonymousMetrics.statusCode()).isEqualTo(401);
        assertThat(anonymousMetrics.body()).doesNotContain("hikaricp");
        assertThat(clinician.getBytes("/actuator/prometheus").statusCode()).isEqualTo(403);
        HttpResponse<byte[]> metrics = organisation.admin().getBytes("/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(new String(metrics.body(), StandardCharsets.UTF_8))
                .contains("hikaricp_connections_active", "http_server_requests");
    }

    @Test
    void describesTheApiWithOpenApiToSignedInUsers() throws Exception {
        HttpResponse<String> anonymous = get("/v3/api-docs");
        TestOrganisation organisation = new TestOrganisation(port);
        HttpResponse<byte[]> docs =
                organisation.userAt(organisation.siteA, "LOGISTICIAN").getBytes("/v3/api-docs");

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.body()).doesNotContain("/api/people");
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(new String(docs.body(), StandardCharsets.UTF_8))
                .contains("\"openapi\":\"3.", "/api/people/search", "/api/consultations");
    }

    @Test
    void hardensEveryResponse() throws Exception {
        HttpResponse<String> response = get("/api/session");

        assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void refusesUnknownPathsByDefault() throws Exception {
        assertThat(get("/internal/anything").statusCode()).isIn(401, 403);
        assertThat(get("/actuator/env").statusCode()).isIn(401, 403, 404);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
