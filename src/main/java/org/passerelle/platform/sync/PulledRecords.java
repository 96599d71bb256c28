package org.passerelle.platform.sync;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record type devices pull and never push (set up online): the rows of one table changed after a
 * position, read together by the module, each served to the devices of a user who works at one of
 * its sites, and as erased when it has a tombstone (its own or its parent's). A push is refused.
 */
public final class PulledRecords implements SyncedRecords {

    /**
     * A record as devices hold it: the record as the API gives it online, its version, the sites
     * whose users hold it, and whether it was removed.
     */
    public record Held(UUID id, Collection<UUID> sites, long version, boolean removed, Object value) {}

    private final String recordType;
    private final String table;
    private final JdbcClient jdbc;
    private final Function<List<UUID>, List<Held>> read;
    private final Supplier<Predicate<UUID>> holdsAt;
    private final JsonMapper json;

    /**
     * @param table the table whose changed rows are read (written by the code, never from input)
     * @param read the records of these ids, removed ones included
     * @param holdsAt for the user pulling now, the sites whose records their devices hold
     */
    public PulledRecords(
            String recordType,
            String table,
            JdbcClient jdbc,
            Function<List<UUID>, List<Held>> read,
            Supplier<Predicate<UUID>> holdsAt,
            JsonMapper json) {
        this.recordType = recordType;
        this.table = table;
        this.jdbc = jdbc;
        this.read = read;
        this.holdsAt = holdsAt;
        this.json = json;
    }

    @Override
    public String recordType() {
        return recordType;
    }

    @Override
    public Applied apply(Mutation mutation) {
        throw SyncProblems.malformed("recordType");
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, table, "true", after, limit);
        Predicate<UUID> holds = holdsAt.get();
        Map<UUID, Held> held = new HashMap<>();
        if (!rows.isEmpty()) {
            read.apply(rows.stream().map(ChangedRow::id).toList()).forEach(one -> held.put(one.id(), one));
        }
        List<SyncedChange> changes = new ArrayList<>();
        for (ChangedRow row : rows) {
            Held one = held.get(row.id());
            if (one != null && one.sites().stream().anyMatch(holds)) {
                changes.add(
                        one.removed()
                                ? SyncedChange.erased(recordType, one.id())
                                : SyncedChange.upsert(
                                        recordType, one.id(), one.version(), json.valueToTree(one.value())));
            }
        }
        return SettledChanges.page(rows, changes, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }
}
