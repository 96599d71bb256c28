package org.passerelle.imports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.passerelle.imports.ImportViews.ImportRefusal;
import org.passerelle.people.BirthDate;
import org.passerelle.people.PersonImport.ImportedPerson;
import org.passerelle.people.PersonViews.Flag;
import org.passerelle.people.PersonViews.NameKind;
import org.passerelle.people.PersonViews.OtherName;
import org.passerelle.people.PersonViews.Script;
import org.passerelle.people.Sex;
import org.passerelle.platform.DomainException;
import org.passerelle.platform.Ids;
import org.passerelle.platform.PlainText;

/**
 * Reads one row of a file of persons through a column mapping, with the rules a registration
 * follows ({@code people.PersonViews.PersonDetails}): a chosen name is required, everything else
 * optional, and each value the row gives must be one the registry takes. A row is either a person
 * to import or the reasons it is refused, every reason at once.
 */
final class PersonRow {

    private static final int LONGEST_NAME = 200;
    private static final int MOST_OTHER_NAMES = 20;
    private static final int MOST_LANGUAGES = 10;
    private static final Pattern PHONE = Pattern.compile("[+0-9 ()./-]{4,30}");

    /** What a row is read with: today, the sites named in the file, the importer's own site. */
    record Context(LocalDate today, Instant now, Map<String, UUID> sitesByName, UUID defaultSite) {}

    /** A row read: the person, or the reasons it is refused. */
    record Read(int line, @Nullable ImportedPerson person, List<ImportRefusal> refusals) {}

    private final Map<ImportField, Integer> columns;
    private final List<String> headers;
    private final Context context;

    PersonRow(Map<ImportField, Integer> columns, List<String> headers, Context context) {
        this.columns = new EnumMap<>(columns);
        this.headers = List.copyOf(headers);
        this.context = context;
    }

