package org.passerelle.care.forms;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers that passed a form's rules, split for storage: the structured answers that indicators
 * count, the free text to seal with the person's key, and what gets a table of its own.
 *
 * @param coded structured answers by field code, calculated fields included
 * @param sealed free text by field code; for a medication field, the lines' instructions in order
 * @param diagnoses the ICD-10 codes of every diagnosis field, in order, each once
 * @param attendees how many attended, for a group session
 */
public record CheckedAnswers(
        ObjectNode coded,
        ObjectNode sealed,
        List<String> diagnoses,
        List<PrescribedLine> prescriptions,
        @Nullable Integer attendees) {

    public CheckedAnswers {
        diagnoses = List.copyOf(diagnoses);
        prescriptions = List.copyOf(prescriptions);
    }

    /** One medicine prescribed: how much at each time of day, for how many days. */
    public record PrescribedLine(
            String medicine,
            BigDecimal morning,
            BigDecimal noon,
            BigDecimal evening,
            BigDecimal night,
            @Nullable Integer days,
            @Nullable String instructions) {}
}
