package org.passerelle.people;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.passerelle.platform.Language;

/**
 * Writes a personal data export in its language: labels from resource bundles (each module has its
 * own, {@code personal-data/<module>}, beside the shared {@code personal-data/common}), dates in
 * the document's time zone, names of languages and countries. Arabic keeps Western digits, as on
 * French papers and in the web client.
 */
public final class PersonalDataTexts {

    static final String COMMON = "personal-data/common";

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)\\}");

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ZoneId zone;
    private final List<ResourceBundle> bundles;
    private final Locale formatting;

    private PersonalDataTexts(Language language, ZoneId zone, List<ResourceBundle> bundles) {
        this.language = language;
        this.zone = zone;
        this.bundles = List.copyOf(bundles);
        this.formatting = switch (language) {
            case FR -> Locale.forLanguageTag("fr-FR");
            case EN -> Locale.forLanguageTag("en-GB");
            case AR -> Locale.forLanguageTag("ar");
        };
    }

    /** The shared labels only, for the export itself. */
    static PersonalDataTexts of(Language language, ZoneId zone) {
        return new PersonalDataTexts(language, zone, List.of(bundle(COMMON, language)));
    }

    /** The same language and time zone, with a module's own labels looked up before the shared ones. */
    public PersonalDataTexts with(String bundleBaseName) {
        List<ResourceBundle> all = new ArrayList<>();
        all.add(bundle(bundleBaseName, language));
        all.addAll(bundles);
        return new PersonalDataTexts(language, zone, all);
    }

    public Language language() {
        return language;
    }

    /**
     * The label with this key, its {@code {0}}, {@code {1}}... replaced by {@code arguments}; the key
     * itself when no bundle has it (a missing label shows, it does not fail the export).
     */
    public String text(String key, String... arguments) {
        String text = textOr(key, key);
        if (arguments.length == 0) {
            return text;
        }
        // One pass, so that an argument that looks like a placeholder stays as it is.
        Matcher placeholder = PLACEHOLDER.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < arguments.length ? arguments[index] : placeholder.group();
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** The label with this key, or {@code fallback} when no bundle has it. */
    public String textOr(String key, String fallback) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                return bundle.getString(key);
            }
        }
        return fallback;
    }

    /** The label of an enum value, under {@code prefix.VALUE}. */
    public String of(String prefix, Enum<?> value) {
        return text(prefix + "." + value.name());
    }

    /** What stands for a value the record does not have. */
    public String none() {
        return text("none");
    }

    public String yesNo(boolean yes) {
        return text(yes ? "yes" : "no");
    }

    /** A calendar date: 3 mars 2026, 3 March 2026, 3 مارس 2026. */
    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(formatting)
                .format(date);
    }

    /** A month and year: mars 2026. */
    public String month(LocalDate date) {
        return DateTimeFormatter.ofPattern("LLLL yyyy", formatting).format(date);
    }

    /** A moment, in the document's time zone. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(formatting)
                .withZone(zone)
                .format(instant);
    }

    /**
     * A language's name from its ISO 639 code: as the web client names it when it lists it, else as
     * the JDK does, else the code.
     */
    public String languageName(String code) {
        String name = textOr("language." + code, Locale.forLanguageTag(code).getDisplayLanguage(formatting));
        return name.isBlank() ? code : name;
    }

    /** A country's name from its ISO 3166 code, or the code when it has none. */
    public String countryName(String code) {
        try {
            String name = new Locale.Builder().setRegion(code).build().getDisplayCountry(formatting);
            return name.isBlank() ? code : name;
        } catch (IllformedLocaleException e) {
            return code;
        }
    }

    private static ResourceBundle bundle(String baseName, Language language) {
        try {
            return ResourceBundle.getBundle(
                    baseName, language.locale(), PersonalDataTexts.class.getClassLoader(), NO_FALLBACK);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No labels " + baseName + " for the export", e);
        }
    }
}
