package org.passerelle.people.matching;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A named function giving the blocking keys of a record: only records sharing at least one key
 * (of any blocking key function) are compared. Keys of different functions never collide, since
 * each is qualified by its function's name. {@code fields} names the compared fields the key
 * conditions on (pairs sharing a name key agree on names by construction): the pairs of that key
 * alone then serve to estimate the m of the other fields.
 *
 * <p>A block larger than the cap ({@link LinkageSettings#maxBlockSize}) says little and would cost
 * too many comparisons. Without {@code subBlocking} it is skipped. With it, every record in such a
 * block also gets the keys of {@code subBlocking} (a finer key, e.g. two names and the birth year
 * for a key of one name and the year), whose blocks are used like any other, so that the pairs of
 * a very common name are still compared when they agree on more. Sub-blocking keys serve the scan
 * only: they are not stored in an index ({@link Linker#blockingKeys}) and do not take part in the
 * estimation of m by key.
 *
 * @param subBlocking the finer key splitting the blocks of this key that are too large, or null
 * @param <R> the record type
 */
public record BlockingKey<R>(
        String name,
        Function<R, ? extends Collection<String>> keys,
        Set<String> fields,
        @Nullable BlockingKey<R> subBlocking) {

    public BlockingKey {
        fields = Set.copyOf(fields);
    }

    /** A key whose blocks over the cap are skipped. */
    public BlockingKey(String name, Function<R, ? extends Collection<String>> keys, Set<String> fields) {
        this(name, keys, fields, null);
    }

    /** A key that does not say which fields it conditions on. */
    public BlockingKey(String name, Function<R, ? extends Collection<String>> keys) {
        this(name, keys, Set.of());
    }

    /** The keys of a record, qualified by this function's name, as stored in an index. */
    public List<String> qualifiedKeys(R record) {
        return keys.apply(record).stream().map(key -> name + ':' + key).toList();
    }
}
