package org.passerelle.care.coding;

import org.passerelle.platform.Language;

/** One text in French, English and Arabic. */
public record Labels(String fr, String en, String ar) {

    public Labels {
        if (fr.isBlank() || en.isBlank() || ar.isBlank()) {
            throw new IllegalArgumentException("a label is missing in French, English or Arabic");
        }
    }

    public String in(Language language) {
        return switch (language) {
            case FR -> fr;
            case EN -> en;
            case AR -> ar;
        };
    }
}
