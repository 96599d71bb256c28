package org.passerelle.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passerelle.support.PasserelleTest;
import org.passerelle.support.TestOrganisation;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The web client's API types are generated from {@code web/openapi.json}, a snapshot of the OpenAPI
 * document the server serves: when an endpoint or a record changes, this test fails until the
 * snapshot is refreshed, and the web build then type-checks the client against the new contract.
 */
@PasserelleTest
class ApiContractTest {

    static final Path SNAPSHOT = Path.of("web", "openapi.json");

    /** Run with this system property set to true, the test writes the snapshot instead of failing. */
    static final String REFRESH_PROPERTY = "openapi.refresh";

    static final String REFRESH_COMMAND = "./mvnw -B -ntp -Dskip.web=true -Dtest=ApiContractTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + REFRESH_PROPERTY + "=true test";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    @LocalServerPort
    int port;

    @Test
    void theWebClientsSnapshotIsTheDocumentTheServerServes() throws IOException {
        HttpResponse<byte[]> served = TestOrganisation.administrator(port).getBytes("/v3/api-docs");
        assertThat(served.statusCode()).isEqualTo(200);
        JsonNode document = withoutServers(JSON.readTree(served.body()));

        if (Boolean.getBoolean(REFRESH_PROPERTY)) {
            Files.writeString(SNAPSHOT, canonical(document));
        }

        assertThat(SNAPSHOT)
                .as("the snapshot is missing; write it with: %s", REFRESH_COMMAND)
                .exists();
        List<String> differences = differences("", JSON.readTree(SNAPSHOT.toFile()), document);
        assertThat(differences)
                .as(
                        "web/openapi.json is not what the server serves; refresh it with:%n  %s%n"
                                + "then regenerate the client's types (cd web && npm run api) and fix what tsc finds",
                        REFRESH_COMMAND)
                .isEmpty();
    }

    /** The servers entry names the test's random port: it is no part of the contract. */
    private static JsonNode withoutServers(JsonNode document) {
        ((ObjectNode) document).remove("servers");
        return document;
    }

    /** Keys in order, two-space indent, a final newline: a snapshot that diffs well in review. */
    private static String canonical(JsonNode document) {
        return JSON.writeValueAsString(JSON.treeToValue(document, Object.class)) + "\n";
    }

    /** The JSON pointers where the two documents differ (the first twenty). */
    private static List<String> differences(String at, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            for (String name : union(expected.propertyNames(), actual.propertyNames())) {
                found.addAll(differences(at + "/" + name, expected.path(name), actual.path(name)));
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                found.addAll(differences(at + "/" + i, expected.get(i), actual.get(i)));
            }
        } else if (!expected.equals(actual)) {
            found.add(at + (expected.isMissingNode() ? " (new)" : actual.isMissingNode() ? " (gone)" : " (changed)"));
        }
        return found.size() > 20 ? found.subList(0, 20) : found;
    }

    private static List<String> union(Iterable<String> first, Iterable<String> second) {
        List<String> names = new ArrayList<>();
        first.forEach(names::add);
        second.forEach(name -> {
            if (!names.contains(name)) {
                names.add(name);
            }
        });
        return names;
    }
}
