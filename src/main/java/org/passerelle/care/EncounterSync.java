package org.passerelle.care;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.EncounterViews.Amendment;
import org.passerelle.care.EncounterViews.DraftChange;
import org.passerelle.care.EncounterViews.Encounter;
import org.passerelle.care.EncounterViews.NewEncounter;
import org.passerelle.care.EncounterViews.Status;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.ChangePage;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.FieldConflict;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.Position;
import org.passerelle.platform.sync.SyncProblems;
import org.passerelle.platform.sync.SyncedRecords;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Consultations as devices hold them, through {@link Encounters}: started as a draft or signed, a
 * draft's answers changed field by field (each answer of the form is a field, so two devices
 * filling different parts merge) and signed. A signed consultation is never overwritten: a change
 * made offline to one signed meanwhile becomes an amendment, a new revision, the earlier one kept.
 */
@Component
@Order(3)
class EncounterSync implements SyncedRecords {

    static final String ANSWERS = "answers.";

    private final Encounters encounters;
    private final EncounterReads reads;
    private final EncounterChanges changes;

    EncounterSync(Encounters encounters, EncounterReads reads, EncounterChanges changes) {
        this.encounters = encounters;
        this.reads = reads;
        this.changes = changes;
    }

    @Override
    public String recordType() {
        return Encounters.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        return switch (mutation.operation()) {
            case CREATE -> create(mutation);
            case UPDATE -> update(mutation);
        };
    }

    private Applied create(Mutation mutation) {
        Map<String, FieldChange> fields = mutation.changes();
        ObjectNode answers = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, FieldChange> change : fields.entrySet()) {
            String field = change.getKey();
            if (field.startsWith(ANSWERS)) {
                setAnswer(answers, field, change.getValue().value());
            } else if (!List.of("personId", "formCode", "occurredOn", "status").contains(field)) {
                throw SyncProblems.unknownField(field);
            }
        }
        Encounter started = encounters.start(new NewEncounter(
                mutation.recordId(),
                uuid(fields, "personId"),
                required(text(fields, "formCode"), "formCode"),
                date(fields, "occurredOn"),
                answers,
                "SIGNED".equals(text(fields, "status")),
                null));
        return Applied.applied(started.version(), false, subject(started));
    }

    private Applied update(Mutation mutation) {
        Long base = mutation.baseVersion();
        if (base == null) {
            throw SyncProblems.malformed("baseVersion");
        }
        Encounter current = readable(mutation.recordId());
        if (base > current.version()) {
            throw SyncProblems.baseVersionAhead();
        }
        boolean signed = current.status() == Status.SIGNED;
        ObjectNode answers = ((ObjectNode) current.answers()).deepCopy();
        List<FieldConflict> conflicts = new ArrayList<>();
        boolean sign = false;
        for (Map.Entry<String, FieldChange> change : mutation.changes().entrySet()) {
            String field = change.getKey();
            FieldChange value = change.getValue();
            if (field.equals("status")) {
                sign = "SIGNED".equals(value.value().asString(""));
            } else if (!field.startsWith(ANSWERS)) {
                throw SyncProblems.unknownField(field);
            } else {
                JsonNode server = answers.path(field.substring(ANSWERS.length()));
                JsonNode stored = server.isMissingNode() ? NullNode.getInstance() : server;
                if (signed || same(stored, value.base())) {
                    setAnswer(answers, field, value.value());
                } else if (!same(stored, value.value())) {
                    conflicts.add(new FieldConflict(field, value.base(), stored, value.value()));
                }
            }
        }
        boolean merged = base != current.version();
        if (signed) {
            return amend(current, answers, mutation, merged);
        }
        if (answers.equals(current.answers()) && !sign) {
            return new Applied(current.version(), merged, conflicts, null, subject(current));
        }
        Encounter changed =
                encounters.changeDraft(current.id(), new DraftChange(current.version(), null, answers, sign, null));
        return new Applied(changed.version(), merged, conflicts, null, subject(changed));
    }

    private Applied amend(Encounter current, ObjectNode answers, Mutation mutation, boolean merged) {
        if (answers.equals(current.answers())) {
            return Applied.applied(current.version(), merged, subject(current));
        }
        String reason = "Changed offline" + (mutation.deviceId() == null ? "" : " on device " + mutation.deviceId())
                + " at " + mutation.deviceTime();
        Encounter amended = encounters.amend(current.id(), new Amendment(current.version(), null, answers, reason));
        return new Applied(amended.version(), true, List.of(), amended.revision(), subject(amended));
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        return changes.since(after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        if (!field.startsWith(ANSWERS)) {
            throw SyncProblems.unknownField(field);
        }
        Encounter current = readable(recordId);
        ObjectNode answers = ((ObjectNode) current.answers()).deepCopy();
        setAnswer(answers, field, value);
        if (current.status() == Status.SIGNED) {
            return encounters
                    .amend(recordId, new Amendment(current.version(), null, answers, "Conflict resolved"))
                    .version();
        }
        return encounters
                .changeDraft(recordId, new DraftChange(current.version(), null, answers, false, null))
                .version();
    }

    private Encounter readable(UUID id) {
        try {
            reads.readable(id);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw SyncProblems.unknownRecord();
            }
            throw e;
        }
        return reads.view(id);
    }

    /** Whether two answers are the same, numbers by their value (70 and 70.0 alike). */
    private static boolean same(JsonNode one, JsonNode other) {
        if (one.isNumber() && other.isNumber()) {
            return one.decimalValue().compareTo(other.decimalValue()) == 0;
        }
        return one.equals(other);
    }

    private static void setAnswer(ObjectNode answers, String field, JsonNode value) {
        String code = field.substring(ANSWERS.length());
        if (value.isNull() || value.isMissingNode()) {
            answers.remove(code);
        } else {
            answers.set(code, value);
        }
    }

    private static UUID subject(Encounter encounter) {
        UUID personId = encounter.personId();
        return personId == null ? encounter.id() : personId;
    }

    private static @Nullable String text(Map<String, FieldChange> fields, String field) {
        FieldChange change = fields.get(field);
        if (change == null || change.value().isNull()) {
            return null;
        }
        if (!change.value().isString()) {
            throw SyncProblems.malformed(field);
        }
        return change.value().asString();
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw SyncProblems.malformed(field);
        }
        return value;
    }

    private static @Nullable UUID uuid(Map<String, FieldChange> fields, String field) {
        String text = text(fields, field);
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed(field);
        }
    }

    private static @Nullable LocalDate date(Map<String, FieldChange> fields, String field) {
        String text = text(fields, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw SyncProblems.malformed(field);
        }
    }
}
