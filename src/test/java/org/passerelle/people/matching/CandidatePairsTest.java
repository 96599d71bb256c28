package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
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
    void splitsBlocksOverTheCapByTheirSubBlockingKeyAndVisitsEachPairOnce() {
        record Thing(String coarse, String fine, String other) {}
        SplittableRandom random = new SplittableRandom(29);
        List<Thing> things = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            things.add(new Thing("c" + random.nextInt(3), "f" + random.nextInt(40), "o" + random.nextInt(250)));
        }
        int cap = 25;
        BlockingKey<Thing> fine = new BlockingKey<>("fine", t -> List.of(t.coarse() + t.fine()));
        List<BlockingKey<Thing>> keys = List.of(
                new BlockingKey<>("coarse", t -> List.of(t.coarse()), Set.of(), fine),
                new BlockingKey<>("other", t -> List.of(t.other())));

        Map<String, List<Integer>> blocks = new HashMap<>();
        for (int i = 0; i < things.size(); i++) {
            blocks.computeIfAbsent("coarse:" + things.get(i).coarse(), k -> new ArrayList<>())
                    .add(i);
            blocks.computeIfAbsent("other:" + things.get(i).other(), k -> new ArrayList<>())
                    .add(i);
        }
        for (int i = 0; i < things.size(); i++) {
            if (blocks.get("coarse:" + things.get(i).coarse()).size() > cap) {
                blocks.computeIfAbsent(
                                "fine:" + things.get(i).coarse() + things.get(i).fine(), k -> new ArrayList<>())
                        .add(i);
            }
        }
        Set<String> expected = new TreeSet<>();
        for (List<Integer> block : blocks.values()) {
            if (block.size() <= cap) {
                for (int x = 0; x < block.size(); x++) {
                    for (int y = x + 1; y < block.size(); y++) {
                        expected.add(block.get(x) + "-" + block.get(y));
                    }
                }
            }
        }

        CandidatePairs candidates = CandidatePairs.deduplication(things, keys, cap);
        List<String> visited = pairs(candidates);

        assertThat(expected).hasSizeGreaterThan(1000);
        assertThat(visited).doesNotHaveDuplicates();
        assertThat(new TreeSet<>(visited)).isEqualTo(expected);
        for (int a = 0; a < things.size(); a++) {
            for (int b = a + 1; b < things.size(); b++) {
                assertThat(candidates.isCandidate(a, b)).isEqualTo(expected.contains(a + "-" + b));
            }
        }
    }

    @Test
    void tellsWhichKeysOwnBlocksHoldAPairAsABlockingOnThatKeyAloneWould() {
        SplittableRandom random = new SplittableRandom(31);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(new Item("a" + random.nextInt(4), "b" + random.nextInt(60)));
        }
        BlockingKey<Item> fine = new BlockingKey<>("fine", i -> List.of(i.first() + i.second()));
        List<BlockingKey<Item>> keys = List.of(
                new BlockingKey<>("first", i -> List.of(i.first()), Set.of(), fine),
                new BlockingKey<>("second", i -> List.of(i.second())));
        CandidatePairs all = CandidatePairs.deduplication(items, keys, 30);
        List<String> pairs = pairs(all);

        for (int k = 0; k < keys.size(); k++) {
            BlockingKey<Item> key = keys.get(k);
            List<String> alone = pairs(CandidatePairs.deduplication(
                    items, List.of(new BlockingKey<>(key.name(), key.keys(), key.fields())), 30));
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
