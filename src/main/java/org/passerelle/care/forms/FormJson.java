package org.passerelle.care.forms;

import java.util.List;
import org.passerelle.platform.FieldFaults;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads and writes form definitions strictly: an unknown property (a misspelt "requried") is an
 * error, not silently ignored. A yes/no setting left out ({@code required}) is false.
 */
@Component
public class FormJson {

    private final JsonMapper mapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .changeDefaultPropertyInclusion(inclusion ->
                    inclusion.withValueInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL))
            .build();

    /** A stored definition, known to be sound. */
    public FormDefinition read(String text) {
        return mapper.readValue(text, FormDefinition.class);
    }

    /**
     * A definition submitted by a coordinator.
     *
     * @throws FieldFaults {@code form-unreadable} at the property that could not be read
     */
    public FormDefinition parse(JsonNode node) {
        try {
            return mapper.treeToValue(node, FormDefinition.class);
        } catch (JacksonException e) {
            StringBuilder path = new StringBuilder("definition");
            for (JacksonException.Reference step : e.getPath()) {
                if (step.getPropertyName() != null) {
                    path.append('.').append(step.getPropertyName());
                } else if (step.getIndex() >= 0) {
                    path.append('[').append(step.getIndex()).append(']');
                }
            }
            throw FieldFaults.of(
                    FormProblems.INVALID_FORM, List.of(FieldFaults.Fault.of(path.toString(), "form-unreadable")));
        }
    }

    public String write(FormDefinition definition) {
        return mapper.writeValueAsString(definition);
    }

    public JsonNode tree(FormDefinition definition) {
        return mapper.valueToTree(definition);
    }
}
