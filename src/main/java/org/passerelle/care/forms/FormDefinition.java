package org.passerelle.care.forms;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.passerelle.access.Compartment;
import org.passerelle.care.Discipline;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A form as a coordinator writes it: sections of fields, each with its type, labels in French,
 * English and Arabic, its rules (required, plausible range, shown only when a condition holds) and,
 * for calculated fields, how it is computed. The same definition is rendered by the web client and
 * enforced by the server. {@link FormChecker} says whether a definition is sound.
 *
 * @param subject whether the form is about one person or a group session counted anonymously
 * @param usedBy the disciplines whose workers may record with it; the form's own discipline when
 *     none is named
 * @param appliesTo for a person's form: the persons it applies to, a condition on {@code @sex} and
 *     {@code @age} only (an antenatal visit is not for a man); every person when none
 */
public record FormDefinition(
        String code,
        Text title,
        @Nullable Text description,
        Discipline discipline,
        Compartment compartment,
        Subject subject,
        @Nullable List<Discipline> usedBy,
        @Nullable Condition appliesTo,
        List<Section> sections,
        @Nullable List<Alert> alerts) {

    /** Whom a form is about. */
    public enum Subject {
        PERSON,
        GROUP
    }

    /** The field of a group form that holds how many people attended. */
    public static final String ATTENDEES = "attendees";

    public FormDefinition {
        sections = List.copyOf(sections);
        alerts = alerts == null ? List.of() : List.copyOf(alerts);
        usedBy = usedBy == null ? null : List.copyOf(usedBy);
    }

    /** The disciplines whose workers may record with this form. */
    public List<Discipline> disciplines() {
        return usedBy == null || usedBy.isEmpty() ? List.of(discipline) : usedBy;
    }

    /** Whether someone practising these disciplines may record with this form. */
    public boolean usableBy(Set<Discipline> practised) {
        return disciplines().stream().anyMatch(practised::contains);
    }

    /** Whether the form applies to the person of this situation (their sex and age). */
    public boolean appliesToPerson(Situation situation) {
        return Conditions.holds(appliesTo, JsonNodeFactory.instance.objectNode(), situation);
    }

    /** Every field of every section, in order. */
    public Stream<Field> fields() {
        return sections.stream().flatMap(section -> section.fields().stream());
    }

    public Optional<Field> field(String code) {
        return fields().filter(field -> field.code().equals(code)).findFirst();
    }

    /** The alerts; never null once built. */
    public List<Alert> alertList() {
        return Objects.requireNonNullElse(alerts, List.of());
    }

    /** A text in each language of the user interface. */
    public record Text(
            @Nullable String fr,
            @Nullable String en,
            @Nullable String ar) {

        /** The text in {@code language}, or in French when it has none. */
        public String in(String language) {
            String text = switch (language) {
                case "en" -> en;
                case "ar" -> ar;
                default -> fr;
            };
            return Objects.requireNonNullElse(text, Objects.requireNonNullElse(fr, ""));
        }
    }

    /** A group of fields shown together, possibly only when a condition holds. */
    public record Section(String code, Text title, @Nullable Condition relevant, List<Field> fields) {

        public Section {
            fields = List.copyOf(fields);
        }
    }

    /**
     * One question.
     *
     * @param min the smallest plausible number (numbers) or the fewest choices (multiple choice)
     * @param max the largest plausible number
     * @param decimals how many decimals a number may have (0 by default)
     * @param multiline whether a text is a paragraph rather than a line
     * @param maxLength the longest text accepted
     * @param when for dates: whether the date must be past (or today), future (or today), or either
     * @param relevant shown (and answered) only when this holds
     */
    public record Field(
            String code,
            FieldType type,
            Text label,
            @Nullable Text help,
            boolean required,
            @Nullable String unit,
            @Nullable BigDecimal min,
            @Nullable BigDecimal max,
            @Nullable Integer decimals,
            @Nullable Boolean multiline,
            @Nullable Integer maxLength,
            @Nullable DateRange when,
            @Nullable List<Option> options,
            @Nullable Condition relevant,
            @Nullable Calculation calculate) {

        public Field {
            options = options == null ? null : List.copyOf(options);
        }

        public List<Option> optionList() {
            return Objects.requireNonNullElse(options, List.of());
        }

        public boolean hasOption(String code) {
            return optionList().stream().anyMatch(option -> option.code().equals(code));
        }

        public int decimalPlaces() {
            return Objects.requireNonNullElse(decimals, 0);
        }

        /** The longest text accepted: a line of 500 characters or a paragraph of 10,000 unless set. */
        public int longestText() {
            return Objects.requireNonNullElse(maxLength, Boolean.TRUE.equals(multiline) ? 10_000 : 500);
        }
    }

    /** When a date may fall relative to the consultation. */
    public enum DateRange {
        PAST,
        FUTURE,
        ANY
    }

    /** One choice of a single or multiple choice field. */
    public record Option(String code, Text label) {}

    /**
     * A rule on the answers given so far, or on the person ({@code @sex}, {@code @age}). Exactly one
     * of the tests is set: a comparison on {@code field}, or {@code all}, {@code any}, {@code not}.
     *
     * @param equals the answer is this value (a choice's code, a number, true or false)
     * @param in the answer is one of these values
     * @param includes a multiple-choice answer includes this option
     * @param answered the field has (true) or has not (false) been answered
     * @param atLeast a number (or age) is at least this
     * @param atMost a number (or age) is at most this
     * @param withinHours a date or date-time is at most this many hours before now
     */
    public record Condition(
            @Nullable String field,
            @JsonProperty("equals") @Nullable Object equalTo,
            @Nullable List<Object> in,
            @Nullable String includes,
            @Nullable Boolean answered,
            @Nullable BigDecimal atLeast,
            @Nullable BigDecimal atMost,
            @Nullable Integer withinHours,
            @Nullable List<Condition> all,
            @Nullable List<Condition> any,
            @Nullable Condition not) {

        /** The person's sex, as a condition's field. */
        public static final String SEX = "@sex";

        /** The person's age in whole years on the consultation's day, as a condition's field. */
        public static final String AGE = "@age";
    }

    /** How a calculated field is computed from other fields. */
    public record Calculation(CalculationFunction function, List<String> fields) {

        public Calculation {
            fields = List.copyOf(fields);
        }
    }

    /**
     * A warning shown while a condition holds, such as the hours left to start post-exposure
     * prophylaxis.
     *
     * @param until with {@code hours}: the deadline shown is this date-time field plus that many hours
     */
    public record Alert(
            String code,
            Condition when,
            Text message,
            @Nullable String until,
            @Nullable Integer hours) {}
}
