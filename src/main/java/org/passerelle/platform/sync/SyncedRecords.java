package org.passerelle.platform.sync;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * One type of record that devices hold offline, implemented by the module that owns the records.
 * The sync module finds every bean of this type: a new module makes its records synchronise by
 * declaring a bean, without touching the sync module. Implementations apply changes through the
 * module's one write path, so that a change made offline meets the same role, site scope,
 * compartment, validation and audit line as one made online; they throw a {@link
 * org.passerelle.platform.DomainException} to refuse a mutation, which then changes nothing.
 */
public interface SyncedRecords {

    /** Stable name of the record type, such as {@code person}, as devices name it. */
    String recordType();

    /**
     * Applies a mutation as the current user, at the current site (the mutation's), in the
     * caller's transaction; merges field by field and reports the fields that conflict, whose
     * server value it keeps.
     */
    Applied apply(Mutation mutation);

    /**
     * Applies several creations of new records at once, as the current user at the current site (all
     * the mutations', the same), in the caller's transaction: for each, in order, what {@link #apply}
     * would give it. A push hands it every run of creations of this type that follow one another.
     * Throws a {@link org.passerelle.platform.DomainException} when any is refused; the caller then
     * rolls back the whole run and applies each on its own, so that only that one is refused. By
     * default each is applied in turn (the run then saves a savepoint and a look-up of the mutation
     * log per mutation); a module whose write path can write many records in a few statements does so.
     */
    default List<Applied> applyAll(List<Mutation> creations) {
        return creations.stream().map(this::apply).toList();
    }

    /**
     * The changes after {@code after} that the current user may hold, from transactions older than
     * every one still running; reads at most {@code limit} changes, those out of the user's scope
     * included (left out of the page, but passed by its next position).
     */
    ChangePage changesSince(Position after, int limit);

    /**
     * Writes {@code value} into {@code field} of a record, to resolve a conflict in favour of the
     * device, under the module's write rules for the current user; returns the record's new version.
     */
    long resolve(UUID recordId, String field, JsonNode value);
}
