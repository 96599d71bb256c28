package org.passerelle.care.forms;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.FormDefinition.Calculation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Computes calculated fields from the answers, exactly as the web client does
 * ({@code web/src/forms/calculations.ts}). A calculation whose inputs are missing or implausible
 * gives nothing rather than a wrong figure.
 */
public final class Calculations {

    /** The longest pregnancy counted, in weeks since the last menstrual period. */
    static final int LONGEST_PREGNANCY_WEEKS = 45;

    private Calculations() {}

    /** The value, or null when it cannot be computed. */
    public static @Nullable JsonNode compute(
            Calculation calculation, int decimals, JsonNode answers, Situation situation) {
        List<JsonNode> inputs = calculation.fields().stream().map(answers::path).toList();
        return switch (calculation.function()) {
            case BMI -> bmi(inputs.get(0), inputs.get(1), decimals);
            case GESTATIONAL_WEEKS -> {
                LocalDate lmp = date(inputs.get(0));
                if (lmp == null || lmp.isAfter(situation.occurredOn())) {
                    yield null;
                }
                long weeks = ChronoUnit.DAYS.between(lmp, situation.occurredOn()) / 7;
                yield weeks > LONGEST_PREGNANCY_WEEKS ? null : JsonNodeFactory.instance.numberNode(weeks);
            }
            case DUE_DATE -> {
                LocalDate lmp = date(inputs.get(0));
                yield lmp == null
                        ? null
                        : JsonNodeFactory.instance.stringNode(dueDate(lmp).toString());
            }
            case SUM -> {
                BigDecimal sum = null;
                for (JsonNode input : inputs) {
                    if (input.isNumber()) {
                        sum = (sum == null ? BigDecimal.ZERO : sum).add(input.decimalValue());
                    }
                }
                yield sum == null ? null : number(sum, decimals);
            }
        };
    }

    /** Naegele's rule: 280 days after the first day of the last menstrual period. */
    public static LocalDate dueDate(LocalDate lastMenstrualPeriod) {
        return lastMenstrualPeriod.plusDays(280);
    }

    private static @Nullable JsonNode bmi(JsonNode weight, JsonNode height, int decimals) {
        if (!weight.isNumber() || !height.isNumber() || height.decimalValue().signum() <= 0) {
            return null;
        }
        BigDecimal metres = height.decimalValue().movePointLeft(2);
        return number(weight.decimalValue().divide(metres.multiply(metres), decimals, RoundingMode.HALF_UP), decimals);
    }

    private static JsonNode number(BigDecimal value, int decimals) {
        BigDecimal rounded = value.setScale(decimals, RoundingMode.HALF_UP);
        return decimals == 0
                ? JsonNodeFactory.instance.numberNode(rounded.longValueExact())
                : JsonNodeFactory.instance.numberNode(rounded.doubleValue());
    }

    private static @Nullable LocalDate date(JsonNode value) {
        if (!value.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
