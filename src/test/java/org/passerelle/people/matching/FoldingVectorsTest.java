package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The folding of names against the test vectors the offline client's folding is checked against
 * too ({@code matching/folding-vectors.json}): both must fold, split and key a name alike, or a
 * search on a device would not find what the server finds.
 */
class FoldingVectorsTest {

    private static JsonNode vectors() throws IOException {
        try (InputStream in = Objects.requireNonNull(
                FoldingVectorsTest.class.getResourceAsStream("/matching/folding-vectors.json"))) {
            return JsonMapper.builder().build().readTree(in);
        }
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    @Test
    void foldsSplitsAndKeysEveryNameAsTheVectorsSay() throws IOException {
        JsonNode cases = vectors().path("cases");
        assertThat(cases.size()).isGreaterThan(50);
        for (JsonNode vector : cases) {
            String name = vector.path("name").asString();
            List<String> tokens = NameTokens.of(name);
            assertThat(NameFolding.fold(name))
                    .as(name)
                    .isEqualTo(vector.path("folded").asString());
            assertThat(tokens).as(name).isEqualTo(strings(vector.path("tokens")));
            assertThat(tokens.stream().map(PhoneticKey::of).toList())
                    .as(name)
                    .isEqualTo(strings(vector.path("phoneticKeys")));
            assertThat(tokens.stream().map(VariantKey::of).toList())
                    .as(name)
                    .isEqualTo(strings(vector.path("variantKeys")));
        }
    }

    @Test
    void mergesTheConsonantAndArticleClassesOfTheSpellingsFieldWorkersMeet() throws IOException {
        for (JsonNode group : vectors().path("sameVariantKey")) {
            List<String> keys = strings(group).stream()
                    .map(name -> String.join(
                            " ",
                            NameTokens.of(name).stream().map(VariantKey::of).toList()))
                    .distinct()
                    .toList();
            assertThat(keys).as(group.toString()).hasSize(1);
        }
    }

    @Test
    void keepsApartNamesThatOnlyLookAlike() throws IOException {
        for (JsonNode pair : vectors().path("differentVariantKey")) {
            List<String> names = strings(pair);
            assertThat(VariantKey.of(NameFolding.fold(names.get(0))))
                    .as(pair.toString())
                    .isNotEqualTo(VariantKey.of(NameFolding.fold(names.get(1))));
        }
    }
}
