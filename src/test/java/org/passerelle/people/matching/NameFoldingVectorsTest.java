package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The folding vectors the web client's local search is checked against: each name with its fold
 * and the phonetic key of each folded word, as this server computes them. After a change to the
 * folding, run this test once with {@code -Dfolding.vectors.refresh=true} to rewrite the expected
 * values (the names stay); the web client's test then shows what its folding must follow.
 */
class NameFoldingVectorsTest {

    private static final Path VECTORS = Path.of("src/test/resources/matching/name-folding-vectors.json");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void theSharedVectorsAreWhatTheServerFolds() throws IOException {
        ObjectNode file = (ObjectNode) JSON.readTree(Files.readString(VECTORS, StandardCharsets.UTF_8));
        ArrayNode vectors = (ArrayNode) file.path("vectors");
        assertThat(vectors.size()).isGreaterThan(50);
        if (Boolean.getBoolean("folding.vectors.refresh")) {
            for (JsonNode vector : vectors) {
                refresh((ObjectNode) vector);
            }
            Files.writeString(
                    VECTORS,
                    JSON.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n",
                    StandardCharsets.UTF_8);
        }
        for (JsonNode vector : vectors) {
            String name = vector.path("name").asString();
            String folded = NameFolding.fold(name);
            assertThat(vector.path("folded").asString()).as(name).isEqualTo(folded);
            List<String> keys =
                    vector.path("keys").valueStream().map(JsonNode::asString).toList();
            assertThat(keys).as(name).isEqualTo(keysOf(folded));
        }
    }

    private static void refresh(ObjectNode vector) {
        String folded = NameFolding.fold(vector.path("name").asString());
        vector.put("folded", folded);
        ArrayNode keys = vector.putArray("keys");
        keysOf(folded).forEach(keys::add);
    }

    private static List<String> keysOf(String folded) {
        return Arrays.stream(folded.split(" "))
                .filter(word -> !word.isEmpty())
                .map(PhoneticKey::of)
                .toList();
    }
}
