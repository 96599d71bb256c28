package org.passerelle.rights;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.access.CurrentUser;
import org.passerelle.access.CurrentUsers;
import org.passerelle.people.PersonAccess;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.CreatedRecords;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SettledChanges;
import org.passerelle.platform.sync.SettledChanges.ChangedRow;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedChange;
import org.passerelle.platform.sync.SyncedRecords;
import org.passerelle.rights.RightsViews.NewRightsStep;
import org.passerelle.rights.RightsViews.RightsStep;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Rights steps as the devices of social and legal workers hold them: a step recorded offline (an
 * AME request made with the person at a mobile clinic) goes through {@link RightsFile#record}, so
 * with the same owner, legal compartment, dates and audit line as online, written once under its id
 * (and an AME or PUMa granted hands the Pass de ville over there too); the devices of users who open
 * the legal compartment pull the steps of the people in care at their sites, and a step withdrawn
 * as erased. Withdrawing is done online.
 */
@Component
@Order(32)
class RightsStepSync implements SyncedRecords {

    static final Set<String> FIELDS =
            Set.of("kind", "occurredOn", "validUntil", "declaredAge", "assessedAge", "documents", "helpedBy", "note");

    private record Held(UUID id, UUID personId, UUID siteId, boolean removed) {}

    private final RightsFile file;
    private final RightsRepository steps;
    private final CreatedRecords created;
    private final PersonAccess persons;
    private final CurrentUsers currentUsers;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    RightsStepSync(
            RightsFile file,
            RightsRepository steps,
            CreatedRecords created,
            PersonAccess persons,
            CurrentUsers currentUsers,
            JdbcClient jdbc,
            JsonMapper json) {
        this.file = file;
        this.steps = steps;
        this.created = created;
        this.persons = persons;
        this.currentUsers = currentUsers;
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    public String recordType() {
        return RightsFile.RECORD_TYPE;
    }

    /** The person is named by the mutation's {@code personId}; the rest is the online command. */
    @Override
    public Applied apply(Mutation mutation) {
        FieldChange person = mutation.changes().get("personId");
        UUID personId = uuid(person == null ? null : person.value());
        Map<String, FieldChange> rest = new HashMap<>(mutation.changes());
        rest.remove("personId");
        rest.putIfAbsent("documents", FieldChange.created(json.createArrayNode()));
        Mutation step = new Mutation(
                mutation.mutationId(),
                mutation.recordType(),
                mutation.recordId(),
                mutation.operation(),
                mutation.baseVersion(),
                mutation.siteId(),
                mutation.deviceTime(),
                mutation.deviceId(),
                rest);
        NewRightsStep command = created.read(step, FIELDS, Map.of("id", mutation.recordId()), NewRightsStep.class);
        RightsStep recorded = file.record(personId, command);
        return Applied.applied(recorded.version(), false, personId);
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        List<ChangedRow> rows = SettledChanges.ids(jdbc, "rights.rights_step", "true", after, limit);
        CurrentUser user = currentUsers.current();
        List<SyncedChange> page = new ArrayList<>();
        if (user.caresForPeople() && user.compartments().contains(Compartment.LEGAL) && !rows.isEmpty()) {
            Map<UUID, Held> held = held(rows.stream().map(ChangedRow::id).toList());
            Set<UUID> writable = persons.writableAmong(held.values().stream()
                    .filter(one -> !one.removed())
                    .map(Held::personId)
                    .distinct()
                    .toList());
            for (ChangedRow row : rows) {
                Held one = held.get(row.id());
                if (one == null) {
                    continue;
                }
                if (one.removed()) {
                    if (user.mayWorkAt(one.siteId())) {
                        page.add(SyncedChange.erased(recordType(), one.id()));
                    }
                } else if (writable.contains(one.personId())) {
                    steps.find(one.id()).ifPresent(found -> page.add(upsert(found)));
                }
            }
        }
        return SettledChanges.page(rows, page, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }

    /** The step as the file shows it, with the person it belongs to. */
    private SyncedChange upsert(RightsRepository.Row row) {
        ObjectNode record = (ObjectNode) json.valueToTree(file.step(row));
        record.put("personId", row.personId().toString());
        return SyncedChange.upsert(recordType(), row.id(), row.version(), record);
    }

    private Map<UUID, Held> held(List<UUID> ids) {
        Map<UUID, Held> held = new HashMap<>();
        jdbc.sql("""
                        select id, person_id, site_id, deleted_at is not null as removed
                          from rights.rights_step where id = any(?)
                        """).param(ids.toArray(UUID[]::new)).query(Held.class).list().forEach(one -> held.put(one.id(), one));
        return held;
    }

    private static UUID uuid(@Nullable JsonNode value) {
        if (value == null || !value.isString()) {
            throw SyncProblems.malformed("personId");
        }
        try {
            return UUID.fromString(value.asString());
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed("personId");
        }
    }
}
