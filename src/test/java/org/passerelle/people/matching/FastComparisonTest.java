package org.passerelle.people.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passerelle.people.BirthDate;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * The fast preparation and comparisons give exactly what the straightforward versions ({@link
 * ReferenceComparisons}) give: same tokens and keys for every record of the transliteration set,
 * same name and birth-date levels for its candidate pairs and for random pairs, same Jaro-Winkler.
 */
class FastComparisonTest {

    private static List<SetRecord> records = List.of();
    private static List<MatchablePerson> persons = List.of();

    @BeforeAll
    static void prepare() {
        records = SetRecordFile.read(SetRecordFile.readResource());
        persons = records.stream()
                .map(r -> MatchablePerson.of(r.toPersonRecord()))
                .toList();
    }

    @Test
    void preparesTheSameTokensAndKeys() {
        for (int i = 0; i < records.size(); i++) {
            ReferenceComparisons.Prepared expected =
                    ReferenceComparisons.prepare(records.get(i).toPersonRecord());
            assertThat(persons.get(i).tokens())
                    .as(records.get(i).names().toString())
                    .isEqualTo(expected.tokens());
            assertThat(persons.get(i).joinedKeys())
                    .as(records.get(i).names().toString())
                    .isEqualTo(expected.joinedKeys());
        }
    }

    @Test
    void foldsNamesTheSame() {
        List<String> names = new ArrayList<>();
        records.forEach(r -> names.addAll(r.names()));
        names.addAll(List.of(
                "", " ", "--", "O'Brien", "  Abd-al  Rahman ", "MOHAMED`ALI", "x1 2y", "Émile", "a\tb", "Ould-Ely "));
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "aZ9 -'`.,_é";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder name = new StringBuilder();
            int length = random.nextInt(12);
            for (int c = 0; c < length; c++) {
                name.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            names.add(name.toString());
        }
        for (String name : names) {
            assertThat(NameFolding.fold(name)).as(name).isEqualTo(ReferenceComparisons.fold(name));
        }
    }

    @Test
    void givesTheSameNameLevelsOnCandidateAndRandomPairs() {
        Linker<MatchablePerson> linker = PersonMatching.linker();
        List<int[]> pairs = new ArrayList<>();
        linker.deduplicationPairs(persons).visit(() -> (a, b) -> {
            synchronized (pairs) {
                pairs.add(new int[] {a, b});
            }
        });
        SplittableRandom random = new SplittableRandom(11);
        for (int n = 0; n < 200_000; n++) {
            pairs.add(new int[] {random.nextInt(persons.size()), random.nextInt(persons.size())});
        }
        int[] byLevel = new int[5];
        for (int[] pair : pairs) {
            MatchablePerson a = persons.get(pair[0]);
            MatchablePerson b = persons.get(pair[1]);
            int level = NameComparison.level(a, b);
            assertThat(level).as(a + " / " + b).isEqualTo(ReferenceComparisons.nameLevel(a, b));
            assertThat(BirthDateComparison.level(a.preparedBirthDate, b.preparedBirthDate))
                    .as(a + " / " + b)
                    .isEqualTo(ReferenceComparisons.birthDateLevel(a.birthDate(), b.birthDate()));
            if (level >= 0) {
                byLevel[level]++;
            }
        }
        assertThat(Arrays.stream(byLevel).min().orElseThrow()).isPositive();
    }

    @Test
    void skipsOnlyTokenSimilaritiesBelowPairing() {
        SplittableRandom random = new SplittableRandom(23);
        long skipped = 0;
        long kept = 0;
        for (int n = 0; n < 100_000; n++) {
            MatchablePerson a = persons.get(random.nextInt(persons.size()));
            MatchablePerson b = persons.get(random.nextInt(persons.size()));
            for (int i = 0; i < a.tokenCount; i++) {
                for (int j = 0; j < b.tokenCount; j++) {
                    double exact = ReferenceComparisons.similarity(
                            a.tokens().get(i), b.tokens().get(j));
                    double fast = NameComparison.similarityIfPaired(a, i, b, j);
                    if (fast == 0 && exact != 0) {
                        assertThat(exact)
                                .as(a.tokens().get(i) + " / " + b.tokens().get(j))
                                .isLessThan(NameComparison.SIMILAR);
                        skipped++;
                    } else {
                        assertThat(fast)
                                .as(a.tokens().get(i) + " / " + b.tokens().get(j))
                                .isEqualTo(exact);
                        kept++;
                    }
                }
            }
        }
        assertThat(skipped).isPositive();
        assertThat(kept).isPositive();
    }

