package org.passerelle.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.passerelle.support.ApiSession;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Behind a TLS reverse proxy: the forwarded client address and scheme are believed from the
 * trusted proxy only (here 127.0.0.1; 127.0.0.2, also this machine, plays a client that reaches the
 * application directly and forges the headers), and the metrics listener answers on loopback.
 */
@PasserelleTest
class ReverseProxyTest {

    private static final String TRUSTED = "127.0.0.1";
    private static final String UNTRUSTED = "127.0.0.2";
    private static final int METRICS_PORT = freePort();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void proxyAndMetrics(DynamicPropertyRegistry registry) {
        registry.add("server.tomcat.remoteip.internal-proxies", () -> TRUSTED + "/32");
        registry.add("passerelle.metrics.port", () -> METRICS_PORT);
    }

    @Test
    void sendsSecureCookiesAndHstsOnlyWhenTheTrustedProxySaysTheRequestCameOverHttps() {
        Raw viaProxy = send(TRUSTED, port, "GET", "/api/session", "X-Forwarded-Proto: https", null);
        Raw forged = send(UNTRUSTED, port, "GET", "/api/session", "X-Forwarded-Proto: https", null);
        Raw plain = send(TRUSTED, port, "GET", "/api/session", "", null);

        assertThat(viaProxy.header("strict-transport-security")).contains("max-age=31536000", "includeSubDomains");
        assertThat(viaProxy.cookie("XSRF-TOKEN")).containsIgnoringCase("; Secure");
        assertThat(forged.header("strict-transport-security")).isEmpty();
        assertThat(forged.cookie("XSRF-TOKEN")).isNotEmpty().doesNotContainIgnoringCase("secure");
        assertThat(plain.header("strict-transport-security")).isEmpty();

        TestOrganisation organisation = new TestOrganisation(port);
        ApiSession clinician = organisation.userAt(organisation.siteA, "CLINICIAN");
        String token = viaProxy.cookieValue("XSRF-TOKEN");
        Raw login = send(
                TRUSTED,
                port,
                "POST",
                "/api/session",
                "X-Forwarded-Proto: https\r\nCookie: XSRF-TOKEN=" + token + "\r\nX-XSRF-TOKEN: " + token,
                "{\"username\":\"" + organisation.username(clinician) + "\",\"password\":\"" + TestOrganisation.PASSWORD
                        + "\"}");
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.cookie("PASSERELLE_SESSION"))
                .containsIgnoringCase("; Secure")
                .containsIgnoringCase("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
    }

    @Test
    void throttlesGuessingByTheClientAddressTheTrustedProxyForwards() {
        String name = "proxied" + UUID.randomUUID().toString().substring(0, 6);
        int last = 0;
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            last = wrongLogin(TRUSTED, name, "X-Forwarded-For: 198.51.100.7").status();
        }
        int anotherClient =
                wrongLogin(TRUSTED, name, "X-Forwarded-For: 198.51.100.8").status();

        assertThat(last).as("the same client behind the proxy is slowed").isEqualTo(429);
        assertThat(anotherClient)
                .as("another client behind the same proxy is not")
                .isEqualTo(401);
    }

    @Test
    void ignoresAForwardedAddressFromAnUntrustedClientSoForgingItDoesNotEscapeTheThrottle() {
        String name = "forger" + UUID.randomUUID().toString().substring(0, 6);
        int last = 0;
        for (int i = 0; i <= LoginThrottle.FREE_FAILURES; i++) {
            last = wrongLogin(UNTRUSTED, name, "X-Forwarded-For: 203.0.113." + (i + 1))
                    .status();
        }

        assertThat(last).isEqualTo(429);
    }

    @Test
    void servesMetricsWithoutLoginOnTheLoopbackListenerOnly() {
        Raw scraped = send(TRUSTED, METRICS_PORT, "GET", "/actuator/prometheus", "", null);
        Raw elsewhere = send(TRUSTED, METRICS_PORT, "GET", "/api/session", "", null);
        Raw mainPort = send(TRUSTED, port, "GET", "/actuator/prometheus", "X-Forwarded-Port: " + METRICS_PORT, null);

        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.body()).contains("hikaricp_connections_active");
        assertThat(elsewhere.status()).isIn(401, 403);
        assertThat(mainPort.status()).isEqualTo(401);
    }

    private Raw wrongLogin(String from, String name, String headers) {
        Raw csrf = send(from, port, "GET", "/api/session", headers, null);
        String token = csrf.cookieValue("XSRF-TOKEN");
        return send(
                from,
                port,
                "POST",
                "/api/session",
                headers + "\r\nCookie: XSRF-TOKEN=" + token + "\r\nX-XSRF-TOKEN: " + token,
                "{\"username\":\"" + name + "\",\"password\":\"not the right one\"}");
    }

    /** An HTTP/1.1 exchange from a chosen local address, headers as sent by a proxy or a forger. */
    private static Raw send(String from, int port, String method, String path, String headers, String body) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(30_000);
            byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            String request = method + " " + path + " HTTP/1.1\r\nHost: passerelle.example.org\r\n"
                    + "Connection: close\r\n"
                    + (headers.isEmpty() ? "" : headers + "\r\n")
                    + (body == null
                            ? ""
                            : "Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    + "\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(content);
            socket.getOutputStream().flush();
            return Raw.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A response as read from the socket. */
    private record Raw(int status, List<String> headers, String body) {

        static Raw parse(String response) {
            int end = response.indexOf("\r\n\r\n");
            String[] lines =
                    response.substring(0, end < 0 ? response.length() : end).split("\r\n");
            List<String> headers = new ArrayList<>(List.of(lines).subList(1, lines.length));
            return new Raw(
                    Integer.parseInt(lines[0].split(" ")[1]), headers, end < 0 ? "" : response.substring(end + 4));
        }

        String header(String name) {
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(line -> line.substring(name.length() + 1).strip())
                    .findFirst()
                    .orElse("");
        }

        /** The whole Set-Cookie header for this cookie, attributes included. */
        String cookie(String name) {
            return headers.stream()
                    .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("set-cookie:"))
                    .map(line -> line.substring("set-cookie:".length()).strip())
                    .filter(cookie -> cookie.startsWith(name + "="))
                    .findFirst()
                    .orElse("");
        }

        String cookieValue(String name) {
            String cookie = cookie(name);
            return cookie.isEmpty() ? "" : cookie.substring(name.length() + 1).split(";")[0];
        }
    }
}
