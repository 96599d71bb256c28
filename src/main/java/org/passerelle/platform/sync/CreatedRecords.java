package org.passerelle.platform.sync;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Map;
import java.util.Set;
import org.passerelle.platform.DomainException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the record a device created offline as the command its module's write path takes online,
 * for record types that devices create and never change afterwards (a line-list case, a dose, a
 * water reading): the mutation must be a creation, name only fields the command has, and pass the
 * command's Bean Validation rules; what the server decides (the record's id, the site the work was
 * done at) is not taken from the changes.
 */
@Component
public class CreatedRecords {

    private final JsonMapper json;
    private final Validator validator;

    CreatedRecords(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /**
     * The command of a creation; {@code fields} are those a device may send, {@code server} the
     * values the server gives (by the command's component names).
     */
    public <T> T read(Mutation mutation, Set<String> fields, Map<String, Object> server, Class<T> type) {
        if (mutation.operation() != Mutation.Operation.CREATE) {
            throw SyncProblems.malformed("operation");
        }
        ObjectNode node = json.createObjectNode();
        mutation.changes().forEach((field, change) -> {
            if (!fields.contains(field)) {
                throw SyncProblems.unknownField(field);
            }
            node.set(field, change.value());
        });
        server.forEach((field, value) -> node.set(field, json.valueToTree(value)));
        T command;
        try {
            command = json.treeToValue(node, type);
        } catch (JacksonException e) {
            throw SyncProblems.malformed("changes");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            throw DomainException.invalidInput(
                    "changes." + violations.iterator().next().getPropertyPath());
        }
        return command;
    }
}
