package org.passerelle.care.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.CheckedAnswers.PrescribedLine;
import org.passerelle.care.forms.FormDefinition.DateRange;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Section;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.PlainText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks answers against a form: every answer belongs to a field shown under the form's rules, has
 * the field's type, lies in its range and, when the consultation is signed, every required field
 * shown is answered. Calculated fields are computed here whatever the client sent. A failure
 * reports every faulty field at once, each under {@code answers.<field code>}.
 */
public final class AnswerChecker {

    static final int MOST_DIAGNOSES = 12;
    static final int OLDEST_DATE_YEARS = 120;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CodeLists codes;
    private final PrescriptionLines prescriptionLines;

    public AnswerChecker(CodeLists codes) {
        this.codes = codes;
        this.prescriptionLines = new PrescriptionLines(codes);
    }

    /**
     * Checks the answers.
     *
     * @param complete whether the consultation is being signed: required fields must then be answered
     * @throws FieldFaults with code {@link FormProblems#INVALID_ANSWERS} when any answer breaks a rule
     */
    public CheckedAnswers check(FormDefinition form, JsonNode answers, Situation situation, boolean complete) {
        FieldFaults.Collector faults = new FieldFaults.Collector();
        if (!(answers instanceof ObjectNode submitted)) {
            throw FieldFaults.of(
                    FormProblems.INVALID_ANSWERS, List.of(FieldFaults.Fault.of("answers", "answers-not-an-object")));
        }
        Map<String, Field> known = new HashMap<>();
        form.fields().forEach(field -> known.put(field.code(), field));
        for (String code : answers.propertyNames()) {
            if (!known.containsKey(code)) {
                faults.add(path(code), "unknown-field");
            }
        }
        ObjectNode view = submitted.deepCopy();
        form.fields().filter(field -> field.type() == FieldType.CALCULATED).forEach(field -> view.remove(field.code()));
        for (Section section : form.sections()) {
            for (Field field : section.fields()) {
                if (field.type() == FieldType.CALCULATED
                        && field.calculate() != null
                        && Conditions.relevant(section, field, view, situation)) {
                    JsonNode result = Calculations.compute(field.calculate(), field.decimalPlaces(), view, situation);
                    if (result != null) {
                        view.set(field.code(), result);
                    }
                }
            }
        }
        ObjectNode coded = NODES.objectNode();
        ObjectNode sealed = NODES.objectNode();
        Set<String> diagnoses = new LinkedHashSet<>();
        List<PrescribedLine> prescriptions = new ArrayList<>();
        for (Section section : form.sections()) {
            for (Field field : section.fields()) {
                JsonNode value = view.path(field.code());
                if (field.type() == FieldType.CALCULATED) {
                    if (isGiven(value)) {
                        coded.set(field.code(), value);
                    }
                    continue;
                }
                boolean given = isGiven(value);
                if (!Conditions.relevant(section, field, view, situation)) {
                    if (given) {
                        faults.add(path(field.code()), "field-not-relevant");
                    }
                    continue;
                }
                if (!given) {
                    if (complete && field.required()) {
                        faults.add(path(field.code()), "field-required");
                    }
                    continue;
                }
                checkValue(field, value, situation, faults, coded, sealed, diagnoses, prescriptions);
            }
        }
        faults.throwIfAny(FormProblems.INVALID_ANSWERS);
        Integer attendees = null;
        if (form.subject() == FormDefinition.Subject.GROUP) {
            JsonNode count = coded.path(FormDefinition.ATTENDEES);
            if (count.isNumber() && count.decimalValue().signum() > 0) {
                attendees = count.intValue();
            } else if (complete) {
                faults.add(path(FormDefinition.ATTENDEES), "attendees-required");
            }
        }
        faults.throwIfAny(FormProblems.INVALID_ANSWERS);
        return new CheckedAnswers(coded, sealed, List.copyOf(diagnoses), prescriptions, attendees);
    }

