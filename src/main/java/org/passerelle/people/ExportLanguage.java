package org.passerelle.people;

import java.util.Locale;
import java.util.Optional;

/** The languages a personal data export is written in. */
public enum ExportLanguage {
    FR("fr"),
    EN("en"),
    AR("ar");

    private final String code;

    ExportLanguage(String code) {
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

    public static Optional<ExportLanguage> ofCode(String code) {
        for (ExportLanguage language : values()) {
            if (language.code.equals(code)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