    /** Reads the row at {@code line} of the file (the header is line 1). */
    Read read(int line, List<String> cells) {
        List<ImportRefusal> refusals = new ArrayList<>();
        Refusals refuse = (field, code) -> refusals.add(new ImportRefusal(line, header(field), code, ""));
        String chosenName = chosenName(cells, refuse);
        List<OtherName> otherNames = otherNames(cells, refuse);
        Sex sex = Optional.ofNullable(cell(cells, ImportField.SEX))
                .map(text -> CellValues.sex(text).orElseGet(() -> {
                    refuse.add(ImportField.SEX, ImportProblems.ROW_SEX_UNKNOWN);
                    return Sex.UNKNOWN;
                }))
                .orElse(Sex.UNKNOWN);
        BirthDate birthDate = birthDate(cells, refuse);
        String phone = cell(cells, ImportField.PHONE);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            refuse.add(ImportField.PHONE, ImportProblems.ROW_PHONE_INVALID);
        }
        Set<String> languages = languages(cells, refuse);
        String country = value(
                cells, ImportField.COUNTRY_OF_ORIGIN, CellValues::country, refuse, ImportProblems.ROW_COUNTRY_UNKNOWN);
        UUID site = site(cells, refuse);
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Boolean minor = value(
                cells, ImportField.UNACCOMPANIED_MINOR, CellValues::yesNo, refuse, ImportProblems.ROW_YES_NO_INVALID);
        if (Boolean.TRUE.equals(minor)) {
            flags.add(Flag.UNACCOMPANIED_MINOR);
        }
        if (!refusals.isEmpty() || chosenName == null) {
            return new Read(line, null, List.copyOf(refusals));
        }
        ImportedPerson person = new ImportedPerson(
                Ids.newId(),
                null,
                chosenName,
                otherNames,
                sex,
                birthDate,
                languages,
                country,
                phone,
                flags,
                site,
                context.now());
        return new Read(line, person, List.of());
    }

    @FunctionalInterface
    private interface Refusals {
        void add(ImportField field, String code);
    }

    private @Nullable String chosenName(List<String> cells, Refusals refuse) {
        String full = cell(cells, ImportField.FULL_NAME);
        String name = full;
        if (name == null) {
            List<String> parts = new ArrayList<>();
            Optional.ofNullable(cell(cells, ImportField.GIVEN_NAME)).ifPresent(parts::add);
            Optional.ofNullable(cell(cells, ImportField.FAMILY_NAME)).ifPresent(parts::add);
            name = parts.isEmpty() ? null : String.join(" ", parts);
        }
        ImportField field = columns.containsKey(ImportField.FULL_NAME)
                ? ImportField.FULL_NAME
                : columns.containsKey(ImportField.GIVEN_NAME) ? ImportField.GIVEN_NAME : ImportField.FAMILY_NAME;
        if (name == null) {
            refuse.add(field, ImportProblems.ROW_NAME_MISSING);
            return null;
        }
        if (!validName(name)) {
            refuse.add(field, ImportProblems.ROW_NAME_INVALID);
            return null;
        }
        return name;
    }

    private List<OtherName> otherNames(List<String> cells, Refusals refuse) {
        List<OtherName> names = new ArrayList<>();
        String aliases = cell(cells, ImportField.OTHER_NAMES);
        if (aliases != null) {
            for (String alias : aliases.split("[;/|]")) {
                if (!alias.isBlank()) {
                    names.add(new OtherName(alias.strip(), NameKind.ALIAS, null, null));
                }
            }
        }
        String original = cell(cells, ImportField.ORIGINAL_SCRIPT_NAME);
        if (original != null) {
            names.add(new OtherName(original, NameKind.ORIGINAL_SCRIPT, scriptOf(original), null));
        }
        if (names.size() > MOST_OTHER_NAMES || names.stream().anyMatch(name -> !validName(name.name()))) {
            refuse.add(
                    aliases != null ? ImportField.OTHER_NAMES : ImportField.ORIGINAL_SCRIPT_NAME,
                    ImportProblems.ROW_NAME_INVALID);
        }
        return names;
    }

    private static Script scriptOf(String name) {
        if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC)) {
            return Script.ARABIC;
        }
        if (name.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ETHIOPIC)) {
            return Script.ETHIOPIC;
        }
        return name.codePoints().allMatch(c -> c < 0x250) ? Script.LATIN : Script.OTHER;
    }

    private static boolean validName(String name) {
        return name.length() <= LONGEST_NAME && !PlainText.hiddenFormatting(name);
    }

    /** The birth date from the first of date, year and age the row gives, checked as a registration's. */
    private @Nullable BirthDate birthDate(List<String> cells, Refusals refuse) {
        BirthDate birthDate = value(
                cells, ImportField.BIRTH_DATE, CellValues::birthDate, refuse, ImportProblems.ROW_BIRTH_DATE_INVALID);
        ImportField field = ImportField.BIRTH_DATE;
        if (birthDate == null && cell(cells, ImportField.BIRTH_DATE) == null) {
            field = ImportField.BIRTH_YEAR;
            birthDate = value(
                    cells,
                    ImportField.BIRTH_YEAR,
                    text -> text.strip().matches("\\d{4}") ? CellValues.birthDate(text) : Optional.empty(),
                    refuse,
                    ImportProblems.ROW_BIRTH_DATE_INVALID);
        }
        if (birthDate == null
                && cell(cells, ImportField.BIRTH_DATE) == null
                && cell(cells, ImportField.BIRTH_YEAR) == null) {
            field = ImportField.AGE;
            Integer age = value(cells, ImportField.AGE, CellValues::age, refuse, ImportProblems.ROW_AGE_INVALID);
            birthDate = age == null ? null : BirthDate.estimated(age, context.today());
        }
        if (birthDate != null) {
            try {
                birthDate.checkPlausible(context.today());
            } catch (DomainException implausible) {
                refuse.add(field, implausible.code());
            }
        }
        return birthDate;
    }

    private Set<String> languages(List<String> cells, Refusals refuse) {
        String text = cell(cells, ImportField.LANGUAGES);
        Set<String> languages = new LinkedHashSet<>();
        if (text == null) {
            return languages;
        }
        for (String part : CellValues.parts(text)) {
            Optional<String> code = CellValues.language(part);
            if (code.isEmpty()) {
                refuse.add(ImportField.LANGUAGES, ImportProblems.ROW_LANGUAGE_UNKNOWN);
                return Set.of();
            }
            languages.add(code.get());
        }
        if (languages.size() > MOST_LANGUAGES) {
            refuse.add(ImportField.LANGUAGES, ImportProblems.ROW_LANGUAGE_UNKNOWN);
        }
        return languages;
    }

    private UUID site(List<String> cells, Refusals refuse) {
        String name = cell(cells, ImportField.SITE);
        if (name == null) {
            return context.defaultSite();
        }
        UUID site = context.sitesByName().get(ImportField.fold(name));
        if (site == null) {
            refuse.add(ImportField.SITE, ImportProblems.ROW_SITE_UNKNOWN);
            return context.defaultSite();
        }
        return site;
    }

    private <T> @Nullable T value(
            List<String> cells,
            ImportField field,
            java.util.function.Function<String, Optional<T>> reader,
            Refusals refuse,
            String code) {
        String text = cell(cells, field);
        if (text == null) {
            return null;
        }
        Optional<T> value = reader.apply(text);
        if (value.isEmpty()) {
            refuse.add(field, code);
            return null;
        }
        return value.get();
    }

    /** The stripped text of the field's column in the row, or null when unmapped or blank. */
    private @Nullable String cell(List<String> cells, ImportField field) {
        Integer column = columns.get(field);
        if (column == null || column >= cells.size()) {
            return null;
        }
        String text = cells.get(column).strip();
        return text.isEmpty() ? null : text;
    }

    private String header(ImportField field) {
        Integer column = columns.get(field);
        return column == null ? field.name() : headers.get(column);
    }
}
