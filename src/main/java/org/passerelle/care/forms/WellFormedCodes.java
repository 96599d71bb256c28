package org.passerelle.care.forms;

import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Accepts any well-formed ICD-10 code and medicine code. */
@Component
class WellFormedCodes implements CodeLists {

    private static final Pattern ICD10 = Pattern.compile("[A-Z][0-9]{2}(\\.[0-9A-Z]{1,2})?");
    private static final Pattern MEDICINE = Pattern.compile("[A-Z0-9-]{2,40}");

    @Override
    public boolean isDiagnosis(String code) {
        return ICD10.matcher(code).matches();
    }

    @Override
    public boolean isMedicine(String code) {
        return MEDICINE.matcher(code).matches();
    }
}
