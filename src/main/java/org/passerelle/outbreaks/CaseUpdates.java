package org.passerelle.outbreaks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCase;
import org.passerelle.outbreaks.OutbreakViews.OutbreakCaseChange;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.Applied;
import org.passerelle.platform.sync.FieldChange;
import org.passerelle.platform.sync.FieldConflict;
import org.passerelle.platform.sync.Mutation;
import org.passerelle.platform.sync.SyncProblems;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A case's course changed on a device (classification, admission, test results, severity, outcome),
 * merged field by field with what changed on the server since the version the device held: a field
 * changed only on the device takes its value, a field the server changed meanwhile to another value
 * keeps the server's and becomes a conflict kept for review, never overwritten in silence. The change
 * goes through {@link Cases#change}, with its rules, ring and audit line.
 */
@Component
class CaseUpdates {

    static final Set<String> COURSE =
            Set.of("classification", "admittedOn", "rapidTest", "labResult", "severity", "outcome", "outcomeOn");

    /** The fields of a change besides the course, kept as they are. */
    private static final Set<String> KEPT = Set.of("onsetOn", "latitude", "longitude");

    private final Cases cases;
    private final JsonMapper json;

    CaseUpdates(Cases cases, JsonMapper json) {
        this.cases = cases;
        this.json = json;
    }

    Applied apply(Mutation mutation) {
        Long base = mutation.baseVersion();
        if (base == null) {
            throw SyncProblems.malformed("baseVersion");
        }
        OutbreakCase current = current(mutation.recordId());
        if (base > current.version()) {
            throw SyncProblems.baseVersionAhead();
        }
        ObjectNode stored = fields(current);
        ObjectNode merged = stored.deepCopy();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, FieldChange> change : mutation.changes().entrySet()) {
            String field = change.getKey();
            if (!COURSE.contains(field)) {
                throw SyncProblems.unknownField(field);
            }
            JsonNode server = value(stored, field);
            JsonNode device = change.getValue().value();
            if (server.equals(device)) {
                continue;
            }
            if (server.equals(change.getValue().base())) {
                merged.set(field, device);
            } else {
                conflicts.add(new FieldConflict(field, change.getValue().base(), server, device));
            }
        }
        long version = merged.equals(stored) ? current.version() : write(current, merged);
        return new Applied(version, base != current.version(), conflicts, null, subject(current));
    }

    /** Writes the device's value of a field kept in conflict, on the case as it is now. */
    long resolve(UUID recordId, String field, JsonNode value) {
        if (!COURSE.contains(field)) {
            throw SyncProblems.unknownField(field);
        }
        OutbreakCase current = current(recordId);
        ObjectNode fields = fields(current);
        fields.set(field, value);
        return write(current, fields);
    }

    private long write(OutbreakCase current, ObjectNode fields) {
        fields.put("version", current.version());
        OutbreakCaseChange change;
        try {
            change = json.treeToValue(fields, OutbreakCaseChange.class);
        } catch (JacksonException e) {
            throw SyncProblems.malformed("changes");
        }
        return cases.change(current.id(), change).version();
    }

    /** The case as it is; one of a site the user does not work at is as unknown as one that is not there. */
    private OutbreakCase current(UUID id) {
        try {
            return cases.get(id);
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND || OutbreakProblems.SITE_OUTSIDE_SCOPE.equals(e.code())) {
                throw SyncProblems.unknownRecord();
            }
            throw e;
        }
    }

    /** The case's fields a change writes, without its version. */
    private ObjectNode fields(OutbreakCase current) {
        ObjectNode fields = json.valueToTree(current);
        fields.retain(Stream.concat(COURSE.stream(), KEPT.stream()).toList());
        return fields;
    }

    private static JsonNode value(ObjectNode fields, String field) {
        JsonNode value = fields.get(field);
        return value == null ? NullNode.getInstance() : value;
    }

    static UUID subject(OutbreakCase recorded) {
        return Objects.requireNonNullElse(recorded.personId(), recorded.id());
    }
}
