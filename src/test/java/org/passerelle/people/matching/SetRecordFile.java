package org.passerelle.people.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * The transliteration set as a tab-separated file, kept in {@code matching/transliteration-set.tsv}
 * with its truth: records with the same {@code person} are the same person.
 */
final class SetRecordFile {

    static final String RESOURCE = "/matching/transliteration-set.tsv";
    static final String HEADER =
            "record_id\tperson\tnames\tsex\tbirth_precision\tbirth_date\testimated_age\testimated_on\tcountry";

    private SetRecordFile() {}

    static String write(List<SetRecord> records) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (SetRecord r : records) {
            BirthDate b = r.birthDate();
            text.append(String.join(
                            "\t",
                            r.id(),
                            Integer.toString(r.person()),
                            String.join(" | ", r.names()),
                            r.sex().name(),
                            b == null ? "" : b.precision().name(),
                            b == null ? "" : b.date().toString(),
                            b == null || b.estimatedAge() == null
                                    ? ""
                                    : b.estimatedAge().toString(),
                            b == null || b.estimatedOn() == null ? "" : String.valueOf(b.estimatedOn()),
                            r.country() == null ? "" : r.country()))
                    .append('\n');
        }
        return text.toString();
    }

    static List<SetRecord> read(String text) {
        List<SetRecord> records = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.equals(HEADER)) {
                continue;
            }
            String[] c = line.split("\t", -1);
            records.add(new SetRecord(
                    c[0],
                    Integer.parseInt(c[1]),
                    Arrays.asList(c[2].split(" \\| ")),
                    Sex.valueOf(c[3]),
                    birthDate(c[4], c[5], c[6], c[7]),
                    c[8].isEmpty() ? null : c[8]));
        }
        return records;
    }

    private static BirthDate birthDate(String precision, String date, String age, String on) {
        if (precision.isEmpty()) {
            return null;
        }
        LocalDate day = LocalDate.parse(date);
        return switch (BirthDate.Precision.valueOf(precision)) {
            case EXACT -> BirthDate.exact(day);
            case MONTH -> BirthDate.month(day.getYear(), day.getMonthValue());
            case YEAR -> BirthDate.year(day.getYear());
            case ESTIMATED -> BirthDate.estimated(Integer.parseInt(age), LocalDate.parse(on));
        };
    }

    static String readResource() {
        try (InputStream in = SetRecordFile.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: regenerate it with SetRecordFile");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Regenerates the kept file from the generator and its seed: {@code main <path of the file>}. */
    public static void main(String[] args) throws IOException {
        List<SetRecord> records = new TransliterationSet(TransliterationSet.SEED)
                .generate(TransliterationSet.PEOPLE, TransliterationSet.NAMESAKE_CLUSTERS);
        Files.writeString(Path.of(args[0]), write(records), StandardCharsets.UTF_8);
        System.out.println(records.size() + " records written to " + args[0]);
    }
}
