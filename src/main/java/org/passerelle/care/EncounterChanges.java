package org.passerelle.care;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncedChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consultations changed since a position, as the current user may hold them: those they may
 * read online in a compartment their roles open, of persons in care at their sites (not through a
 * break-the-glass) or of their sites' group sessions, and no one else's draft.
 */
@Component
class EncounterChanges {

    private record Changed(UUID id, long transaction, long change) {}

    private final JdbcClient jdbc;
    private final EncounterRepository repository;
    private final EncounterReads reads;
    private final PersonAccess persons;
    private final CurrentUsers currentUsers;
    private final JsonMapper json;

    EncounterChanges(
            JdbcClient jdbc,
            EncounterRepository repository,
            EncounterReads reads,
            PersonAccess persons,
            CurrentUsers currentUsers,
            JsonMapper json) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.reads = reads;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.json = json;
    }

    ChangePage since(Position after, int limit) {
        List<Changed> rows = jdbc.sql("""
                        select id, change_xid::text::bigint as transaction, change_seq as change
                          from care.encounter
                         where deleted_at is null
                           and (change_xid, change_seq) > (cast(cast(:transaction as text) as xid8), :change)
                           and change_xid < pg_snapshot_xmin(pg_current_snapshot())
                         order by change_xid, change_seq limit :limit
                        """)
                .param("transaction", after.transaction())
                .param("change", after.change())
                .param("limit", limit)
                .query(Changed.class)
                .list();
        CurrentUser user = currentUsers.current();
        List<SyncedChange> changes = new ArrayList<>();
        for (Changed row : rows) {
            Stored stored = repository.find(row.id()).orElse(null);
            if (stored != null && holds(user, stored)) {
                changes.add(SyncedChange.upsert(
                        Encounters.RECORD_TYPE, row.id(), stored.version(), json.valueToTree(reads.view(row.id()))));
            }
        }
        Position next = rows.isEmpty()
                ? after
                : new Position(rows.getLast().transaction(), rows.getLast().change());
        return new ChangePage(changes, next, rows.size() == limit);
    }

    private boolean holds(CurrentUser user, @Nullable Stored stored) {
        if (stored == null || !user.compartments().contains(stored.compartment())) {
            return false;
        }
        if (stored.status() == Status.DRAFT && !stored.providerId().equals(user.id())) {
            return false;
        }
        UUID personId = stored.personId();
        return personId == null ? user.mayWorkAt(stored.siteId()) : persons.writable(personId);
    }
}
