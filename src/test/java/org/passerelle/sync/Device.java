package org.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.support.ApiSession;
import tools.jackson.databind.JsonNode;

/**
 * A device of a signed-in user, enrolled through the API as the web client enrols it, speaking the
 * sync protocol with its own id in every request.
 */
final class Device {

    private static final SecureRandom RANDOM = new SecureRandom();

    final UUID id;
    private final ApiSession session;
    private final String baseUrl;

    /** Enrols a new device for the session's user (after confirming who they are). */
    Device(ApiSession session, int port) {
        this(session, port, UUID.randomUUID());
        session.confirmIdentity();
        ApiSession.Response enrolled = session.post("/api/devices", enrolment(id));
        assertThat(enrolled.status()).as(enrolled.body().toString()).isEqualTo(201);
    }

    private Device(ApiSession session, int port, UUID id) {
        this.id = id;
        this.session = session;
        this.baseUrl = "http://localhost:" + port;
    }

    /** A device that names itself {@code id} without being enrolled for the session's user. */
    static Device claiming(ApiSession session, int port, UUID id) {
        return new Device(session, port, id);
    }

    /** Revokes this device as its user would from the account screen. */
    void revoke() {
        session.confirmIdentity();
        ApiSession.Response revoked = session.post("/api/devices/" + id + "/revocation", Map.of());
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
    }

    private static Map<String, Object> enrolment(UUID id) {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return Map.of(
                "id", id.toString(),
                "installationId", UUID.randomUUID().toString(),
                "name", "Test phone",
                "token", Base64.getUrlEncoder().withoutPadding().encodeToString(token));
    }

    /** One mutation as the device's outbox holds it. */
    static Map<String, Object> mutation(
            String recordType,
            UUID recordId,
            String operation,
            @Nullable Long baseVersion,
            String siteId,
            Map<String, Object> changes) {
        Map<String, Object> mutation = new HashMap<>();
        mutation.put("mutationId", UUID.randomUUID().toString());
        mutation.put("recordType", recordType);
        mutation.put("recordId", recordId.toString());
        mutation.put("operation", operation);
        mutation.put("baseVersion", baseVersion);
        mutation.put("siteId", siteId);
        mutation.put("deviceTime", Instant.parse("2026-12-07T09:41:00Z").toString());
        mutation.put("changes", changes);
        return mutation;
    }

    /** A new value of a field of a record created on the device. */
    static Map<String, Object> value(Object value) {
        return Map.of("value", value);
    }

    /** A field changed from {@code base} (null for none) to {@code value}. */
    static Map<String, Object> change(@Nullable Object base, @Nullable Object value) {
        Map<String, Object> change = new HashMap<>();
        change.put("base", base);
        change.put("value", value);
        return change;
    }

    ApiSession.Response push(List<Map<String, Object>> mutations) {
        String body = ApiSession.json().writeValueAsString(Map.of("mutations", mutations));
        return send(request("/api/sync/push").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    ApiSession.Response pull(@Nullable String cursor, int limit) {
        String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        return send(request("/api/sync/pull" + query).GET());
    }

    /** A pull's answer as it came, headers included. */
    HttpResponse<String> pullAsSent(@Nullable String cursor, int limit) {
        String query = "?limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        try {
            return HttpClient.newHttpClient()
                    .send(request("/api/sync/pull" + query).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Pulls from {@code cursor} until nothing more is ready; returns every change and the last cursor. */
    Pulled pullAll(@Nullable String cursor, int limit) {
        List<JsonNode> changes = new ArrayList<>();
        String at = cursor;
        for (int page = 0; page < 10_000; page++) {
            ApiSession.Response response = pull(at, limit);
            assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
            response.body().path("changes").forEach(changes::add);
            at = response.text("cursor");
            if (!response.body().path("more").asBoolean()) {
                return new Pulled(changes, at);
            }
        }
        throw new AssertionError("the pull never ended");
    }

    record Pulled(List<JsonNode> changes, String cursor) {

        List<String> idsOf(String recordType) {
            return changes.stream()
                    .filter(change -> change.path("recordType").asString().equals(recordType))
                    .filter(change -> change.path("change").asString().equals("UPSERT"))
                    .map(change -> change.path("recordId").asString())
                    .toList();
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", "en")
                .header("X-Passerelle-Device", id.toString());
        StringBuilder cookies = new StringBuilder();
        for (String name : List.of("PASSERELLE_SESSION", "XSRF-TOKEN")) {
            session.cookie(name)
                    .ifPresent(value -> cookies.append(cookies.isEmpty() ? "" : "; ")
                            .append(name)
                            .append('=')
                            .append(value));
        }
        builder.header("Cookie", cookies.toString());
        session.cookie("XSRF-TOKEN").ifPresent(token -> builder.header("X-XSRF-TOKEN", token));
        return builder;
    }

    private static ApiSession.Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank()
                    ? ApiSession.json().missingNode()
                    : ApiSession.json().readTree(response.body());
            return new ApiSession.Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
