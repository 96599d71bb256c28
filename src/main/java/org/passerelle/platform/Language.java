package org.passerelle.platform;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages of the interface and of the documents Passerelle prints (personal data exports,
 * patient cards, dosage sheets, catalogue labels).
 */
public enum Language {
    FR("fr"),
    EN("en"),
    AR("ar");

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as in the request and the document's {@code lang}. */
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
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
