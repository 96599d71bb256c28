package org.passerelle.care.forms;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.passerelle.care.forms.FormDefinition.Alert;
import org.passerelle.care.forms.FormDefinition.Condition;
import org.passerelle.care.forms.FormDefinition.Field;
import org.passerelle.care.forms.FormDefinition.Option;
import org.passerelle.care.forms.FormDefinition.Section;
import org.passerelle.care.forms.FormDefinition.Text;
import org.passerelle.platform.FieldFaults.Fault;
import org.passerelle.platform.PlainText;

/**
 * Says whether a form definition is sound before anyone fills it: codes well formed and unique,
 * every text in French, English and Arabic, each field's settings fit its type, calculations take
 * fields of the right types, and rules refer only to fields asked before them (so that no two
 * fields hide each other). Faults are reported under {@code definition.<path>}.
 */
public final class FormChecker {

    static final Pattern FORM_CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");
    static final Pattern FIELD_CODE = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    static final Set<String> SEXES = Set.of("FEMALE", "MALE", "OTHER", "UNKNOWN");
    static final int MOST_FIELDS = 300;

    private FormChecker() {}

    /** The faults of a definition; none when it is sound. */
    public static List<Fault> faults(FormDefinition form) {
        Checking checking = new Checking(form);
        checking.run();
        return List.copyOf(checking.faults);
    }

    private static final class Checking {

        private final FormDefinition form;
        private final List<Fault> faults = new ArrayList<>();
        /** Fields asked so far, by code: what a rule or a calculation may refer to. */
        private final Map<String, Field> earlier = new HashMap<>();

        Checking(FormDefinition form) {
            this.form = form;
        }

        void add(String path, String code, Object... arguments) {
            faults.add(Fault.of("definition" + (path.isEmpty() ? "" : "." + path), code, arguments));
        }

        void run() {
            if (!FORM_CODE.matcher(form.code()).matches()) {
                add("code", "form-code-invalid");
            }
            text(form.title(), "title", true);
            text(form.description(), "description", false);
            if (!form.discipline().allows(form.compartment())) {
                add("compartment", "compartment-not-allowed-for-discipline");
            }
            people();
            if (form.sections().isEmpty()) {
                add("sections", "form-without-fields");
            }
            if (form.fields().count() > MOST_FIELDS) {
                add("sections", "form-too-long", String.valueOf(MOST_FIELDS));
            }
            Set<String> sectionCodes = new HashSet<>();
            for (int s = 0; s < form.sections().size(); s++) {
                section(form.sections().get(s), "sections[" + s + "]", sectionCodes);
            }
            if (form.subject() == FormDefinition.Subject.GROUP) {
                Field attendees = earlier.get(FormDefinition.ATTENDEES);
                if (attendees == null
                        || (attendees.type() != FieldType.NUMBER && attendees.type() != FieldType.CALCULATED)) {
                    add("sections", "group-form-without-attendees");
                }
            }
            Set<String> alertCodes = new HashSet<>();
            for (int a = 0; a < form.alertList().size(); a++) {
                alert(form.alertList().get(a), "alerts[" + a + "]", alertCodes);
            }
        }

        /**
         * Who records with the form and whom it applies to. Checked before the sections, so that
         * {@code appliesTo} may refer to the person ({@code @sex}, {@code @age}) and to no answer.
         */
        private void people() {
            if (form.usedBy() != null && form.usedBy().isEmpty()) {
                add("usedBy", "form-without-disciplines");
            }
            condition(form.appliesTo(), "appliesTo");
        }

        private void section(Section section, String path, Set<String> codes) {
            if (!FIELD_CODE.matcher(section.code()).matches()) {
                add(path + ".code", "field-code-invalid");
            } else if (!codes.add(section.code())) {
                add(path + ".code", "field-code-repeated");
            }
            text(section.title(), path + ".title", true);
            condition(section.relevant(), path + ".relevant");
            if (section.fields().isEmpty()) {
                add(path + ".fields", "form-without-fields");
            }
            for (int f = 0; f < section.fields().size(); f++) {
                field(section.fields().get(f), path + ".fields[" + f + "]");
            }
        }

