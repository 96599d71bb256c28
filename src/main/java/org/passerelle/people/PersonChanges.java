package org.passerelle.people;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.Positioned;
import org.passerelle.platform.sync.SyncedChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The persons changed since a position, as the current user may hold them: in care at one of the
 * user's sites (a break-the-glass opens a file for a while, not for a device to keep). Only the
 * changes of settled transactions are read (see {@link Position}); a page's records are read with a
 * few queries for the lot, not some per record.
 */
@Component
class PersonChanges {

    private record Changed(
            UUID id,
            long transaction,
            long change,
            @Nullable UUID mergedInto) implements Positioned {}

    private final JdbcClient jdbc;
    private final AccessRepository access;
    private final CurrentUsers currentUsers;
    private final PersonRegistry registry;
    private final JsonMapper json;

    PersonChanges(
            JdbcClient jdbc,
            AccessRepository access,
            CurrentUsers currentUsers,
            PersonRegistry registry,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.access = access;
        this.currentUsers = currentUsers;
        this.registry = registry;
        this.json = json;
    }

    ChangePage since(Position after, int limit) {
        List<Changed> rows = SettledChanges.bind(
                        jdbc.sql("select id, merged_into, " + SettledChanges.POSITION
                                + " from people.person where deleted_at is null and " + SettledChanges.AFTER),
                        after,
                        limit)
                .query(Changed.class)
                .list();
        CurrentUser user = currentUsers.current();
        List<UUID> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(reached(row)));
        Map<UUID, Set<UUID>> sites = access.sitesOf(ids);
        List<Changed> held = rows.stream()
                .filter(row -> user.reachesAnyOf(sites.getOrDefault(reached(row), Set.of())))
                .toList();
        Map<UUID, PersonViews.Person> persons = registry.currentAll(held.stream()
                .filter(row -> row.mergedInto() == null)
                .map(Changed::id)
                .toList());
        List<SyncedChange> changes = new ArrayList<>();
        for (Changed row : held) {
            UUID mergedInto = row.mergedInto();
            PersonViews.Person person = persons.get(row.id());
            if (mergedInto != null) {
                changes.add(SyncedChange.merged(PersonRegistry.RECORD_TYPE, row.id(), mergedInto));
            } else if (person != null) {
                changes.add(SyncedChange.upsert(
                        PersonRegistry.RECORD_TYPE, row.id(), person.version(), json.valueToTree(person)));
            }
        }
        Position next = rows.isEmpty()
                ? after
                : new Position(rows.getLast().transaction(), rows.getLast().change());
        return new ChangePage(changes, next, rows.size() == limit);
    }

    /** The person whose sites decide who holds a record: the one it was merged into, if it was. */
    private static UUID reached(Changed row) {
        UUID mergedInto = row.mergedInto();
        return mergedInto == null ? row.id() : mergedInto;
    }
}
