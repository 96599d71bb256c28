package org.passerelle.care.coding;

import java.util.Locale;
import java.util.Optional;

/** The languages the catalogues are labelled in and a dosage sheet is printed in. */
public enum Language {
    FR("fr"),
    EN("en"),
    AR("ar");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public boolean rightToLeft() {
        return this == AR;
    }

    public static Optional<Language> ofCode(String code) {
        for (Language language : values()) {
            if (language.code.equalsIgnoreCase(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    /** The language of a locale, French when it is none of the three. */
    public static Language of(Locale locale) {
        return ofCode(locale.getLanguage()).orElse(FR);
    }
}
