package org.passerelle.care.forms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;

/** The calculations a form may use, each from fields of given types. */
public enum CalculationFunction {
    /** Body-mass index from a weight in kilograms and a height in centimetres. */
    BMI(List.of(FieldType.NUMBER, FieldType.NUMBER), FieldType.NUMBER),
    /** Completed weeks of pregnancy on the consultation's day, from the last menstrual period. */
    GESTATIONAL_WEEKS(List.of(FieldType.DATE), FieldType.NUMBER),
    /** The expected date of delivery: the last menstrual period plus 280 days. */
    DUE_DATE(List.of(FieldType.DATE), FieldType.DATE),
    /** The sum of numbers, such as attendance counts; unanswered numbers count as zero. */
    SUM(List.of(), FieldType.NUMBER);

    private final List<FieldType> arguments;
    private final FieldType result;

    CalculationFunction(List<FieldType> arguments, FieldType result) {
        this.arguments = arguments;
        this.result = result;
    }

    /** The types of the fields it takes, in order; empty for any number of numbers. */
    public List<FieldType> arguments() {
        return arguments;
    }

    /** What it gives: a number or a date. */
    public FieldType result() {
        return result;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
