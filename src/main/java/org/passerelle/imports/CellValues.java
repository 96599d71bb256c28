package org.passerelle.imports;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.passerelle.people.BirthDate;
import org.passerelle.people.Sex;

/**
 * The values of a spreadsheet's cells as the registry takes them: sex, birth dates with their
 * precision, ages, yes or no, languages and countries written as codes or named in French or
 * English. Each reader answers empty when the text does not say a value it knows.
 */
final class CellValues {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?");
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})");
    private static final Pattern MONTH_YEAR = Pattern.compile("(\\d{1,2})[/.-](\\d{4})");
    private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("(?:vers|env|environ|about|circa|ca|~)?\\s*\\.?\\s*(\\d{4})");
    private static final Pattern SPREADSHEET_DAY = Pattern.compile("\\d{5}(?:\\.0+)?");
    private static final Pattern AGE = Pattern.compile("(\\d{1,3})(?:[.,]0+)?\\s*(?:ans?|years?|yrs?|y)?");

    /** Day 0 of the dates spreadsheets store as numbers (the 1900 date system). */
    private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);

    private static final Map<String, Sex> SEXES = new HashMap<>();
    private static final Map<String, Boolean> YES_NO = new HashMap<>();
    private static final Map<String, String> LANGUAGES = new HashMap<>();
    private static final Map<String, String> COUNTRIES = new HashMap<>();

    static {
        for (String word : new String[] {"f", "femme", "female", "feminin", "woman", "w", "fille", "girl", "أنثى"}) {
            SEXES.put(word, Sex.FEMALE);
        }
        for (String word : new String[] {"m", "h", "homme", "male", "masculin", "man", "garcon", "boy", "ذكر"}) {
            SEXES.put(word, Sex.MALE);
        }
        for (String word : new String[] {"autre", "other", "x", "non binaire", "non binary"}) {
            SEXES.put(word, Sex.OTHER);
        }
        for (String word : new String[] {"", "inconnu", "unknown", "nsp", "nc", "ne sait pas", "non renseigne"}) {
            SEXES.put(word, Sex.UNKNOWN);
        }
        for (String word : new String[] {"oui", "yes", "o", "y", "1", "x", "vrai", "true", "نعم"}) {
            YES_NO.put(word, true);
        }
        for (String word : new String[] {"", "non", "no", "n", "0", "faux", "false", "لا"}) {
            YES_NO.put(word, false);
        }
        for (String code : Locale.getISOLanguages()) {
            Locale language = Locale.of(code);
            LANGUAGES.put(code, code);
            LANGUAGES.put(language.getISO3Language(), code);
            LANGUAGES.put(ImportField.fold(language.getDisplayLanguage(Locale.FRENCH)), code);
            LANGUAGES.put(ImportField.fold(language.getDisplayLanguage(Locale.ENGLISH)), code);
        }
        LANGUAGES.put("dari", "prs");
        LANGUAGES.put("prs", "prs");
        LANGUAGES.put("pachto", "ps");
        LANGUAGES.put("soussou", "sus");
        for (String code : Locale.getISOCountries()) {
            Locale country = Locale.of("", code);
            COUNTRIES.put(code.toLowerCase(Locale.ROOT), code);
            COUNTRIES.put(country.getISO3Country().toLowerCase(Locale.ROOT), code);
            COUNTRIES.put(ImportField.fold(country.getDisplayCountry(Locale.FRENCH)), code);
            COUNTRIES.put(ImportField.fold(country.getDisplayCountry(Locale.ENGLISH)), code);
        }
    }

    private CellValues() {}

    static Optional<Sex> sex(String text) {
        return Optional.ofNullable(SEXES.get(ImportField.fold(text)));
    }

    static Optional<Boolean> yesNo(String text) {
        return Optional.ofNullable(YES_NO.get(ImportField.fold(text)));
    }

    /** An ISO 639 code from a code or a language's name. */
    static Optional<String> language(String text) {
        return Optional.ofNullable(LANGUAGES.get(ImportField.fold(text)));
    }

    /** An ISO 3166 alpha-2 code from an alpha-2 or alpha-3 code or a country's name. */
    static Optional<String> country(String text) {
        return Optional.ofNullable(COUNTRIES.get(ImportField.fold(text)));
    }

    /** An age in years from 0 to 120 ("25", "25 ans", "25 years"). */
    static Optional<Integer> age(String text) {
        Matcher matcher = AGE.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int age = Integer.parseInt(matcher.group(1));
        return age <= 120 ? Optional.of(age) : Optional.empty();
    }

    /**
     * A birth date with the precision the text gives: a day (2001-03-14, 14/03/2001, or the number a
     * spreadsheet stores a date as), a month (03/2001, 2001-03) or a year (2001, "vers 2001").
     */
    static Optional<BirthDate> birthDate(String text) {
        String value = text.strip().toLowerCase(Locale.ROOT);
        try {
            return Optional.ofNullable(parsed(value));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static @Nullable BirthDate parsed(String value) {
        Matcher matcher;
        if ((matcher = ISO_DATE.matcher(value)).matches()) {
            return BirthDate.exact(LocalDate.of(number(matcher, 1), number(matcher, 2), number(matcher, 3)));
        }
        if ((matcher = DAY_MONTH_YEAR.matcher(value)).matches()) {
            return BirthDate.exact(LocalDate.of(number(matcher, 3), number(matcher, 2), number(matcher, 1)));
        }
        if ((matcher = MONTH_YEAR.matcher(value)).matches()) {
            return BirthDate.month(number(matcher, 2), checkedMonth(number(matcher, 1)));
        }
        if ((matcher = YEAR_MONTH.matcher(value)).matches()) {
            return BirthDate.month(number(matcher, 1), checkedMonth(number(matcher, 2)));
        }
        if ((matcher = YEAR.matcher(value)).matches()) {
            return BirthDate.year(number(matcher, 1));
        }
        if (SPREADSHEET_DAY.matcher(value).matches()) {
            return BirthDate.exact(SPREADSHEET_EPOCH.plusDays((long) Double.parseDouble(value)));
        }
        return null;
    }

    private static int checkedMonth(int month) {
        if (month < 1 || month > 12) {
            throw new DateTimeException("month");
        }
        return month;
    }

    private static int number(Matcher matcher, int group) {
        return Integer.parseInt(matcher.group(group));
    }

    /** The parts of a cell holding several values, separated by commas, semicolons, slashes or bars. */
    static Set<String> parts(String text) {
        Set<String> parts = new LinkedHashSet<>();
        for (String part : text.split("[,;/|]")) {
            if (!part.isBlank()) {
                parts.add(part.strip());
            }
        }
        return parts;
    }
}
