package org.passerelle.people.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Splits a folded name into canonical tokens, so that the spellings of one name give the same
 * tokens:
 *
 * <ul>
 *   <li>articles standing alone (al, el, ul, and the assimilated ar, er, as, ech, ed, en...) and
 *       filiation particles (ben, bin, ibn, bint, ould, ag) are dropped: they come and go between
 *       registrations;
 *   <li>an article glued to a longer name is dropped too: "Alhassane" → "hassane", "Elhadj" →
 *       "hadj";
 *   <li>abd (servant of) is joined to what follows, without the article: "Abdul Rahman",
 *       "Abdulrahman", "Abd al-Rahman" and "Abderrahmane" all start "abdr..."; "Abdi", "Abdou",
 *       "Abdu" and "Abdo", which are names of their own too ("Abdi Hassan", "Abdou Diallo"), are
 *       joined only to one of the names of God that follow abd ("Abdi Rahman" as "Abdirahman",
 *       "Abdou Laye" as "Abdoulaye");
 *   <li>abu/abou/bou is joined to what follows: "Abu Bakr", "Aboubakr", "Bou Zid";
 *   <li>a filiation particle glued to a name is dropped: "Benmoussa" as "Ben Moussa", "Moussa";
 *   <li>the -eddine ending becomes "din", joined: "Nour Eddine", "Noureddine", "Nuruddin";
 *   <li>Ethiopian compounds are joined: "Gebre Medhin" → "gebremedhin", "Tesfa Mariam" →
 *       "tesfamariam", "Berhe Mariam", "Fikre Mariam"; the abbreviations "G/", "W/" and "H/" are
 *       written out ("G/Medhin" as "Gebremedhin", "W/Mariam" as "Woldemariam"), and Michael is
 *       spelt one way ("Woldemichael", "Woldemikael").
 * </ul>
 */
public final class NameTokens {

    static final Set<String> ARTICLES = Set.of(
            "al", "el", "ul", "il", "ar", "er", "ur", "as", "es", "us", "ash", "ach", "ech", "ad", "ed", "ud", "an",
            "en", "un", "at", "et", "az", "ez");
    static final Set<String> FILIATION =
            Set.of("ben", "bin", "bn", "ibn", "bent", "bint", "ould", "ouled", "wuld", "ag");
    private static final Set<String> ABD = Set.of("abd", "abdel", "abdul", "abdal", "abdoul", "abdil", "abdol");
    /** Names of their own that are also abd written with its vowel: joined only to a name of God. */
    private static final Set<String> ABD_OR_NAME = Set.of("abdi", "abdou", "abdu", "abdo", "abda", "abde");
    /** The phonetic keys of the names of God that follow abd ("Abdi Rahman", "Abdou Kader", "Abdi Fatah"...). */
    private static final Set<String> GOD_NAMES = keys(
            "rahman",
            "rahim",
            "aziz",
            "karim",
            "kader",
            "qadir",
            "salam",
            "samad",
            "latif",
            "majid",
            "hamid",
            "hakim",
            "halim",
            "wahab",
            "razak",
            "jalil",
            "jabbar",
            "malik",
            "fatah",
            "nasir",
            "rashid",
            "shakur",
            "basit",
            "wahid",
            "nur",
            "moutalib",
            "ghafour",
            "hafiz",
            "wadud",
            "sabur",
            "mumin");
    /** The "laye" and "llahi" of Abdoulaye and Abdullahi, written apart (their key, L, is too short to compare). */
    private static final Set<String> ALLAH = Set.of("laye", "lahi", "llahi", "lay", "llah", "lahy", "llaye");

    private static final Set<String> ABU = Set.of("abu", "abou", "abo", "bou");
    private static final Pattern GLUED_FILIATION = Pattern.compile("^(?:ben|bin|ibn|ould)(?=[b-df-hj-mp-tv-z])");
    private static final Set<String> NOT_FILIATION = Set.of("benjamin", "benson", "bentley", "binyam", "binyamin");
    /** Ethiopian abbreviations written with a slash: "G/Medhin", "W/Mariam", "H/Selassie". */
    private static final Map<String, String> ETHIOPIAN_ABBREVIATED = Map.of("g", "gebre", "w", "wolde", "h", "haile");

