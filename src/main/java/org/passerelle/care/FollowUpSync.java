package org.passerelle.care;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.CurrentUsers;
import org.passerelle.care.FollowUpViews.ClosedReason;
import org.passerelle.care.FollowUpViews.Closure;
import org.passerelle.care.FollowUpViews.Enrolment;
import org.passerelle.care.FollowUpViews.FollowUp;
import org.passerelle.care.FollowUpViews.FollowUpChange;
import org.passerelle.care.FollowUpViews.Status;
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
 * Follow-ups as devices hold them, through {@link FollowUps}: an enrolment made offline, its plans
 * (next visit, due date, condition, risk flags) changed field by field and merged with what changed
 * on the server since, and its closure. Two devices planning the next visit differently make a
 * conflict kept for review (a data officer opens no compartment: they keep the server's plan, and
 * the clinician enters the other if it was right); a change of the plans of a follow-up closed
 * meanwhile is rejected ({@code follow-up-closed}), never dropped.
 */
@Component
@Order(4)
class FollowUpSync implements SyncedRecords {

    private static final Set<String> AT_ENROLMENT = Set.of("personId", "programme", "startedOn");
    private static final Set<String> PLANS = Set.of("nextVisitOn", "dueDate", "conditionCode", "riskFlags");
    private static final Set<String> CLOSURE = Set.of("status", "closedReason", "closedOn");

    private final FollowUps followUps;
    private final FollowUpChanges changes;
    private final CurrentUsers currentUsers;

    FollowUpSync(FollowUps followUps, FollowUpChanges changes, CurrentUsers currentUsers) {
        this.followUps = followUps;
        this.changes = changes;
        this.currentUsers = currentUsers;
    }

    @Override
    public String recordType() {
        return FollowUps.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        return switch (mutation.operation()) {
            case CREATE -> enrol(mutation);
            case UPDATE -> update(mutation);
        };
    }

    private Applied enrol(Mutation mutation) {
        Map<String, FieldChange> fields = mutation.changes();
        fields.keySet().stream()
                .filter(field -> !AT_ENROLMENT.contains(field) && !PLANS.contains(field))
                .findFirst()
                .ifPresent(field -> {
                    throw SyncProblems.unknownField(field);
                });
        UUID personId = uuid(value(fields, "personId"), "personId");
        FollowUp enrolled = followUps.enrol(
                personId,
                new Enrolment(
                        mutation.recordId(),
                        programme(value(fields, "programme")),
                        date(value(fields, "startedOn"), "startedOn"),
                        date(value(fields, "nextVisitOn"), "nextVisitOn"),
                        date(value(fields, "dueDate"), "dueDate"),
                        text(value(fields, "conditionCode"), "conditionCode"),
                        flags(value(fields, "riskFlags"))));
        return Applied.applied(enrolled.version(), false, enrolled.personId());
    }

