package org.passerelle.care.forms;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What kind of answer a field takes. */
public enum FieldType {
    /** A line or a paragraph of free text, sealed with the person's key. */
    TEXT,
    /** A number, in a unit, within a plausible range, with so many decimals. */
    NUMBER,
    DATE,
    /** A local date and time, such as when an assault happened. */
    DATETIME,
    /** One of the options. */
    CHOICE,
    /** Any number of the options. */
    MULTIPLE,
    YESNO,
    /** ICD-10 codes from the diagnosis catalogue. */
    DIAGNOSIS,
    /** Prescription lines from the formulary. */
    MEDICATION,
    /** Computed from other fields, never typed. */
    CALCULATED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether answers of this type are free text, kept sealed with the person's key. */
    public boolean sealed() {
        return this == TEXT;
    }
}
