package org.passerelle.care.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.passerelle.care.forms.FormDefinition.Alert;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Section;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The server's form rules on the cases the web client's rules are also tested on
 * ({@code forms/rule-cases.json}, read by {@code web/src/forms/conformance.test.ts}): both must
 * show the same fields, compute the same values and raise the same alerts.
 */
class FormRulesConformanceTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = FormRulesConformanceTest.class.getResourceAsStream("/forms/rule-cases.json")) {
            JsonNode file = JSON.readTree(in);
            FormDefinition form = new FormJson().parse(file.path("form"));
            assertThat(FormChecker.faults(form)).isEmpty();
            List<Arguments> cases = new ArrayList<>();
            file.path("cases")
                    .forEach(c -> cases.add(Arguments.of(c.path("name").asString(), form, c)));
            return cases.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesTheRulesAsTheWebClientDoes(String name, FormDefinition form, JsonNode testCase) {
        Situation situation = new Situation(
                testCase.path("sex").asString(),
                testCase.path("age").isNumber() ? testCase.path("age").asInt() : null,
                LocalDate.parse(testCase.path("occurredOn").asString()),
                LocalDateTime.parse(testCase.path("now").asString()));
        ObjectNode view = (ObjectNode) testCase.path("answers").deepCopy();
        Map<String, Object> calculated = new LinkedHashMap<>();
        for (Section section : form.sections()) {
            for (Field field : section.fields()) {
                if (field.calculate() != null && Conditions.relevant(section, field, view, situation)) {
                    JsonNode value = Calculations.compute(field.calculate(), field.decimalPlaces(), view, situation);
                    if (value != null) {
                        view.set(field.code(), value);
                        calculated.put(field.code(), value.isNumber() ? value.doubleValue() : value.asString());
                    }
                }
            }
        }
        List<String> shown = new ArrayList<>();
        for (Section section : form.sections()) {
            for (Field field : section.fields()) {
                if (Conditions.relevant(section, field, view, situation)) {
                    shown.add(field.code());
                }
            }
        }
        List<String> alerts = form.alertList().stream()
                .filter(alert -> Conditions.holds(alert.when(), view, situation))
                .map(Alert::code)
                .toList();

        Map<String, Object> expected = new LinkedHashMap<>();
        testCase.path("calculated")
                .forEachEntry((field, value) ->
                        expected.put(field, value.isNumber() ? value.doubleValue() : value.asString()));
        assertThat(shown)
                .containsExactlyElementsOf(testCase.path("shown")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList());
        assertThat(calculated).isEqualTo(expected);
        assertThat(alerts)
                .containsExactlyElementsOf(testCase.path("alerts")
                        .valueStream()
                        .map(JsonNode::asString)
                        .toList());
    }
}
