package org.passerelle.care.forms;

/** The code lists coded fields draw from: the diagnosis catalogue and the formulary. */
public interface CodeLists {

    /** Whether {@code code} is an ICD-10 code of the diagnosis catalogue. */
    boolean isDiagnosis(String code);

    /** Whether {@code code} is a medicine of the formulary. */
    boolean isMedicine(String code);
}
