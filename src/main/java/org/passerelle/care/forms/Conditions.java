package org.passerelle.care.forms;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.FormDefinition.Condition;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.MissingNode;

/**
 * Evaluates relevance rules and alerts on a set of answers, exactly as the web client does
 * ({@code web/src/forms/conditions.ts}).
 */
public final class Conditions {

    private Conditions() {}

    /** Whether a field is to be shown and answered: its section's rule and its own both hold. */
    public static boolean relevant(Section section, Field field, JsonNode answers, Situation situation) {
        return holds(section.relevant(), answers, situation) && holds(field.relevant(), answers, situation);
    }

    /** Whether the condition holds; no condition always holds. */
    public static boolean holds(@Nullable Condition condition, JsonNode answers, Situation situation) {
        if (condition == null) {
            return true;
        }
        if (condition.all() != null) {
            return condition.all().stream().allMatch(part -> holds(part, answers, situation));
        }
        if (condition.any() != null) {
            return condition.any().stream().anyMatch(part -> holds(part, answers, situation));
        }
        if (condition.not() != null) {
            return !holds(condition.not(), answers, situation);
        }
        String field = Objects.requireNonNull(condition.field(), "condition without field");
        JsonNode value = value(field, answers, situation);
        boolean answered = !(value.isMissingNode() || value.isNull() || (value.isArray() && value.isEmpty()));
        if (condition.answered() != null) {
            return condition.answered() == answered;
        }
        if (!answered) {
            return false;
        }
        if (condition.equalTo() != null) {
            return same(value, condition.equalTo());
        }
        if (condition.in() != null) {
            return condition.in().stream().anyMatch(candidate -> same(value, candidate));
        }
        if (condition.includes() != null) {
            if (!value.isArray()) {
                return false;
            }
            for (JsonNode item : value) {
                if (item.isString() && item.stringValue().equals(condition.includes())) {
                    return true;
                }
            }
            return false;
        }
        if (condition.atLeast() != null || condition.atMost() != null) {
            if (!value.isNumber()) {
                return false;
            }
            BigDecimal number = value.decimalValue();
            return (condition.atLeast() == null || number.compareTo(condition.atLeast()) >= 0)
                    && (condition.atMost() == null || number.compareTo(condition.atMost()) <= 0);
        }
        if (condition.withinHours() != null) {
            LocalDateTime when = moment(value);
            if (when == null || when.isAfter(situation.now())) {
                return false;
            }
            return Duration.between(when, situation.now()).compareTo(Duration.ofHours(condition.withinHours())) <= 0;
        }
        throw new IllegalArgumentException("condition without test on " + field);
    }

    private static JsonNode value(String field, JsonNode answers, Situation situation) {
        return switch (field) {
            case Condition.SEX ->
                situation.sex() == null
                        ? MissingNode.getInstance()
                        : JsonNodeFactory.instance.stringNode(situation.sex());
            case Condition.AGE ->
                situation.age() == null
                        ? MissingNode.getInstance()
                        : JsonNodeFactory.instance.numberNode(situation.age());
            default -> answers.path(field);
        };
    }

    private static boolean same(JsonNode value, Object expected) {
        if (value.isNumber() && expected instanceof Number number) {
            return value.decimalValue().compareTo(new BigDecimal(number.toString())) == 0;
        }
        if (value.isBoolean() && expected instanceof Boolean bool) {
            return value.booleanValue() == bool;
        }
        return value.isString() && value.stringValue().equals(expected.toString());
    }

    /** A date (at midnight) or a date-time answer, or null when it is neither. */
    public static @Nullable LocalDateTime moment(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        String text = value.stringValue();
        try {
            return text.length() == 10 ? LocalDate.parse(text).atStartOfDay() : LocalDateTime.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
