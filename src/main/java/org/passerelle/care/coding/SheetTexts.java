package org.passerelle.care.coding;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.passerelle.platform.Language;

/**
 * The words of a dosage sheet in its language, from {@code care/prescription*.properties}, with
 * the plural of days as each language says it and doses written with fractions (½, ¼, ¾) as on a
 * pill cutter. Arabic keeps Western digits, as on French papers and in the web client.
 */
final class SheetTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Language language;
    private final ResourceBundle bundle;

    private SheetTexts(Language language, ResourceBundle bundle) {
        this.language = language;
        this.bundle = bundle;
    }

    static SheetTexts of(Language language) {
        Locale locale = language == Language.EN ? Locale.ROOT : language.locale();
        try {
            return new SheetTexts(
                    language,
                    ResourceBundle.getBundle(
                            "care/prescription", locale, SheetTexts.class.getClassLoader(), NO_FALLBACK));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("No texts care/prescription for " + language, e);
        }
    }

    Language language() {
        return language;
    }

    String text(String key) {
        return bundle.getString(key);
    }

    /** "For 5 days", with the plural forms of the language (Arabic: one, two, three to ten, more). */
    String days(int days) {
        String form = switch (language) {
            case FR -> days <= 1 ? "one" : "other";
            case EN -> days == 1 ? "one" : "other";
            case AR -> days == 1 ? "one" : days == 2 ? "two" : days <= 10 ? "few" : "other";
        };
        return text("days." + form).replace("{0}", Integer.toString(days));
    }

    String date(LocalDate date) {
        Locale locale = switch (language) {
            case FR -> Locale.forLanguageTag("fr-FR");
            case EN -> Locale.forLanguageTag("en-GB");
            case AR -> Locale.forLanguageTag("ar-u-nu-latn");
        };
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
    }

    /** A dose as printed: {@code 1}, {@code ½}, {@code 1½}, {@code 2.5} (with a decimal comma in French). */
    String amount(BigDecimal dose) {
        BigDecimal whole = dose.setScale(0, RoundingMode.DOWN);
        @Nullable
        String fraction = switch (dose.subtract(whole).stripTrailingZeros().toPlainString()) {
            case "0" -> "";
            case "0.5" -> "½";
            case "0.25" -> "¼";
            case "0.75" -> "¾";
            default -> null;
        };
        if (fraction == null) {
            String plain = dose.stripTrailingZeros().toPlainString();
            return language == Language.FR ? plain.replace('.', ',') : plain;
        }
        if (whole.signum() == 0) {
            return fraction.isEmpty() ? "0" : fraction;
        }
        return whole.toPlainString() + fraction;
    }
}