        private void field(Field field, String path) {
            if (!FIELD_CODE.matcher(field.code()).matches()) {
                add(path + ".code", "field-code-invalid");
            } else if (earlier.containsKey(field.code())) {
                add(path + ".code", "field-code-repeated");
            }
            text(field.label(), path + ".label", true);
            text(field.help(), path + ".help", false);
            condition(field.relevant(), path + ".relevant");
            FieldType type = field.type();
            boolean numeric = type == FieldType.NUMBER || type == FieldType.CALCULATED;
            if ((field.min() != null || field.max() != null) && type != FieldType.NUMBER) {
                add(path + ".min", "setting-not-for-type");
            }
            if (field.min() != null && field.max() != null && field.min().compareTo(field.max()) > 0) {
                add(path + ".max", "range-inverted");
            }
            if (field.decimals() != null && (!numeric || field.decimals() < 0 || field.decimals() > 4)) {
                add(path + ".decimals", "setting-not-for-type");
            }
            if (field.unit() != null
                    && (!numeric
                            || field.unit().isBlank()
                            || field.unit().length() > 20
                            || !PlainText.isPlain(field.unit()))) {
                add(path + ".unit", "setting-not-for-type");
            }
            if ((field.multiline() != null || field.maxLength() != null) && type != FieldType.TEXT) {
                add(path + ".maxLength", "setting-not-for-type");
            }
            if (field.maxLength() != null && (field.maxLength() < 1 || field.maxLength() > 10_000)) {
                add(path + ".maxLength", "setting-not-for-type");
            }
            if (field.when() != null && type != FieldType.DATE && type != FieldType.DATETIME) {
                add(path + ".when", "setting-not-for-type");
            }
            boolean choices = type == FieldType.CHOICE || type == FieldType.MULTIPLE;
            if (choices) {
                options(field.optionList(), path + ".options", type == FieldType.CHOICE ? 2 : 1);
            } else if (field.options() != null) {
                add(path + ".options", "setting-not-for-type");
            }
            if (type == FieldType.CALCULATED) {
                calculation(field, path);
            } else if (field.calculate() != null) {
                add(path + ".calculate", "setting-not-for-type");
            }
            if (form.subject() == FormDefinition.Subject.GROUP
                    && (type == FieldType.DIAGNOSIS || type == FieldType.MEDICATION || type == FieldType.TEXT)) {
                add(path + ".type", "type-not-for-group");
            }
            earlier.put(field.code(), field);
        }

        private void options(List<Option> options, String path, int fewest) {
            if (options.size() < fewest) {
                add(path, "too-few-options", String.valueOf(fewest));
            }
            Set<String> codes = new HashSet<>();
            for (int o = 0; o < options.size(); o++) {
                Option option = options.get(o);
                if (!FIELD_CODE.matcher(option.code()).matches()) {
                    add(path + "[" + o + "].code", "field-code-invalid");
                } else if (!codes.add(option.code())) {
                    add(path + "[" + o + "].code", "field-code-repeated");
                }
                text(option.label(), path + "[" + o + "].label", true);
            }
        }

        private void calculation(Field field, String path) {
            if (field.required()) {
                add(path + ".required", "setting-not-for-type");
            }
            if (field.calculate() == null) {
                add(path + ".calculate", "calculation-missing");
                return;
            }
            CalculationFunction function = field.calculate().function();
            List<String> inputs = field.calculate().fields();
            List<FieldType> expected = function.arguments();
            if (expected.isEmpty() ? inputs.isEmpty() : inputs.size() != expected.size()) {
                add(path + ".calculate.fields", "calculation-arguments");
                return;
            }
            for (int i = 0; i < inputs.size(); i++) {
                Field input = earlier.get(inputs.get(i));
                FieldType wanted = expected.isEmpty() ? FieldType.NUMBER : expected.get(i);
                if (input == null) {
                    add(path + ".calculate.fields[" + i + "]", "reference-unknown");
                } else if (input.type() != wanted
                        && !(wanted == FieldType.NUMBER && resultType(input) == FieldType.NUMBER)) {
                    add(path + ".calculate.fields[" + i + "]", "calculation-arguments");
                }
            }
        }

        private static @Nullable FieldType resultType(Field field) {
            return field.type() == FieldType.CALCULATED && field.calculate() != null
                    ? field.calculate().function().result()
                    : field.type();
        }

        private void alert(Alert alert, String path, Set<String> codes) {
            if (!FIELD_CODE.matcher(alert.code()).matches()) {
                add(path + ".code", "field-code-invalid");
            } else if (!codes.add(alert.code())) {
                add(path + ".code", "field-code-repeated");
            }
            condition(alert.when(), path + ".when");
            text(alert.message(), path + ".message", true);
            if ((alert.until() == null) != (alert.hours() == null)) {
                add(path + ".hours", "alert-deadline-incomplete");
            } else if (alert.until() != null && alert.hours() != null) {
                Field until = earlier.get(alert.until());
                if (until == null || (until.type() != FieldType.DATE && until.type() != FieldType.DATETIME)) {
                    add(path + ".until", "reference-unknown");
                }
                if (alert.hours() < 1 || alert.hours() > 24 * 365) {
                    add(path + ".hours", "setting-not-for-type");
                }
            }
        }

