package org.passerelle.care;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.EncounterRepository.Stored;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.Status;
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
 * The consultations changed since a position, as the current user may hold them: those they may
 * read online in a compartment their roles open, of persons in care at their sites (not through a
 * break-the-glass) or of their sites' group sessions, and no one else's draft. A page is read with a
 * few queries for the lot (the consultations, their persons' sites, keys, revisions, prescriptions),
 * not some per consultation.
 */
@Component
class EncounterChanges {

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
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "care.encounter", "deleted_at is null", after, limit);
        CurrentUser user = currentUsers.current();
        Map<UUID, Stored> stored = new HashMap<>();
        repository.findAll(rows.stream().map(ChangedRow::id).toList()).forEach(one -> stored.put(one.id(), one));
        Set<UUID> writable = persons.writableAmong(stored.values().stream()
                .map(Stored::personId)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        List<Stored> held = new ArrayList<>();
        for (ChangedRow row : rows) {
            Stored one = stored.get(row.id());
            if (one != null && holds(user, one, writable)) {
                held.add(one);
            }
        }
        List<SyncedChange> changes = new ArrayList<>();
        for (Encounter view : reads.views(held, writable)) {
            changes.add(SyncedChange.upsert(Encounters.RECORD_TYPE, view.id(), view.version(), json.valueToTree(view)));
        }
        return SettledChanges.page(rows, changes, after, limit);
    }

    private static boolean holds(CurrentUser user, Stored stored, Set<UUID> writable) {
        if (!user.compartments().contains(stored.compartment())) {
            return false;
        }
        if (stored.status() == Status.DRAFT && !stored.providerId().equals(user.id())) {
            return false;
        }
        UUID personId = stored.personId();
        return personId == null ? user.mayWorkAt(stored.siteId()) : writable.contains(personId);
    }
}
