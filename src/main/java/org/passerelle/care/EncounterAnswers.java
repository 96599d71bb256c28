package org.passerelle.care;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.FieldType;
import org.passerelle.care.forms.FormDefinition;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Option;
import org.passerelle.care.forms.FormDefinition.Text;
import org.passerelle.platform.crypto.DataKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** A consultation's answers put back together, and told in words. */
final class EncounterAnswers {

    private EncounterAnswers() {}

    /** The answers as the client sent them: structured ones with the free text put back. */
    static JsonNode of(String coded, byte @Nullable [] sealed, DataKey key, JsonMapper json) {
        ObjectNode answers = (ObjectNode) json.readTree(coded);
        if (sealed == null) {
            return answers;
        }
        JsonNode texts = json.readTree(key.open(EncounterRepository.ANSWERS, sealed));
        texts.forEachEntry((field, value) -> {
            if (value.isArray() && answers.path(field).isArray()) {
                for (int line = 0; line < value.size(); line++) {
                    JsonNode instruction = value.get(line);
                    if (instruction.isString() && answers.path(field).get(line) instanceof ObjectNode stored) {
                        stored.put("instructions", instruction.stringValue());
                    }
                }
            } else {
                answers.set(field, value);
            }
        });
        return answers;
    }

    /** One answered field in words, in a language: its label and its answer. */
    record Told(String label, String answer) {}

    /** Every answered field of the form, in its order, in {@code language} (fr, en or ar). */
    static List<Told> told(FormDefinition form, JsonNode answers, String language, String yes, String no) {
        List<Told> told = new ArrayList<>();
        form.fields().forEach(field -> {
            JsonNode value = answers.path(field.code());
            if (!value.isMissingNode() && !value.isNull()) {
                told.add(new Told(field.label().in(language), answer(field, value, language, yes, no)));
            }
        });
        return told;
    }

    private static String answer(Field field, JsonNode value, String language, String yes, String no) {
        if (field.type() == FieldType.YESNO) {
            return value.asBoolean() ? yes : no;
        }
        if (field.type() == FieldType.CHOICE) {
            return option(field, value.asString(), language);
        }
        if (field.type() == FieldType.MULTIPLE || field.type() == FieldType.DIAGNOSIS) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(
                    field.type() == FieldType.MULTIPLE ? option(field, item.asString(), language) : item.asString()));
            return String.join(", ", items);
        }
        if (field.type() == FieldType.MEDICATION) {
            List<String> lines = new ArrayList<>();
            value.forEach(line -> {
                StringBuilder text = new StringBuilder(line.path("medicine").asString());
                text.append(' ');
                List<String> doses = new ArrayList<>();
                for (String moment : List.of("morning", "noon", "evening", "night")) {
                    doses.add(plain(line.path(moment).decimalValue(BigDecimal.ZERO)));
                }
                text.append(String.join("-", doses));
                if (line.path("days").isNumber()) {
                    text.append(" × ").append(line.path("days").asInt());
                }
                if (line.path("instructions").isString()) {
                    text.append(" · ").append(line.path("instructions").asString());
                }
                lines.add(text.toString());
            });
            return String.join("; ", lines);
        }
        String text = value.isNumber() ? plain(value.decimalValue()) : value.asString();
        return field.unit() == null ? text : text + " " + field.unit();
    }

    private static String plain(BigDecimal number) {
        return number.stripTrailingZeros().toPlainString();
    }

    private static String option(Field field, String code, String language) {
        return field.optionList().stream()
                .filter(option -> option.code().equals(code))
                .findFirst()
                .map(Option::label)
                .map((Text label) -> label.in(language))
                .orElse(code);
    }
}