    private static final Set<String> DIN = Set.of(
            "din", "dine", "eddine", "eddin", "uddin", "uddine", "addin", "ddine", "edine", "eldin", "aldin", "oudine");
    private static final Set<String> ETHIOPIAN_FIRST =
            Set.of("gebre", "gebra", "ghebre", "gabre", "gebri", "ghebri", "wolde", "welde", "wold", "weld", "tesfa");
    private static final Set<String> ETHIOPIAN_FIRST_BEFORE_SUFFIX = Set.of(
            "haile", "habte", "kidane", "tekle", "sahle", "berhe", "berhane", "birhane", "fikre", "zere", "zera",
            "hapte", "kidan", "amde", "tsegay", "tsege");
    private static final Set<String> ETHIOPIAN_SUFFIX = Set.of(
            "mariam",
            "maryam",
            "mariyam",
            "selassie",
            "sellassie",
            "silassie",
            "selasie",
            "medhin",
            "medhen",
            "egziabher",
            "egziabiher",
            "gziabher",
            "igziabher",
            "kristos",
            "yesus",
            "iyesus",
            "haimanot");

    private static final Pattern ABD_JOINED = Pattern.compile("^abd(?:[aeiou]+l?|l)(?=[b-df-hj-np-tv-z])");
    private static final Pattern DIN_ENDING = Pattern.compile("(?:[aeiou]+l?d+|d+)(?:i|ee|y)ne?$");
    private static final Pattern GLUED_ARTICLE = Pattern.compile("^[ae]l(?=[b-df-hj-km-np-tv-z])");

    private NameTokens() {}

    /** The canonical tokens of a name in any script. */
    public static List<String> of(String name) {
        return canonical(NameFolding.fold(name));
    }

    /** The canonical tokens of an already folded name. */
    static List<String> canonical(String folded) {
        return joined(words(folded)).stream()
                .map(NameTokens::canonicalWord)
                .filter(t -> !t.isEmpty())
                .toList();
    }

    /** The words of a folded name. */
    static String[] words(String folded) {
        return folded.isEmpty() ? new String[0] : folded.split(" ");
    }

    /**
     * The words of a folded name with particles dropped and compounds joined, before each is made
     * canonical by {@link #canonicalWord} (which may leave it empty).
     */
    static List<String> joined(String[] words) {
        List<String> tokens = new ArrayList<>(words.length);
        int i = 0;
        while (i < words.length) {
            String word = words[i];
            int next = i + 1;
            String written = ETHIOPIAN_ABBREVIATED.get(word);
            if (written != null
                    && next < words.length
                    && words[next].length() >= 3
                    && joinsEthiopian(written, words[next])) {
                word = written;
            }
            if (next < words.length
                    && ARTICLES.contains(words[next])
                    && next + 1 < words.length
                    && (ABD.contains(word) || DIN.contains(words[next + 1]))) {
                next++;
            }
            boolean hasNext = next < words.length;
            if (hasNext
                    && (ABD.contains(word)
                            || ABU.contains(word)
                            || (ABD_OR_NAME.contains(word) && nameOfGod(words[next]))
                            || joinsEthiopian(word, words[next]))) {
                tokens.add(word + words[next]);
                i = next + 1;
            } else if (DIN.contains(word) && !tokens.isEmpty()) {
                tokens.set(tokens.size() - 1, tokens.getLast() + "din");
                i++;
            } else if (ARTICLES.contains(word) || FILIATION.contains(word)) {
                i++;
            } else {
                tokens.add(word);
                i++;
            }
        }
        return tokens;
    }

    private static boolean nameOfGod(String word) {
        String key = PhoneticKey.of(word);
        return (key.length() >= 2 && GOD_NAMES.contains(key)) || ALLAH.contains(word);
    }

    private static boolean joinsEthiopian(String word, String next) {
        return ETHIOPIAN_FIRST.contains(word)
                || (ETHIOPIAN_FIRST_BEFORE_SUFFIX.contains(word) && ETHIOPIAN_SUFFIX.contains(next));
    }

    private static Set<String> keys(String... names) {
        return Arrays.stream(names).map(PhoneticKey::of).collect(Collectors.toUnmodifiableSet());
    }

    static String canonicalWord(String word) {
        String canonical = word;
        if (canonical.length() >= 7 && !NOT_FILIATION.contains(canonical)) {
            canonical = GLUED_FILIATION.matcher(canonical).replaceFirst("");
        }
        if (canonical.contains("michael") || canonical.contains("mikhael") || canonical.contains("mikail")) {
            canonical = canonical
                    .replace("michael", "mikael")
                    .replace("mikhael", "mikael")
                    .replace("mikail", "mikael");
        }
        if (canonical.length() >= 6 && !canonical.startsWith("abd")) {
            canonical = GLUED_ARTICLE.matcher(canonical).replaceFirst("");
        }
        canonical = ABD_JOINED.matcher(canonical).replaceFirst("abd");
        var din = DIN_ENDING.matcher(canonical);
        if (canonical.length() >= 6 && din.find() && din.start() >= 3) {
            canonical = canonical.substring(0, din.start()) + "din";
        }
        return canonical;
    }
}
