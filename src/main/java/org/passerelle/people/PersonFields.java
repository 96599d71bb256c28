package org.passerelle.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.passerelle.people.PersonViews.BirthDateInput;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Person;
import org.passerelle.people.PersonViews.PersonDetails;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.sync.SyncProblems;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fields of a person as devices change them, one value each, in a canonical form so that two
 * values that mean the same compare equal: names stripped, languages and flags sorted, a birth
 * date as its precision keeps it (a year-only date typed as 15 June is 1 January).
 */
final class PersonFields {

    /** The fields a device may change; the patient code, the site and the version are the server's. */
    static final Set<String> NAMES =
            Set.of("chosenName", "otherNames", "sex", "birthDate", "languages", "countryOfOrigin", "phone", "flags");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private PersonFields() {}

    /** The fields of a person's record. */
    static ObjectNode of(Person person) {
        ObjectNode fields = NODES.objectNode();
        fields.put("chosenName", person.chosenName());
        fields.set("otherNames", JSON.valueToTree(person.otherNames()));
        fields.put("sex", person.sex().name());
        fields.set(
                "birthDate",
                person.birthDate() == null ? NullNode.getInstance() : JSON.valueToTree(person.birthDate()));
        fields.set("languages", sorted(person.languages()));
        fields.put("countryOfOrigin", person.countryOfOrigin());
        fields.put("phone", person.phone());
        fields.set("flags", sorted(person.flags().stream().map(Enum::name).toList()));
        return fields;
    }

    /** A value of {@code field} in canonical form; {@code sync-malformed-mutation} when it cannot be one. */
    static JsonNode canonical(String field, JsonNode value, LocalDate today) {
        if (value.isNull() || value.isMissingNode()) {
            return NullNode.getInstance();
        }
        try {
            return switch (field) {
                case "chosenName", "phone", "countryOfOrigin", "sex" ->
                    NODES.stringNode(text(field, value).strip());
                case "languages", "flags" -> sorted(JSON.convertValue(value, new TypeReference<List<String>>() {}));
                case "otherNames" ->
                    JSON.valueToTree(JSON.convertValue(value, new TypeReference<List<OtherName>>() {}).stream()
                            .map(name ->
                                    new OtherName(name.name().strip(), name.kind(), name.script(), name.language()))
                            .toList());
                case "birthDate" ->
                    JSON.valueToTree(
                            JSON.convertValue(value, BirthDateInput.class).toBirthDate(today));
                default -> throw SyncProblems.unknownField(field);
            };
        } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
            throw SyncProblems.malformed(field);
        }
    }

    /** The details a registration or correction takes, from the fields; {@code invalid-input} when they are not. */
    static PersonDetails details(ObjectNode fields) {
        try {
            return JSON.convertValue(fields, PersonDetails.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw DomainException.invalidInput("changes");
        }
    }

    /** Whether a person's record holds these details, as a registration sent twice does. */
    static boolean sameDetails(Person person, PersonDetails details, LocalDate today) {
        ObjectNode given = JSON.valueToTree(details);
        ObjectNode stored = of(person);
        for (String field : NAMES) {
            if (!canonical(field, given.path(field), today).equals(stored.path(field))) {
                return false;
            }
        }
        return true;
    }

    private static String text(String field, JsonNode value) {
        if (!value.isString()) {
            throw SyncProblems.malformed(field);
        }
        return value.asString();
    }

    private static ArrayNode sorted(java.util.Collection<String> values) {
        ArrayNode array = NODES.arrayNode();
        new TreeSet<>(values).forEach(array::add);
        return array;
    }
}
