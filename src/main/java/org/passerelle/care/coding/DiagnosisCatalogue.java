package org.passerelle.care.coding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The ICD-10 diagnoses most seen in mobile clinics, day centres, shelters and walk-in care, in the
 * chapters of ICD-10, read once from {@code care/icd10.tsv} and {@code care/icd10-chapters.tsv}.
 * A file that breaks a rule (a malformed or duplicate code, a code outside its chapter or block, a
 * missing label) stops the application at startup with the file and line at fault.
 */
@Component
public class DiagnosisCatalogue {

    /** The form of an ICD-10 code: a letter, two digits, and one or two more after a dot. */
    public static final Pattern CODE = Pattern.compile("^[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?$");

    static final String CHAPTERS_FILE = "care/icd10-chapters.tsv";
    static final String DIAGNOSES_FILE = "care/icd10.tsv";
    static final List<String> CHAPTER_COLUMNS = List.of("chapter", "first", "last", "title_fr", "title_en", "title_ar");
    static final List<String> DIAGNOSIS_COLUMNS =
            List.of("code", "chapter", "block", "label_fr", "label_en", "label_ar", "words_fr", "words_en", "words_ar");

    private static final Pattern CATEGORY = Pattern.compile("^[A-Z][0-9]{2}$");
    private static final Pattern BLOCK = Pattern.compile("^([A-Z][0-9]{2})-([A-Z][0-9]{2})$");
    private static final Pattern CODE_QUERY = Pattern.compile("^[a-z][0-9][0-9a-z]{0,3}$");

    private final List<Chapter> chapters;
    private final Map<String, Chapter> chaptersByNumeral;
    private final List<Diagnosis> diagnoses;
    private final Map<String, Integer> positions;
    private final SearchIndex index;

    public DiagnosisCatalogue() {
        this(TsvFile.read(CHAPTERS_FILE, CHAPTER_COLUMNS), TsvFile.read(DIAGNOSES_FILE, DIAGNOSIS_COLUMNS));
    }

    private DiagnosisCatalogue(List<TsvFile.Row> chapterRows, List<TsvFile.Row> diagnosisRows) {
        this.chapters = chapters(chapterRows);
        this.chaptersByNumeral = new LinkedHashMap<>();
        chapters.forEach(chapter -> chaptersByNumeral.put(chapter.numeral(), chapter));
        this.diagnoses = diagnoses(diagnosisRows);
        this.positions = new HashMap<>();
        for (int i = 0; i < diagnoses.size(); i++) {
            positions.put(diagnoses.get(i).code(), i);
        }
        this.index = new SearchIndex(
                diagnoses.stream()
                        .map(d -> new SearchIndex.Document(
                                d.code(),
                                List.of(
                                        d.labels().fr(),
                                        d.labels().en(),
                                        d.labels().ar()),
                                d.words().all()))
                        .toList(),
                query -> CODE_QUERY.matcher(query).matches());
    }

    /** A catalogue read from other files than the application's: for checking a file. */
    static DiagnosisCatalogue read(InputStream chapters, InputStream diagnoses) throws IOException {
        return new DiagnosisCatalogue(
                TsvFile.read("chapters", chapters, CHAPTER_COLUMNS),
                TsvFile.read("diagnoses", diagnoses, DIAGNOSIS_COLUMNS));
    }

    /** The 22 chapters, in the order of ICD-10. */
    public List<Chapter> chapters() {
        return chapters;
    }

    public Optional<Chapter> chapter(String numeral) {
        return Optional.ofNullable(chaptersByNumeral.get(numeral));
    }

    /** Every diagnosis, in the order of codes. */
    public List<Diagnosis> all() {
        return diagnoses;
    }

    public Optional<Diagnosis> find(String code) {
        Integer position = positions.get(code);
        return position == null ? Optional.empty() : Optional.of(diagnoses.get(position));
    }

    public boolean isKnown(String code) {
        return positions.containsKey(code);
    }

    /**
     * The diagnosis with this code; refuses a code that is not in the catalogue as an invalid value
     * of {@code field} (error code {@code unknown-diagnosis}), so that a form is refused as a whole.
     */
    public Diagnosis require(String field, String code) {
        return find(code).orElseThrow(() -> CodingProblems.unknownDiagnosis(field));
    }