    @Test
    void comparesTokensTooLongOrStrangeForTheirCodesOnTheirStrings() {
        // too long for an exact code, a character outside a-z and 0-9, a first letter beyond Latin-1
        String longName = "abcdefghijklmnopqrstuvwxyzabcdefghij";
        MatchablePerson a = new MatchablePerson(
                "a",
                List.of(NameToken.of(longName), NameToken.of("ali"), NameToken.of("x_y"), NameToken.of("\u015fahin")),
                List.of(),
                org.passerelle.people.Sex.MALE,
                null,
                null);
        MatchablePerson b = new MatchablePerson(
                "b",
                List.of(
                        NameToken.of(longName + "k"),
                        NameToken.of("ali"),
                        NameToken.of("x_y"),
                        NameToken.of("\u015fahine")),
                List.of(),
                org.passerelle.people.Sex.MALE,
                null,
                null);
        MatchablePerson c = new MatchablePerson(
                "c",
                List.of(NameToken.of(longName), NameToken.of("x_y")),
                List.of(),
                org.passerelle.people.Sex.MALE,
                null,
                null);

        assertThat(NameComparison.level(a, b)).isEqualTo(ReferenceComparisons.nameLevel(a, b));
        assertThat(NameComparison.level(a, c))
                .isEqualTo(ReferenceComparisons.nameLevel(a, c))
                .isZero();
    }

    @Test
    void givesTheSameBirthDateLevelsOnCloseDatesOfAnyPrecision() {
        SplittableRandom random = new SplittableRandom(13);
        int[] byLevel = new int[BirthDateComparison.LEVELS.size()];
        for (int n = 0; n < 300_000; n++) {
            BirthDate a = randomDate(random, LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 70)));
            LocalDate near = switch (random.nextInt(5)) {
                case 0 -> a.date();
                case 1 -> a.date().plusDays(random.nextInt(-40, 41));
                case 2 -> a.date().plusYears(random.nextInt(-4, 5));
                case 3 -> swappedOrSame(a.date());
                default -> a.date().plusDays(random.nextInt(-2000, 2001));
            };
            BirthDate b = randomDate(random, near);
            int level = BirthDateComparison.level(a, b);
            assertThat(level).as(a + " / " + b).isEqualTo(ReferenceComparisons.birthDateLevel(a, b));
            byLevel[level]++;
        }
        assertThat(Arrays.stream(byLevel).min().orElseThrow()).isPositive();
    }

    @Test
    void tellsOneDigitApartLikeTheEditDistance() {
        SplittableRandom random = new SplittableRandom(17);
        for (int n = 0; n < 300_000; n++) {
            int x = random.nextInt(900, 3000) * 10_000 + random.nextInt(1, 13) * 100 + random.nextInt(1, 32);
            int y = switch (random.nextInt(4)) {
                case 0 -> x + (int) Math.pow(10, random.nextInt(8)) * random.nextInt(-9, 10);
                case 1 -> swapDigits(x, random.nextInt(7));
                case 2 -> swapDigits(x + (int) Math.pow(10, random.nextInt(8)), random.nextInt(7));
                default -> random.nextInt(900, 3000) * 10_000 + random.nextInt(1, 13) * 100 + random.nextInt(1, 32);
            };
            boolean expected = StringSimilarity.damerau(Integer.toString(x), Integer.toString(y)) <= 1;
            assertThat(BirthDateComparison.oneDigitApart(x, y))
                    .as(x + " / " + y)
                    .isEqualTo(expected);
        }
    }

    @Test
    void computesJaroWinklerTheSame() {
        SplittableRandom random = new SplittableRandom(19);
        String alphabet = "abdehilmnorstu";
        for (int n = 0; n < 200_000; n++) {
            String a = randomWord(random, alphabet, 1 + random.nextInt(n % 100 == 0 ? 80 : 14));
            String b = random.nextBoolean()
                    ? randomWord(random, alphabet, 1 + random.nextInt(n % 100 == 0 ? 80 : 14))
                    : mutate(random, a, alphabet);
            assertThat(StringSimilarity.jaroWinkler(a, b))
                    .as(a + " / " + b)
                    .isEqualTo(ReferenceComparisons.jaroWinkler(a, b));
        }
    }

    private static BirthDate randomDate(SplittableRandom random, LocalDate date) {
        return switch (random.nextInt(6)) {
            case 0, 1 -> BirthDate.exact(date);
            case 2 -> BirthDate.exact(date.withDayOfYear(1));
            case 3 -> BirthDate.year(date.getYear());
            case 4 -> BirthDate.month(date.getYear(), date.getMonthValue());
            default -> BirthDate.estimated(2020 - date.getYear(), LocalDate.of(2020, 6, 1));
        };
    }

    private static LocalDate swappedOrSame(LocalDate date) {
        return date.getDayOfMonth() <= 12
                ? LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue())
                : date;
    }

    private static int swapDigits(int value, int position) {
        char[] digits = Integer.toString(value).toCharArray();
        int i = Math.min(position, digits.length - 2);
        char c = digits[i];
        digits[i] = digits[i + 1];
        digits[i + 1] = c;
        return Integer.parseInt(new String(digits));
    }

    private static String randomWord(SplittableRandom random, String alphabet, int length) {
        StringBuilder word = new StringBuilder();
        for (int c = 0; c < length; c++) {
            word.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return word.toString();
    }

    private static String mutate(SplittableRandom random, String word, String alphabet) {
        StringBuilder mutated = new StringBuilder(word);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !mutated.isEmpty(); e++) {
            int at = random.nextInt(mutated.length());
            switch (random.nextInt(3)) {
                case 0 -> mutated.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                case 1 -> mutated.deleteCharAt(at);
                default -> mutated.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return mutated.toString();
    }
}
