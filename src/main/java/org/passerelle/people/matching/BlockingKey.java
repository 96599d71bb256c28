package org.passerelle.people.matching;

import java.util.Collection;
import java.util.Set;
import java.util.function.Function;

/**
 * A named function giving the blocking keys of a record: only records sharing at least one key
 * (of any blocking key function) are compared. Keys of different functions never collide, since
 * each is qualified by its function's name. {@code fields} names the compared fields the key
 * conditions on (pairs sharing a name key agree on names by construction): the pairs of that key
 * alone then serve to estimate the m of the other fields.
 *
 * @param <R> the record type
 */
public record BlockingKey<R>(String name, Function<R, ? extends Collection<String>> keys, Set<String> fields) {

    public BlockingKey {
        fields = Set.copyOf(fields);
    }

    /** A key that does not say which fields it conditions on. */
    public BlockingKey(String name, Function<R, ? extends Collection<String>> keys) {
        this(name, keys, Set.of());
    }

    /** The keys of a record, qualified by this function's name, as stored in an index. */
    public java.util.List<String> qualifiedKeys(R record) {
        return keys.apply(record).stream().map(key -> name + ':' + key).toList();
    }
}
