package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.passerelle.people.matching.NameVariants.Group;

/**
 * What the variant key gains and costs on the project's groups of spelling variants: the share of
 * pairs of spellings of one name it gives the same key (recall), against the share of pairs of
 * different names it gives the same key (collisions, the candidates a search then shows and ranks
 * below), beside the phonetic key's. Its keys serve search, where the ranking puts the exact name
 * first, so more collisions cost only places further down the list.
 */
class VariantKeyTest {

    /** The keys of every token of a name, in order, as one text. */
    private static String keys(String name, Function<String, String> key) {
        return String.join(" ", NameTokens.of(name).stream().map(key).toList());
    }

    private record Rates(double sameName, double differentNames) {}

    private static Rates rates(Function<String, String> key) {
        List<Group> groups = NameVariants.load();
        List<List<String>> keysByGroup = new ArrayList<>();
        for (Group group : groups) {
            List<String> keys = new ArrayList<>();
            group.latin().forEach(name -> keys.add(keys(name, key)));
            group.script().forEach(name -> keys.add(keys(name, key)));
            keysByGroup.add(keys);
        }
        long same = 0;
        long sameAgree = 0;
        long different = 0;
        long differentAgree = 0;
        for (int g = 0; g < keysByGroup.size(); g++) {
            List<String> keys = keysByGroup.get(g);
            for (int i = 0; i < keys.size(); i++) {
                for (int j = i + 1; j < keys.size(); j++) {
                    same++;
                    sameAgree += keys.get(i).equals(keys.get(j)) ? 1 : 0;
                }
                for (int h = g + 1; h < keysByGroup.size(); h++) {
                    for (String other : keysByGroup.get(h)) {
                        different++;
                        differentAgree += keys.get(i).equals(other) ? 1 : 0;
                    }
                }
            }
        }
        return new Rates((double) sameAgree / same, (double) differentAgree / different);
    }

    @Test
    void givesMoreSpellingsOfOneNameTheSameKeyForFewCollisionsBetweenNames() {
        Rates phonetic = rates(PhoneticKey::of);
        Rates variant = rates(VariantKey::of);
        System.out.printf(
                "phonetic key: same name %.3f, different names %.4f; variant key: same name %.3f, different names %.4f%n",
                phonetic.sameName(), phonetic.differentNames(), variant.sameName(), variant.differentNames());

        assertThat(variant.sameName()).isGreaterThan(phonetic.sameName());
        assertThat(variant.differentNames()).isLessThan(0.01);
    }
}