    /**
     * The diagnoses of these codes, in order; refuses the first one not in the catalogue as an
     * invalid value of {@code field[i]} (such as {@code diagnoses[2]}).
     */
    public List<Diagnosis> requireAll(String field, List<String> codes) {
        List<Diagnosis> found = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            found.add(require(field + "[" + i + "]", codes.get(i)));
        }
        return found;
    }

    /** The best matches of a query in any language, at most {@code limit}; see {@link #search(String, String, int, List)}. */
    public List<Diagnosis> search(String query, int limit) {
        return search(query, null, limit, List.of());
    }

    /**
     * The diagnoses a query finds, by code or by words of their titles or search words in any of
     * the three languages, best first: the exact code, then the favourites among the matches, then
     * codes starting with the query, titles starting with it, titles with words starting with each
     * word of it, and search words; ties in the order of codes. A blank query lists the favourites,
     * then the catalogue (or the chapter) in the order of codes.
     *
     * @param chapter the numeral of the chapter to search in, or {@code null} for all
     * @param favourites codes to put first, in their order
     */
    public List<Diagnosis> search(String query, @Nullable String chapter, int limit, List<String> favourites) {
        Map<String, Integer> favourite = new HashMap<>();
        for (String code : favourites) {
            favourite.putIfAbsent(code, favourite.size());
        }
        Chapter within = chapter == null ? null : chaptersByNumeral.get(chapter);
        if (query.isBlank()) {
            return blankQuery(within, limit, favourite);
        }
        Comparator<SearchIndex.Hit> best = Comparator.comparing(
                        (SearchIndex.Hit hit) -> hit.score() == SearchIndex.EXACT_CODE)
                .reversed()
                .thenComparing(hit ->
                        favourite.getOrDefault(diagnoses.get(hit.document()).code(), Integer.MAX_VALUE))
                .thenComparing(Comparator.comparingInt(SearchIndex.Hit::score).reversed())
                .thenComparingInt(SearchIndex.Hit::document);
        return index.search(query).stream()
                .filter(hit -> within == null
                        || within.contains(diagnoses.get(hit.document()).code()))
                .sorted(best)
                .limit(limit)
                .map(hit -> diagnoses.get(hit.document()))
                .toList();
    }

    private List<Diagnosis> blankQuery(@Nullable Chapter within, int limit, Map<String, Integer> favourite) {
        List<Diagnosis> listed = new ArrayList<>();
        favourite.keySet().stream()
                .sorted(Comparator.comparing(favourite::get))
                .map(this::find)
                .flatMap(Optional::stream)
                .filter(d -> within == null || within.contains(d.code()))
                .forEach(listed::add);
        diagnoses.stream()
                .filter(d -> !favourite.containsKey(d.code()))
                .filter(d -> within == null || within.contains(d.code()))
                .forEach(listed::add);
        return listed.stream().limit(limit).toList();
    }

    private static List<Chapter> chapters(List<TsvFile.Row> rows) {
        List<Chapter> chapters = new ArrayList<>();
        for (TsvFile.Row row : rows) {
            String first = row.cell(1);
            String last = row.cell(2);
            if (!CATEGORY.matcher(first).matches() || !CATEGORY.matcher(last).matches() || first.compareTo(last) > 0) {
                throw row.invalid("the range " + first + "-" + last + " is not a range of categories");
            }
            Chapter chapter = new Chapter(row.cell(0), first, last, labels(row, 3));
            for (Chapter other : chapters) {
                if (other.numeral().equals(chapter.numeral())) {
                    throw row.invalid("chapter " + chapter.numeral() + " appears twice");
                }
                if (other.contains(first) || other.contains(last) || chapter.contains(other.first())) {
                    throw row.invalid("chapter " + chapter.numeral() + " overlaps chapter " + other.numeral());
                }
            }
            chapters.add(chapter);
        }
        return List.copyOf(chapters);
    }

    private List<Diagnosis> diagnoses(List<TsvFile.Row> rows) {
        Map<String, Diagnosis> byCode = new LinkedHashMap<>();
        for (TsvFile.Row row : rows) {
            Diagnosis diagnosis = diagnosis(row);
            if (byCode.put(diagnosis.code(), diagnosis) != null) {
                throw row.invalid("the code " + diagnosis.code() + " appears twice");
            }
        }
        return sorted(byCode.values());
    }

    private Diagnosis diagnosis(TsvFile.Row row) {
        String code = row.cell(0);
        if (!CODE.matcher(code).matches()) {
            throw row.invalid("'" + code + "' is not an ICD-10 code such as B86 or F43.1");
        }
        Chapter chapter = chaptersByNumeral.get(row.cell(1));
        if (chapter == null) {
            throw row.invalid("no chapter " + row.cell(1));
        }
        if (!chapter.contains(code)) {
            throw row.invalid(code + " is not in chapter " + chapter.numeral() + " (" + chapter.first() + "-"
                    + chapter.last() + ")");
        }
        var block = BLOCK.matcher(row.cell(2));
        if (!block.matches()) {
            throw row.invalid("'" + row.cell(2) + "' is not a block such as B85-B89");
        }
        String category = code.substring(0, 3);
        if (category.compareTo(block.group(1)) < 0
                || category.compareTo(block.group(2)) > 0
                || !chapter.contains(block.group(1))
                || !chapter.contains(block.group(2))) {
            throw row.invalid(code + " is not in the block " + row.cell(2) + " of chapter " + chapter.numeral());
        }
        return new Diagnosis(
                code,
                chapter.numeral(),
                row.cell(2),
                labels(row, 3),
                new Diagnosis.SearchWords(row.list(6), row.list(7), row.list(8)));
    }

    static Labels labels(TsvFile.Row row, int first) {
        String fr = row.cell(first);
        String en = row.cell(first + 1);
        String ar = row.cell(first + 2);
        if (fr.isEmpty() || en.isEmpty() || ar.isEmpty()) {
            throw row.invalid("a label is missing: each needs French, English and Arabic");
        }
        return new Labels(fr, en, ar);
    }

    private static List<Diagnosis> sorted(Collection<Diagnosis> diagnoses) {
        return diagnoses.stream().sorted(Comparator.comparing(Diagnosis::code)).toList();
    }
}
