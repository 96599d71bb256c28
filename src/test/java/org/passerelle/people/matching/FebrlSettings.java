package org.passerelle.people.matching;

import static org.passerelle.people.matching.StringSimilarity.damerau;
import static org.passerelle.people.matching.StringSimilarity.jaroWinkler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The engine configured for FEBRL's fields: names and address parts with Jaro-Winkler levels,
 * identifiers and dates with edit-distance levels, and blocking on names, date of birth,
 * postcode and social security number.
 */
final class FebrlSettings {

    static final int MAX_BLOCK_SIZE = 200;

    private FebrlSettings() {}

    static LinkageSettings<FebrlRecord> settings() {
        List<FieldComparison<FebrlRecord>> fields = List.of(
                text("given_name", FebrlRecord::givenName, 0.92, 0.80),
                text("surname", FebrlRecord::surname, 0.92, 0.80),
                exact("street_number", FebrlRecord::streetNumber),
                text("address_1", FebrlRecord::address1, 0.90, 0.75),
                text("address_2", FebrlRecord::address2, 0.90, 0.75),
                text("suburb", FebrlRecord::suburb, 0.90, 0.75),
                edits("postcode", FebrlRecord::postcode),
                exact("state", FebrlRecord::state),
                date("date_of_birth", FebrlRecord::dateOfBirth),
                edits("soc_sec_id", FebrlRecord::socSecId));
        List<BlockingKey<FebrlRecord>> keys = List.of(
                key(
                        "names",
                        r -> prefix(PhoneticKey.of(r.givenName()), 2) + "|" + prefix(PhoneticKey.of(r.surname()), 2)),
                key("surname", r -> PhoneticKey.of(r.surname())),
                key("given", r -> PhoneticKey.of(r.givenName()) + "|" + prefix(r.dateOfBirth(), 4)),
                key("dob", FebrlRecord::dateOfBirth),
                key("ssid", FebrlRecord::socSecId),
                key("postcode", r -> r.postcode() + "|" + prefix(r.surname(), 1)),
                key("address", r -> r.streetNumber() + "|" + prefix(r.address1(), 3)));
        return new LinkageSettings<>(fields, keys, MAX_BLOCK_SIZE);
    }

    private static BlockingKey<FebrlRecord> key(String name, Function<FebrlRecord, String> key) {
        return new BlockingKey<>(name, r -> {
            String value = key.apply(r);
            List<String> keys = new ArrayList<>();
            if (!value.isBlank() && !value.startsWith("|") && !value.endsWith("|")) {
                keys.add(value);
            }
            return keys;
        });
    }

    private static String prefix(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    static FieldComparison<FebrlRecord> text(
            String name, Function<FebrlRecord, String> field, double high, double low) {
        return FieldComparison.of(
                name, List.of("exact", "jaro-winkler>=" + high, "jaro-winkler>=" + low, "different"), (a, b) -> {
                    String x = field.apply(a);
                    String y = field.apply(b);
                    if (x.isEmpty() || y.isEmpty()) {
                        return FieldComparison.MISSING;
                    }
                    if (x.equals(y)) {
                        return 0;
                    }
                    double similarity = jaroWinkler(x, y);
                    return similarity >= high ? 1 : similarity >= low ? 2 : 3;
                });
    }

    static FieldComparison<FebrlRecord> exact(String name, Function<FebrlRecord, String> field) {
        return FieldComparison.of(name, List.of("exact", "different"), (a, b) -> {
            String x = field.apply(a);
            String y = field.apply(b);
            if (x.isEmpty() || y.isEmpty()) {
                return FieldComparison.MISSING;
            }
            return x.equals(y) ? 0 : 1;
        });
    }

    static FieldComparison<FebrlRecord> edits(String name, Function<FebrlRecord, String> field) {
        return FieldComparison.of(name, List.of("exact", "one edit", "two edits", "different"), (a, b) -> {
            String x = field.apply(a);
            String y = field.apply(b);
            if (x.isEmpty() || y.isEmpty()) {
                return FieldComparison.MISSING;
            }
            return Math.min(damerau(x, y), 3);
        });
    }

    static FieldComparison<FebrlRecord> date(String name, Function<FebrlRecord, String> field) {
        return FieldComparison.of(
                name, List.of("exact", "one edit or day-month swap", "same year or two edits", "different"), (a, b) -> {
                    String x = field.apply(a);
                    String y = field.apply(b);
                    if (x.length() != 8 || y.length() != 8) {
                        return FieldComparison.MISSING;
                    }
                    if (x.equals(y)) {
                        return 0;
                    }
                    boolean swapped = x.substring(0, 4).equals(y.substring(0, 4))
                            && x.substring(4, 6).equals(y.substring(6, 8))
                            && x.substring(6, 8).equals(y.substring(4, 6));
                    int edits = damerau(x, y);
                    if (edits <= 1 || swapped) {
                        return 1;
                    }
                    return edits <= 2 || x.substring(0, 4).equals(y.substring(0, 4)) ? 2 : 3;
                });
    }
}
