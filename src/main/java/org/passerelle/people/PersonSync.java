package org.passerelle.people;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.passerelle.people.PersonViews.Correction;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.people.PersonViews.Registration;
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
import tools.jackson.databind.node.ObjectNode;

/**
 * Persons as devices hold them: a registration made offline goes through {@link
 * PersonRegistry#register} and the duplicate engine, a change of demographics through {@link
 * PersonRegistry#correct}, merged field by field with what changed on the server since.
 */
@Component
@Order(2)
class PersonSync implements SyncedRecords {

    private final PersonRegistry registry;
    private final PersonAccess access;
    private final PersonChanges changes;
    private final OfflineRegistrations offline;
    private final Registrations registrations;
    private final Validator validator;
    private final Clock clock;

    PersonSync(
            PersonRegistry registry,
            PersonAccess access,
            PersonChanges changes,
            OfflineRegistrations offline,
            Registrations registrations,
            Validator validator,
            Clock clock) {
        this.registrations = registrations;
        this.registry = registry;
        this.access = access;
        this.changes = changes;
        this.offline = offline;
        this.validator = validator;
        this.clock = clock;
    }

    @Override
    public String recordType() {
        return PersonRegistry.RECORD_TYPE;
    }

    @Override
    public Applied apply(Mutation mutation) {
        requireKnownFields(mutation);
        return switch (mutation.operation()) {
            case CREATE -> create(mutation);
            case UPDATE -> update(mutation);
        };
    }

    /**
     * Registers persons made offline all at once ({@link Registrations}) and looks for their likely
     * duplicates with one look-up of the registry for the lot; a registration whose person already
     * exists (sent again under another mutation) is answered on its own, as {@link #apply} answers it.
     * Refuses the whole run when one of them is invalid or refused, for each to be applied on its own.
     */
    @Override
    public List<Applied> applyAll(List<Mutation> creations) {
        List<UUID> ids = creations.stream().map(Mutation::recordId).toList();
        Set<UUID> taken = registry.taken(ids);
        List<Registrations.NewPerson> persons = new ArrayList<>(creations.size());
        for (Mutation mutation : creations) {
            requireKnownFields(mutation);
            if (mutation.operation() != Mutation.Operation.CREATE) {
                throw SyncProblems.malformed("operation");
            }
            if (!taken.contains(mutation.recordId())) {
                persons.add(new Registrations.NewPerson(mutation.recordId(), details(mutation)));
            }
        }
        registrations.registerAll(persons);
        offline.lookForDuplicatesAll(persons, creations.getFirst().deviceId());
        List<Applied> applied = new ArrayList<>(creations.size());
        for (Mutation mutation : creations) {
            applied.add(
                    taken.contains(mutation.recordId())
                            ? create(mutation)
                            : Applied.applied(Registrations.FIRST_VERSION, false, mutation.recordId()));
        }
        return applied;
    }

    private static void requireKnownFields(Mutation mutation) {
        mutation.changes().keySet().stream()
                .filter(field -> !PersonFields.NAMES.contains(field))
                .findFirst()
                .ifPresent(field -> {
                    throw SyncProblems.unknownField(field);
                });
    }

    private PersonDetails details(Mutation mutation) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        mutation.changes().forEach((field, change) -> fields.set(field, change.value()));
        return valid(PersonFields.details(fields));
    }

    private Applied create(Mutation mutation) {
        PersonDetails details = details(mutation);
        boolean known = registry.exists(mutation.recordId());
        Person person = registry.register(new Registration(mutation.recordId(), details));
        if (!known) {
            offline.lookForDuplicates(person.id(), details, mutation.deviceId());
        }
        return Applied.applied(person.version(), false, person.id());
    }

    private Applied update(Mutation mutation) {
        Long base = mutation.baseVersion();
        if (base == null) {
            throw SyncProblems.malformed("baseVersion");
        }
        if (!registry.exists(mutation.recordId())) {
            throw SyncProblems.unknownRecord();
        }
        access.requireWritable(mutation.recordId());
        Person current = registry.current(mutation.recordId());
        if (base > current.version()) {
            throw SyncProblems.baseVersionAhead();
        }
        LocalDate today = LocalDate.now(clock);
        ObjectNode stored = PersonFields.of(current);
        ObjectNode merged = stored.deepCopy();
        List<FieldConflict> conflicts = new ArrayList<>();
        for (Map.Entry<String, FieldChange> change : mutation.changes().entrySet()) {
            String field = change.getKey();
            JsonNode baseValue = PersonFields.canonical(field, change.getValue().base(), today);
            JsonNode value = PersonFields.canonical(field, change.getValue().value(), today);
            JsonNode server = stored.path(field);
            if (server.equals(value)) {
                continue;
            }
            if (server.equals(baseValue)) {
                merged.set(field, value);
            } else {
                conflicts.add(new FieldConflict(field, baseValue, server, value));
            }
        }
        long version = current.version();
        if (!merged.equals(stored)) {
            PersonDetails details = valid(PersonFields.details(merged));
            version = registry.correct(current.id(), new Correction(details, current.version()))
                    .version();
        }
        return new Applied(version, base != current.version(), conflicts, null, current.id());
    }

    @Override
    public ChangePage changesSince(Position after, int limit) {
        return changes.since(after, limit);
    }

    @Override
    public long resolve(UUID recordId, String field, JsonNode value) {
        if (!PersonFields.NAMES.contains(field)) {
            throw SyncProblems.unknownField(field);
        }
        if (!registry.exists(recordId)) {
            throw SyncProblems.unknownRecord();
        }
        Person current = registry.current(recordId);
        ObjectNode fields = PersonFields.of(current);
        fields.set(field, PersonFields.canonical(field, value, LocalDate.now(clock)));
        PersonDetails details = valid(PersonFields.details(fields));
        return registry.correctResolvingConflict(recordId, new Correction(details, current.version()))
                .version();
    }

    private PersonDetails valid(PersonDetails details) {
        Set<ConstraintViolation<PersonDetails>> violations = validator.validate(details);
        if (!violations.isEmpty()) {
            String path = violations.iterator().next().getPropertyPath().toString();
            throw DomainException.invalidInput("changes." + path);
        }
        return details;
    }
}
