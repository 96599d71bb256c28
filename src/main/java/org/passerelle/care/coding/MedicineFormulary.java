package org.passerelle.care.coding;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The formulary: essential medicines (WHO Model List) used in mobile clinics, day centres, shelters
 * and walk-in care, read once from {@code care/medicines.tsv} with their forms and dose units. A
 * file that breaks a rule stops the application at startup with the file and line at fault.
 */
@Component
public class MedicineFormulary {

    /** Our medicine codes: lower-case words and numbers joined by hyphens. */
    public static final Pattern CODE = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

    /**
     * A WHO ATC code: of a substance ({@code J01CA04}), or of a group where WHO classifies no
     * substance below it (oral rehydration salts: {@code A07CA}).
     */
    public static final Pattern ATC = Pattern.compile("^[A-Z][0-9]{2}[A-Z]{2}([0-9]{2})?$");

    static final List<String> MEDICINE_COLUMNS =
            List.of("code", "atc", "name_fr", "name_en", "form", "strength", "unit", "words");
    static final List<String> FORM_COLUMNS = List.of("form", "label_fr", "label_en", "label_ar");
    static final List<String> UNIT_COLUMNS =
            List.of("unit", "one_fr", "other_fr", "one_en", "other_en", "one_ar", "other_ar");

    private static final Pattern ATC_QUERY = Pattern.compile("^[a-z][0-9]{1,2}([a-z]{1,2}[0-9]{0,2})?$");

    private final List<Medicine> medicines;
    private final Map<String, Medicine> byCode = new HashMap<>();
    private final SearchIndex index;

    public MedicineFormulary() {
        this(
                TsvFile.read("care/medicine-forms.tsv", FORM_COLUMNS),
                TsvFile.read("care/dose-units.tsv", UNIT_COLUMNS),
                TsvFile.read("care/medicines.tsv", MEDICINE_COLUMNS));
    }

    private MedicineFormulary(List<TsvFile.Row> formRows, List<TsvFile.Row> unitRows, List<TsvFile.Row> rows) {
        Map<String, Medicine.Form> forms = new HashMap<>();
        for (TsvFile.Row row : formRows) {
            forms.put(row.cell(0), new Medicine.Form(row.cell(0), DiagnosisCatalogue.labels(row, 1)));
        }
        Map<String, Medicine.DoseUnit> units = new HashMap<>();
        for (TsvFile.Row row : unitRows) {
            units.put(row.cell(0), unit(row));
        }
        Map<String, Medicine> read = new LinkedHashMap<>();
        for (TsvFile.Row row : rows) {
            Medicine medicine = medicine(row, forms, units);
            if (read.put(medicine.code(), medicine) != null) {
                throw row.invalid("the code " + medicine.code() + " appears twice");
            }
        }
        this.medicines = read.values().stream()
                .sorted(Comparator.comparing(Medicine::nameEn).thenComparing(Medicine::code))
                .toList();
        medicines.forEach(medicine -> byCode.put(medicine.code(), medicine));
        List<SearchIndex.Document> documents = new ArrayList<>();
        for (Medicine medicine : medicines) {
            documents.add(new SearchIndex.Document(
                    medicine.atc(), List.of(medicine.nameFr(), medicine.nameEn()), searchWords(medicine)));
        }
        this.index =
                new SearchIndex(documents, query -> ATC_QUERY.matcher(query).matches());
    }

    /**
     * What a medicine is found by besides its names: its brands and other words, its form in the
     * three languages and its strength, so that every word of "perméthrine crème 5" matches.
     */
    private static List<String> searchWords(Medicine medicine) {
        List<String> words = new ArrayList<>(medicine.words());
        Labels form = medicine.form().labels();
        words.addAll(List.of(form.fr(), form.en(), form.ar(), medicine.strength()));
        return words;
    }

    /** A formulary read from other files than the application's: for checking a file. */
    static MedicineFormulary read(InputStream forms, InputStream units, InputStream medicines) throws IOException {
        return new MedicineFormulary(
                TsvFile.read("forms", forms, FORM_COLUMNS),
                TsvFile.read("units", units, UNIT_COLUMNS),
                TsvFile.read("medicines", medicines, MEDICINE_COLUMNS));
    }

    /** Every medicine, by name. */
    public List<Medicine> all() {
        return medicines;
    }

    public Optional<Medicine> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean isKnown(String code) {
        return byCode.containsKey(code);
    }

    /**
     * The medicine with this code; refuses one not in the formulary as an invalid value of {@code
     * field} (error code {@code unknown-medicine}).
     */
    public Medicine require(String field, String code) {
        return find(code).orElseThrow(() -> CodingProblems.unknownMedicine(field));
    }

    /**
     * The medicines a query finds by name (French or English), brand or other word, form, strength
     * or ATC code, best first (each word of the query must start a word of the medicine, accents
     * and case folded); a blank query lists the formulary by name.
     */
    public List<Medicine> search(String query, int limit) {
        if (query.isBlank()) {
            return medicines.stream().limit(limit).toList();
        }
        return index.search(query).stream()
                .sorted(Comparator.comparingInt(SearchIndex.Hit::score)
                        .reversed()
                        .thenComparingInt(SearchIndex.Hit::document))
                .limit(limit)
                .map(hit -> medicines.get(hit.document()))
                .toList();
    }

    private static Medicine medicine(
            TsvFile.Row row, Map<String, Medicine.Form> forms, Map<String, Medicine.DoseUnit> units) {
        String code = row.cell(0);
        if (!CODE.matcher(code).matches() || code.length() > 40) {
            throw row.invalid("'" + code + "' is not a medicine code such as amoxicillin-500-caps");
        }
        String atc = row.cell(1);
        if (!ATC.matcher(atc).matches()) {
            throw row.invalid("'" + atc + "' is not an ATC code such as J01CA04");
        }
        Medicine.Form form = forms.get(row.cell(4));
        if (form == null) {
            throw row.invalid("no form " + row.cell(4));
        }
        Medicine.DoseUnit unit = units.get(row.cell(6));
        if (unit == null) {
            throw row.invalid("no dose unit " + row.cell(6));
        }
        if (row.cell(2).isEmpty() || row.cell(3).isEmpty() || row.cell(5).isEmpty()) {
            throw row.invalid("the names in French and English and the strength are required");
        }
        return new Medicine(code, atc, row.cell(2), row.cell(3), form, row.cell(5), unit, row.list(7));
    }

    private static Medicine.DoseUnit unit(TsvFile.Row row) {
        for (int i = 1; i <= 6; i++) {
            if (row.cell(i).isEmpty()) {
                throw row.invalid("a dose unit needs its singular and plural in French, English and Arabic");
            }
        }
        return new Medicine.DoseUnit(
                row.cell(0),
                new Labels(row.cell(1), row.cell(3), row.cell(5)),
                new Labels(row.cell(2), row.cell(4), row.cell(6)));
    }
}