    private static boolean isGiven(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return false;
        }
        if (value.isString()) {
            return !value.stringValue().isBlank();
        }
        return !(value.isArray() && value.isEmpty());
    }

    static String path(String field) {
        return "answers." + field;
    }

    private void checkValue(
            Field field,
            JsonNode value,
            Situation situation,
            FieldFaults.Collector faults,
            ObjectNode coded,
            ObjectNode sealed,
            Set<String> diagnoses,
            List<PrescribedLine> prescriptions) {
        String path = path(field.code());
        switch (field.type()) {
            case TEXT -> {
                if (!value.isString()) {
                    faults.add(path, "answer-not-text");
                } else if (!PlainText.isPlain(value.stringValue())) {
                    faults.add(path, "invalid-characters");
                } else if (value.stringValue().strip().length() > field.longestText()) {
                    faults.add(path, "text-too-long", String.valueOf(field.longestText()));
                } else {
                    sealed.put(field.code(), value.stringValue().strip());
                }
            }
            case NUMBER -> {
                BigDecimal number = number(field, value, path, faults);
                if (number != null) {
                    coded.set(field.code(), value);
                }
            }
            case DATE -> {
                LocalDate date = parseDate(value);
                if (date == null) {
                    faults.add(path, "answer-not-a-date");
                } else if (inRange(field.when(), date.atStartOfDay(), situation, path, faults)) {
                    coded.put(field.code(), date.toString());
                }
            }
            case DATETIME -> {
                LocalDateTime moment = parseMoment(value);
                if (moment == null) {
                    faults.add(path, "answer-not-a-date-time");
                } else if (inRange(field.when(), moment, situation, path, faults)) {
                    coded.put(field.code(), moment.toString());
                }
            }
            case CHOICE -> {
                if (!value.isString() || !field.hasOption(value.stringValue())) {
                    faults.add(path, "unknown-option");
                } else {
                    coded.put(field.code(), value.stringValue());
                }
            }
            case MULTIPLE -> {
                List<String> chosen = distinctStrings(value, path, faults);
                if (chosen != null) {
                    if (chosen.stream().anyMatch(option -> !field.hasOption(option))) {
                        faults.add(path, "unknown-option");
                    } else {
                        coded.set(field.code(), strings(chosen));
                    }
                }
            }
            case YESNO -> {
                if (!value.isBoolean()) {
                    faults.add(path, "answer-not-yes-or-no");
                } else {
                    coded.put(field.code(), value.booleanValue());
                }
            }
            case DIAGNOSIS -> {
                List<String> chosen = distinctStrings(value, path, faults);
                if (chosen != null) {
                    if (chosen.size() > MOST_DIAGNOSES) {
                        faults.add(path, "too-many-diagnoses", String.valueOf(MOST_DIAGNOSES));
                    } else if (chosen.stream().anyMatch(code -> !codes.isDiagnosis(code))) {
                        faults.add(path, "unknown-diagnosis");
                    } else {
                        coded.set(field.code(), strings(chosen));
                        diagnoses.addAll(chosen);
                    }
                }
            }
            case MEDICATION -> prescriptionLines.check(field, value, path, faults, coded, sealed, prescriptions);
            case CALCULATED -> throw new IllegalStateException("calculated fields are not answered");
        }
    }

    private static @Nullable BigDecimal number(Field field, JsonNode value, String path, FieldFaults.Collector faults) {
        if (!value.isNumber()) {
            faults.add(path, "answer-not-a-number");
            return null;
        }
        BigDecimal number = value.decimalValue();
        if ((field.min() != null && number.compareTo(field.min()) < 0)
                || (field.max() != null && number.compareTo(field.max()) > 0)) {
            faults.add(
                    path,
                    "number-out-of-range",
                    field.min() == null ? "" : field.min().toPlainString(),
                    field.max() == null ? "" : field.max().toPlainString());
            return null;
        }
        if (number.stripTrailingZeros().scale() > field.decimalPlaces()) {
            faults.add(path, "too-many-decimals", String.valueOf(field.decimalPlaces()));
            return null;
        }
        return number;
    }

    private static boolean inRange(
            @Nullable DateRange range,
            LocalDateTime moment,
            Situation situation,
            String path,
            FieldFaults.Collector faults) {
        LocalDate day = moment.toLocalDate();
        LocalDate reference = situation.occurredOn();
        if (day.isBefore(reference.minusYears(OLDEST_DATE_YEARS)) || day.isAfter(reference.plusYears(2))) {
            faults.add(path, "date-implausible");
            return false;
        }
        if (range == DateRange.PAST && (day.isAfter(reference) || moment.isAfter(situation.now()))) {
            faults.add(path, "date-in-future");
            return false;
        }
        if (range == DateRange.FUTURE && day.isBefore(reference)) {
            faults.add(path, "date-in-past");
            return false;
        }
        return true;
    }

    private static @Nullable LocalDate parseDate(JsonNode value) {
        if (!value.isString() || value.stringValue().length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable LocalDateTime parseMoment(JsonNode value) {
        if (!value.isString() || value.stringValue().length() < 16) {
            return null;
        }
        try {
            return LocalDateTime.parse(value.stringValue());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static @Nullable List<String> distinctStrings(JsonNode value, String path, FieldFaults.Collector faults) {
        if (!value.isArray()) {
            faults.add(path, "answer-not-a-list");
            return null;
        }
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (JsonNode item : value) {
            if (!item.isString() || !seen.add(item.stringValue())) {
                faults.add(path, "answer-not-a-list");
                return null;
            }
            items.add(item.stringValue());
        }
        return items;
    }

    private static ArrayNode strings(List<String> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    /** The times of day a dose is given, in the order of a prescription sheet. */
    public static final List<String> MOMENTS = PrescriptionLines.MOMENTS;
}
