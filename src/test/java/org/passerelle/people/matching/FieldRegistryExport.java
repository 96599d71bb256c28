package org.passerelle.people.matching;

import java.util.Comparator;
import java.util.List;
import org.passerelle.people.matching.FieldRegistry.Registration;
import org.passerelle.people.matching.TransliterationSet.SetRecord;

/**
 * Writes the field-like registry in the transliteration set's tab-separated format, registrations in
 * the order they were made, for the search benchmark ({@code bench/SearchRecall.java}) to register
 * and search through the API:
 *
 * <pre>java -cp target/classes:target/test-classes org.passerelle.people.matching.FieldRegistryExport \
 *     2000 &gt; field-registry.tsv</pre>
 *
 * The arguments are the number of persons (2,000 by default) and the seed ({@link FieldRegistry#SEED}).
 */
final class FieldRegistryExport {

    private FieldRegistryExport() {}

    public static void main(String[] args) {
        int persons = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : FieldRegistry.SEED;
        List<SetRecord> records = new FieldRegistry(seed)
                .generate(persons).stream()
                        .sorted(Comparator.comparing(Registration::registeredOn).thenComparing(Registration::id))
                        .map(r -> new SetRecord(r.id(), r.person(), r.names(), r.sex(), r.birthDate(), r.country()))
                        .toList();
        System.out.print(SetRecordFile.write(records));
    }
}
