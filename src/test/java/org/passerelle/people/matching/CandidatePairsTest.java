package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CandidatePairsTest {

    private record Item(String first, String second) {}

    private static final List<BlockingKey<Item>> KEYS = List.of(
            new BlockingKey<>("first", i -> List.of(i.first())), new BlockingKey<>("second", i -> List.of(i.second())));

    private static List<String> pairs(CandidatePairs candidates) {
        List<String> pairs = new ArrayList<>();
        candidates.visit(() -> (a, b) -> {
            synchronized (pairs) {
                pairs.add(a + "-" + b);
            }
        });
        return pairs.stream().sorted().toList();
    }

    @Test
    void visitsEachPairSharingAKeyOnceEvenWhenItSharesSeveral() {
        List<Item> items = List.of(new Item("a", "x"), new Item("a", "x"), new Item("a", "y"), new Item("b", "y"));

        assertThat(pairs(CandidatePairs.deduplication(items, KEYS, 10))).containsExactly("0-1", "0-2", "1-2", "2-3");
    }

    @Test
    void skipsBlocksLargerThanTheCap() {
        List<Item> items = List.of(new Item("a", "x"), new Item("a", "y"), new Item("a", "y"), new Item("b", "z"));

        assertThat(pairs(CandidatePairs.deduplication(items, KEYS, 2))).containsExactly("1-2");
    }

    @Test
    void tellsWhichKeysOwnBlocksHoldAPairAsABlockingOnThatKeyAloneWould() {
        SplittableRandom random = new SplittableRandom(31);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(new Item("a" + random.nextInt(4), "b" + random.nextInt(60)));
        }
        List<BlockingKey<Item>> keys = List.of(
                new BlockingKey<>("first", i -> List.of(i.first() + i.second().charAt(1))),
                new BlockingKey<>("second", i -> List.of(i.second())));
        CandidatePairs all = CandidatePairs.deduplication(items, keys, 30);
        List<String> pairs = pairs(all);

        for (int k = 0; k < keys.size(); k++) {
            BlockingKey<Item> key = keys.get(k);
            List<String> alone = pairs(CandidatePairs.deduplication(items, List.of(key), 30));
            long bit = 1L << k;
            List<String> shared = pairs.stream()
                    .filter(pair -> {
                        String[] ab = pair.split("-");
                        return (all.sharedKeys(Integer.parseInt(ab[0]), Integer.parseInt(ab[1])) & bit) != 0;
                    })
                    .sorted()
                    .toList();
            assertThat(shared).as(key.name()).isEqualTo(alone);
        }
    }

    @Test
    void linksOnlyAcrossTheTwoLists() {
        List<Item> left = List.of(new Item("a", "x"), new Item("a", "y"));
        List<Item> right = List.of(new Item("a", "q"), new Item("c", "y"));

        CandidatePairs candidates = CandidatePairs.linkage(left, right, KEYS, 10);

        assertThat(pairs(candidates)).containsExactly("0-2", "1-2", "1-3");
        assertThat(candidates.isCandidate(0, 3)).isFalse();
        assertThat(candidates.isCandidate(1, 3)).isTrue();
    }
}
