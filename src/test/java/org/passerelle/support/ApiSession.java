package org.passerelle.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One browser-like session against the running application: keeps its cookies and sends the CSRF
 * token and the chosen language as the web client does.
 */
public final class ApiSession {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String language = "en";
    private @Nullable String device;

    /** A response: its status and its body as JSON (a missing node when there is none). */
    public record Response(int status, JsonNode body) {

        public String text(String field) {
            return body.path(field).asString();
        }
    }

    /** A response read as bytes, with its headers: a file the server sends (an export). */
    public record Download(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }

        public String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }

        /** The body as JSON, for a problem. */
        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    public ApiSession(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    /** Logs in (fetching the CSRF cookie first) and returns the session view. */
    public Response login(String username, String password) {
        get("/api/session");
        return post(
                "/api/session",
                JSON.createObjectNode().put("username", username).put("password", password));
    }

    /**
     * Logs in as a user who may need a second factor: gives a code of the secret the test enrolled
     * when one is asked for, and enrols one first when the user must have one. Returns the final
     * session view.
     */
    public Response loginWithSecondFactor(String username, String password) {
        Response response = login(username, password);
        if (response.status() != 200) {
            return response;
        }
        String userId = response.body().path("user").path("id").asString();
        if (response.body().path("secondFactorRequired").asBoolean()) {
            String secret = TotpCodes.secretOf(userId)
                    .orElseThrow(() -> new IllegalStateException(username + " enrolled outside this test run"));
            return post("/api/session/second-factor", Map.of("code", TotpCodes.fresh(secret)));
        }
        JsonNode secondFactor = response.body().path("secondFactor");
        if (secondFactor.path("required").asBoolean()
                && !secondFactor.path("enrolled").asBoolean()) {
            enrolSecondFactor();
            return get("/api/session");
        }
        return response;
    }

    /** Enrols the logged-in user's second factor, remembering the secret; returns the recovery codes. */
    public List<String> enrolSecondFactor() {
        String userId = get("/api/session").body().path("user").path("id").asString();
        Response started = post("/api/session/second-factor/enrolment", Map.of());
        if (started.status() != 200) {
            throw new IllegalStateException("Enrolment refused: " + started.body());
        }
        String secret = started.text("secret");
        Response confirmed = put("/api/session/second-factor/enrolment", Map.of("code", TotpCodes.fresh(secret)));
        if (confirmed.status() != 200) {
            throw new IllegalStateException("Confirmation refused: " + confirmed.body());
        }
        TotpCodes.remember(userId, secret);
        List<String> codes = new ArrayList<>();
        confirmed.body().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    /**
     * Confirms who the logged-in test user is again (the test password, and a fresh code when the
     * test enrolled a second factor), as before an export, a break-the-glass or an erasure.
     */
    public Response confirmIdentity() {
        String userId = get("/api/session").body().path("user").path("id").asString();
        return confirmIdentity(TotpCodes.secretOf(userId).map(TotpCodes::fresh).orElse(null));
    }

    /** Confirms who the logged-in test user is again with the test password and this code (or none). */
    public Response confirmIdentity(@Nullable String code) {
        Map<String, String> confirmation = new java.util.HashMap<>();
        confirmation.put("password", TestOrganisation.PASSWORD);
        if (code != null) {
            confirmation.put("code", code);
        }
        Response confirmed = post("/api/session/reauthentication", confirmation);
        if (confirmed.status() != 204) {
            throw new IllegalStateException("Confirmation refused: " + confirmed.body());
        }
        return confirmed;
    }

    /** The value of a cookie this session holds, if any (to see the session id change). */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(cookie -> cookie.getName().equals(name))
                .map(HttpCookie::getValue)
                .findFirst();
    }

    public ApiSession language(String language) {
        this.language = language;
        return this;
    }

    /** Names this device in the {@code X-Passerelle-Device} header of every request, as the offline client does. */
    public ApiSession device(String id) {
        this.device = id;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response post(String path, Object body) {
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** POSTs a file's bytes as they are ({@code application/octet-stream}), as an upload does. */
    public Response postFile(String path, byte[] content) {
        return send(request(path)
                .setHeader("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(content)));
    }

    /** POSTs form fields ({@code application/x-www-form-urlencoded}), as a FHIR search by POST does. */
    public Response postForm(String path, String form) {
        return send(request(path)
                .setHeader("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    public Response put(String path, Object body) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    /** Sends a request with more headers ({@code If-Match}, {@code Prefer}...), as a FHIR client does. */
    public Response send(String method, String path, String body, Map<String, String> headers) {
        HttpRequest.Builder builder = request(path).method(method, HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(builder::setHeader);
        return send(builder);
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    /** GETs and keeps the answer as bytes, as a browser downloading a file would. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** POSTs JSON and keeps the answer as bytes, as a browser downloading a file would. */
    public Download download(String path, Object body) {
        try {
            HttpResponse<byte[]> response = http.send(
                    request(path)
                            .POST(HttpRequest.BodyPublishers.ofString(json(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends a write without the CSRF header, as a forged cross-site request would. */
    public Response postWithoutCsrf(String path, Object body) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body)));
        return send(builder);
    }

    public static JsonMapper json() {
        return JSON;
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language);
        if (device != null) {
            builder.header("X-Passerelle-Device", device);
        }
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                builder.header("X-XSRF-TOKEN", cookie.getValue());
            }
        }
        return builder;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
            return new Response(response.statusCode(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String json(Object body) {
        return body instanceof String text ? text : JSON.writeValueAsString(body);
    }
}
