package org.passerelle.care.forms;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.CheckedAnswers.PrescribedLine;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.platform.FieldFaults;
import org.passerelle.platform.PlainText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the answer to a prescription field: at most {@link #MOST_PRESCRIPTION_LINES} lines, each a
 * medicine of the formulary with plausible doses for the times of day, an optional number of days
 * and optional instructions in plain text. Doses and days are kept in the coded answers; the
 * instructions, which may tell something of the person, go with the sealed ones.
 */
final class PrescriptionLines {

    static final int MOST_PRESCRIPTION_LINES = 20;
    static final BigDecimal LARGEST_DOSE = new BigDecimal(100);

    /** The times of day a dose is given, in the order of a prescription sheet. */
    static final List<String> MOMENTS = List.of("morning", "noon", "evening", "night");

    private static final Set<String> LINE_PROPERTIES =
            Set.of("medicine", "morning", "noon", "evening", "night", "days", "instructions");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final CodeLists codes;

    PrescriptionLines(CodeLists codes) {
        this.codes = codes;
    }

    void check(
            Field field,
            JsonNode value,
            String path,
            FieldFaults.Collector faults,
            ObjectNode coded,
            ObjectNode sealed,
            List<PrescribedLine> prescriptions) {
        if (!value.isArray()) {
            faults.add(path, "answer-not-a-list");
            return;
        }
        if (value.size() > MOST_PRESCRIPTION_LINES) {
            faults.add(path, "too-many-prescription-lines", String.valueOf(MOST_PRESCRIPTION_LINES));
            return;
        }
        ArrayNode lines = NODES.arrayNode();
        ArrayNode instructions = NODES.arrayNode();
        List<PrescribedLine> checked = new ArrayList<>();
        int index = 0;
        for (JsonNode line : value) {
            String linePath = path + "[" + index++ + "]";
            if (!line.isObject()) {
                faults.add(linePath, "answer-not-an-object");
                continue;
            }
            for (String property : line.propertyNames()) {
                if (!LINE_PROPERTIES.contains(property)) {
                    faults.add(linePath + "." + property, "unknown-field");
                }
            }
            Checked one = line(line, linePath, faults);
            if (one == null) {
                continue;
            }
            String instruction = one.line().instructions();
            lines.add(one.stored());
            instructions.add(instruction == null ? NODES.nullNode() : NODES.stringNode(instruction));
            checked.add(one.line());
        }
        coded.set(field.code(), lines);
        if (checked.stream().anyMatch(line -> line.instructions() != null)) {
            sealed.set(field.code(), instructions);
        }
        prescriptions.addAll(checked);
    }

    /** One prescription line checked, or null with its faults collected. */
    private @Nullable Checked line(JsonNode line, String linePath, FieldFaults.Collector faults) {
        JsonNode medicine = line.path("medicine");
        if (!medicine.isString() || !codes.isMedicine(medicine.stringValue())) {
            faults.add(linePath + ".medicine", "unknown-medicine");
            return null;
        }
        BigDecimal[] doses = new BigDecimal[4];
        boolean valid = true;
        for (int moment = 0; moment < MOMENTS.size(); moment++) {
            JsonNode dose = line.path(MOMENTS.get(moment));
            if (dose.isMissingNode() || dose.isNull()) {
                doses[moment] = BigDecimal.ZERO;
            } else if (!dose.isNumber()
                    || dose.decimalValue().signum() < 0
                    || dose.decimalValue().compareTo(LARGEST_DOSE) > 0
                    || dose.decimalValue().stripTrailingZeros().scale() > 2) {
                faults.add(linePath + "." + MOMENTS.get(moment), "dose-implausible");
                valid = false;
            } else {
                doses[moment] = dose.decimalValue();
            }
        }
        if (valid && Arrays.stream(doses).allMatch(dose -> dose.signum() == 0)) {
            faults.add(linePath, "dose-missing");
            valid = false;
        }
        JsonNode daysNode = line.path("days");
        Integer days = null;
        if (!daysNode.isMissingNode() && !daysNode.isNull()) {
            if (!daysNode.canConvertToExactIntegral() || daysNode.intValue() < 1 || daysNode.intValue() > 365) {
                faults.add(linePath + ".days", "days-implausible");
                valid = false;
            } else {
                days = daysNode.intValue();
            }
        }
        JsonNode instructionNode = line.path("instructions");
        String instruction = null;
        if (instructionNode.isString() && !instructionNode.stringValue().isBlank()) {
            instruction = instructionNode.stringValue().strip();
            if (!PlainText.isPlain(instruction)) {
                faults.add(linePath + ".instructions", "invalid-characters");
                valid = false;
            } else if (instruction.length() > 500) {
                faults.add(linePath + ".instructions", "text-too-long", "500");
                valid = false;
            }
        } else if (!instructionNode.isMissingNode() && !instructionNode.isNull() && !instructionNode.isString()) {
            faults.add(linePath + ".instructions", "answer-not-text");
            valid = false;
        }
        if (!valid) {
            return null;
        }
        ObjectNode stored = NODES.objectNode().put("medicine", medicine.stringValue());
        for (int moment = 0; moment < MOMENTS.size(); moment++) {
            stored.put(MOMENTS.get(moment), doses[moment]);
        }
        if (days != null) {
            stored.put("days", days);
        }
        return new Checked(
                stored,
                new PrescribedLine(medicine.stringValue(), doses[0], doses[1], doses[2], doses[3], days, instruction));
    }

    /** A line as stored in the coded answers, and as prescribed. */
    private record Checked(ObjectNode stored, PrescribedLine line) {}
}