        private void condition(@Nullable Condition condition, String path) {
            if (condition == null) {
                return;
            }
            int tests = count(condition.equalTo())
                    + count(condition.in())
                    + count(condition.includes())
                    + count(condition.answered())
                    + (condition.atLeast() != null || condition.atMost() != null ? 1 : 0)
                    + count(condition.withinHours());
            int groups = count(condition.all()) + count(condition.any()) + count(condition.not());
            if (groups > 0) {
                if (groups > 1 || tests > 0 || condition.field() != null) {
                    add(path, "condition-malformed");
                    return;
                }
                List<Condition> parts = condition.all() != null
                        ? condition.all()
                        : condition.any() != null ? condition.any() : List.of(condition.not());
                if (parts.isEmpty()) {
                    add(path, "condition-malformed");
                }
                for (int p = 0; p < parts.size(); p++) {
                    condition(parts.get(p), path + (condition.not() != null ? ".not" : "[" + p + "]"));
                }
                return;
            }
            if (tests != 1 || condition.field() == null) {
                add(path, "condition-malformed");
                return;
            }
            List<Object> compared = new ArrayList<>();
            if (condition.equalTo() != null) {
                compared.add(condition.equalTo());
            }
            if (condition.in() != null) {
                compared.addAll(condition.in());
            }
            if (condition.includes() != null) {
                compared.add(condition.includes());
            }
            if (compared.stream().anyMatch(value -> value instanceof String text && !PlainText.isPlain(text))) {
                add(path, "invalid-characters");
                return;
            }
            String reference = condition.field();
            FieldType type;
            if (reference.equals(Condition.SEX)) {
                type = FieldType.CHOICE;
                if (form.subject() == FormDefinition.Subject.GROUP) {
                    add(path + ".field", "reference-unknown");
                    return;
                }
                List<Object> values = condition.in() != null
                        ? condition.in()
                        : condition.equalTo() == null ? List.of() : List.of(condition.equalTo());
                if (values.stream().anyMatch(value -> !SEXES.contains(value.toString()))) {
                    add(path, "condition-value-unknown");
                }
            } else if (reference.equals(Condition.AGE)) {
                type = FieldType.NUMBER;
                if (form.subject() == FormDefinition.Subject.GROUP) {
                    add(path + ".field", "reference-unknown");
                    return;
                }
            } else {
                Field field = earlier.get(reference);
                if (field == null) {
                    add(path + ".field", "reference-unknown");
                    return;
                }
                type = resultType(field);
                List<Object> values = condition.in() != null
                        ? condition.in()
                        : condition.equalTo() == null ? List.of() : List.of(condition.equalTo());
                if (type == FieldType.CHOICE && values.stream().anyMatch(value -> !field.hasOption(value.toString()))) {
                    add(path, "condition-value-unknown");
                }
                if (condition.includes() != null
                        && (type != FieldType.MULTIPLE || !field.hasOption(condition.includes()))) {
                    add(path, "condition-value-unknown");
                }
            }
            if ((condition.atLeast() != null || condition.atMost() != null) && type != FieldType.NUMBER) {
                add(path, "condition-not-for-type");
            }
            if (condition.withinHours() != null
                    && (type != FieldType.DATE && type != FieldType.DATETIME || condition.withinHours() < 1)) {
                add(path, "condition-not-for-type");
            }
            if (condition.equalTo() != null && type == FieldType.YESNO && !(condition.equalTo() instanceof Boolean)) {
                add(path, "condition-value-unknown");
            }
            if (condition.equalTo() != null && type == FieldType.NUMBER && !(condition.equalTo() instanceof Number)) {
                add(path, "condition-value-unknown");
            }
        }

        private static int count(@Nullable Object value) {
            return value == null ? 0 : 1;
        }

        private void text(@Nullable Text text, String path, boolean required) {
            if (text == null) {
                if (required) {
                    add(path, "text-missing-language", "fr, en, ar");
                }
                return;
            }
            List<String> missing = new ArrayList<>();
            if (blank(text.fr())) {
                missing.add("fr");
            }
            if (blank(text.en())) {
                missing.add("en");
            }
            if (blank(text.ar())) {
                missing.add("ar");
            }
            if (!missing.isEmpty()) {
                add(path, "text-missing-language", String.join(", ", missing));
            } else if (!plain(text)) {
                add(path, "invalid-characters");
            } else if (longer(text, 2000)) {
                add(path, "text-too-long", "2000");
            }
        }

        private static boolean plain(Text text) {
            return PlainText.isPlain(text.in("fr"))
                    && PlainText.isPlain(text.in("en"))
                    && PlainText.isPlain(text.in("ar"));
        }

        private static boolean blank(@Nullable String text) {
            return text == null || text.isBlank();
        }

        private static boolean longer(Text text, int length) {
            return (text.fr() != null && text.fr().length() > length)
                    || (text.en() != null && text.en().length() > length)
                    || (text.ar() != null && text.ar().length() > length);
        }
    }
}
