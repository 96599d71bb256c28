package org.passerelle.rights;

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
import org.passerelle.platform.sync.HeldChanges;
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

    private record Held(UUID id, UUID personId, UUID siteId, boolean removed) implements HeldChanges.Held {}

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
        List<SyncedChange> page = user.caresForPeople() && user.compartments().contains(Compartment.LEGAL)
                ? HeldChanges.of(recordType(), rows, this::held, persons::writableAmong, user::mayWorkAt, this::upserts)
                : List.of();
        return SettledChanges.page(rows, page, after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        throw SyncProblems.unknownField(field);
    }

    /** The steps kept for the page, read at once, each as the file shows it with the person it belongs to. */
    private Map<UUID, SyncedChange> upserts(List<Held> kept) {
        Map<UUID, SyncedChange> upserts = new HashMap<>();
        for (RightsRepository.Row row :
                steps.findAll(kept.stream().map(Held::id).toList())) {
            ObjectNode record = (ObjectNode) json.valueToTree(file.step(row));
            record.put("personId", row.personId().toString());
            upserts.put(row.id(), SyncedChange.upsert(recordType(), row.id(), row.version(), record));
        }
        return upserts;
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