    private Applied update(Mutation mutation) {
        Long base = mutation.baseVersion();
        if (base == null) {
            throw SyncProblems.malformed("baseVersion");
        }
        FollowUp current = writable(mutation.recordId());
        if (base > current.version()) {
            throw SyncProblems.baseVersionAhead();
        }
        ObjectNode stored = fields(current);
        ObjectNode merged = stored.deepCopy();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, FieldChange> change : mutation.changes().entrySet()) {
            String field = change.getKey();
            if (!PLANS.contains(field) && !CLOSURE.contains(field)) {
                throw SyncProblems.unknownField(field);
            }
            JsonNode server = stored.get(field);
            JsonNode value = change.getValue().value();
            if (server.equals(value)) {
                continue;
            }
            if (server.equals(change.getValue().base())) {
                merged.set(field, value);
            } else {
                conflicts.add(new FieldConflict(field, change.getValue().base(), server, value));
            }
        }
        long version = write(current, stored, merged);
        return new Applied(version, base != current.version(), conflicts, null, current.personId());
    }

    /** Writes the merged plans, then the closure, through the follow-ups' write path; the new version. */
    private long write(FollowUp current, ObjectNode stored, ObjectNode merged) {
        long version = current.version();
        boolean plansChanged =
                PLANS.stream().anyMatch(field -> !stored.get(field).equals(merged.get(field)));
        if (plansChanged) {
            if (current.status() == Status.CLOSED) {
                throw CareProblems.followUpClosed();
            }
            version = followUps.change(current.id(), plans(version, merged)).version();
        }
        if (current.status() == Status.ACTIVE
                && "CLOSED".equals(merged.get("status").asString(""))) {
            version = followUps
                    .close(
                            current.id(),
                            new Closure(
                                    version,
                                    reason(merged.get("closedReason")),
                                    date(merged.get("closedOn"), "closedOn")))
                    .version();
        }
        return version;
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        return changes.since(after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        if (!PLANS.contains(field)) {
            throw SyncProblems.unknownField(field);
        }
        if (!currentUsers.current().caresForPeople()) {
            throw DomainException.roleNotAllowed();
        }
        FollowUp current = writable(recordId);
        ObjectNode fields = fields(current);
        fields.set(field, value);
        return followUps.change(recordId, plans(current.version(), fields)).version();
    }

    private FollowUp writable(UUID id) {
        try {
            return followUps.writableView(id);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw SyncProblems.unknownRecord();
            }
            throw e;
        }
    }

    /** The fields a device changes, as the pull gives them (absent ones as JSON null). */
    private static ObjectNode fields(FollowUp followUp) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("nextVisitOn", string(followUp.nextVisitOn()));
        fields.put("dueDate", string(followUp.dueDate()));
        fields.put("conditionCode", followUp.conditionCode());
        fields.set(
                "riskFlags",
                JsonNodeFactory.instance
                        .arrayNode()
                        .addAll(followUp.riskFlags().stream()
                                .map(JsonNodeFactory.instance::stringNode)
                                .toList()));
        fields.put("status", followUp.status().name());
        ClosedReason reason = followUp.closedReason();
        fields.put("closedReason", reason == null ? null : reason.name());
        fields.put("closedOn", string(followUp.closedOn()));
        return fields;
    }

    private static FollowUpChange plans(long version, ObjectNode fields) {
        return new FollowUpChange(
                version,
                date(fields.get("nextVisitOn"), "nextVisitOn"),
                date(fields.get("dueDate"), "dueDate"),
                text(fields.get("conditionCode"), "conditionCode"),
                flags(fields.get("riskFlags")));
    }

    private static @Nullable String string(@Nullable LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static JsonNode value(Map<String, FieldChange> fields, String field) {
        FieldChange change = fields.get(field);
        return change == null ? NullNode.getInstance() : change.value();
    }

    private static @Nullable String text(JsonNode value, String field) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isString()) {
            throw SyncProblems.malformed(field);
        }
        return value.asString();
    }

    private static UUID uuid(JsonNode value, String field) {
        String text = text(value, field);
        try {
            if (text == null) {
                throw SyncProblems.malformed(field);
            }
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed(field);
        }
    }

    private static @Nullable LocalDate date(JsonNode value, String field) {
        String text = text(value, field);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw SyncProblems.malformed(field);
        }
    }

    private static FollowUpProgramme programme(JsonNode value) {
        String text = text(value, "programme");
        try {
            if (text == null) {
                throw SyncProblems.malformed("programme");
            }
            return FollowUpProgramme.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed("programme");
        }
    }

    private static ClosedReason reason(JsonNode value) {
        String text = text(value, "closedReason");
        try {
            if (text == null) {
                throw SyncProblems.malformed("closedReason");
            }
            return ClosedReason.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw SyncProblems.malformed("closedReason");
        }
    }

    private static @Nullable List<String> flags(JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (!value.isArray()) {
            throw SyncProblems.malformed("riskFlags");
        }
        List<String> flags = new ArrayList<>();
        for (JsonNode flag : value) {
            if (!flag.isString()) {
                throw SyncProblems.malformed("riskFlags");
            }
            flags.add(flag.asString());
        }
        return flags;
    }
}
