package org.passerelle.hostile;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A browser-like session that sends bodies as raw bytes with any content type, so that it can send
 * what no well-behaved client would. It keeps its cookies and sends the CSRF token.
 */
final class HostileClient {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String JSON_TYPE = "application/json";

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    /** What came back: the status, the content type, the raw body and that body as JSON if it is JSON. */
    record Answer(
            int status,
            String contentType,
            String raw,
            @Nullable JsonNode json) {

        String text(String field) {
            return json == null ? "" : json.path(field).asString();
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (raw.length() > 300 ? raw.substring(0, 300) + "…" : raw);
        }
    }

    HostileClient(int port) {
        this.baseUrl = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
    }

    /** Logs in, fetching the CSRF cookie first; fails unless the login succeeds. */
    HostileClient loggedInAs(String username, String password) {
        send("GET", "/api/session", null, null);
        String credentials = JSON.createObjectNode()
                .put("username", username)
                .put("password", password)
                .toString();
        Answer answer = send("POST", "/api/session", credentials, JSON_TYPE);
        if (answer.status() != 200) {
            throw new IllegalStateException("login of " + username + " failed: " + answer);
        }
        return this;
    }

    /** Fetches the CSRF cookie without logging in. */
    HostileClient anonymous() {
        send("GET", "/api/session", null, null);
        return this;
    }

    Answer get(String path) {
        return send("GET", path, null, null);
    }

    /**
     * Sends a text body in UTF-8. Unpaired surrogates, which UTF-8 cannot encode, are sent as JSON
     * escapes ({@code \\uD800}) so that the server receives them as they are, not as "?".
     */
    Answer send(String method, String path, @Nullable String body, @Nullable String contentType) {
        return sendBytes(
                method,
                path,
                body == null ? null : escapeUnpairedSurrogates(body).getBytes(StandardCharsets.UTF_8),
                contentType);
    }

    static String escapeUnpairedSurrogates(String json) {
        StringBuilder escaped = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < json.length() && Character.isLowSurrogate(json.charAt(i + 1))) {
                escaped.append(c).append(json.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04X", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /**
     * Sends a request; a connection reset or a timeout is a failure of the server, reported as an
     * {@link AssertionError} so that the try fails on it.
     */
    Answer sendBytes(String method, String path, byte @Nullable [] body, @Nullable String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept-Language", "en")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (HttpCookie cookie : cookies.getCookieStore().getCookies()) {
            if (cookie.getName().equals("XSRF-TOKEN")) {
                request.header("X-XSRF-TOKEN", cookie.getValue());
            }
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Answer(response.statusCode(), type, response.body(), parse(response.body()));
        } catch (IOException e) {
            throw new AssertionError("no answer to " + method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static @Nullable JsonNode parse(String body) {
        if (body.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }
}
