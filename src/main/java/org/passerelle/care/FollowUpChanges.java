package org.passerelle.care;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.FollowUpRepository.Row;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncedChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The follow-ups changed since a position, as the current user may hold them: of persons in care at
 * their sites (not through a break-the-glass), in a programme whose compartment their roles open.
 * Only the changes of settled transactions are read; a page is read with a few queries for the lot.
 */
@Component
class FollowUpChanges {

    private final JdbcClient jdbc;
    private final FollowUpRepository repository;
    private final FollowUps followUps;
    private final PersonAccess persons;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;

    FollowUpChanges(
            JdbcClient jdbc,
            FollowUpRepository repository,
            FollowUps followUps,
            PersonAccess persons,
            CurrentUsers currentUsers,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.followUps = followUps;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    ChangePage since(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "care.follow_up", "true", after, limit);
        CurrentUser user = currentUsers.current();
        Map<UUID, Row> found = new HashMap<>();
        repository.findAll(rows.stream().map(ChangedRow::id).toList()).forEach(row -> found.put(row.id(), row));
        Set<UUID> writable = persons.writableAmong(
                found.values().stream().map(Row::personId).distinct().toList());
        List<SyncedChange> changes = new ArrayList<>();
        for (ChangedRow changed : rows) {
            Row row = found.get(changed.id());
            if (row != null
                    && writable.contains(row.personId())
                    && user.compartments().contains(row.programme().compartment())) {
                var view = followUps.view(row);
                changes.add(
                        SyncedChange.upsert(FollowUps.RECORD_TYPE, row.id(), row.version(), json.valueToTree(view)));
            }
        }
        return SettledChanges.page(rows, changes, after, limit);
    }
}
